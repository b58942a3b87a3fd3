package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.follow.FollowOutcome;
import dev.rapport.kernel.Policy;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.PageRequest;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.notification.NotificationView;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RapportException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Following (F1, F2, F3, F4, F5, F6, F7), through the facade against a real store. */
public abstract class FollowRulesContract extends RulesContract {
  @Test
  void F1_follow_needsNoApproval_andTakesEffectAtOnce() {
    long ada = member("ada");
    long bob = member("bob");
    assertThat(rapport.follow(ada, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
    assertThat(relationship(ada, "bob").following()).isTrue();
    assertThat(followers(bob, "bob")).containsExactly("ada");
  }

  @Test
  void F1_follows_haveNoLimitByDefault() {
    long ada = member("ada");
    for (int i = 0; i < 60; i++) {
      member("m" + i + "x");
      rapport.follow(ada, h("m" + i + "x"));
    }
    assertThat(following(ada, "ada")).hasSize(60);
  }

  @Test
  void F1_optionalFollowCap_whenConfigured_refusesBeyondIt() {
    usePolicy(Policy.defaults().withFollowCap(2));
    long ada = member("ada");
    member("bob");
    member("cyd");
    member("dan");
    rapport.follow(ada, h("bob"));
    rapport.follow(ada, h("cyd"));
    assertThatThrownBy(() -> rapport.follow(ada, h("dan")))
        .isInstanceOf(LimitReachedException.class)
        .satisfies(e -> assertThat(((RapportException) e).type()).isEqualTo("follow-limit"));
  }

  @Test
  void F2_following_isOneWay_untilFollowedBack() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.follow(ada, h("bob"));
    assertThat(relationship(ada, "bob").following()).isTrue();
    assertThat(relationship(bob, "ada").following()).isFalse();
    assertThat(relationship(bob, "ada").followedBy()).isTrue();
    assertThat(following(bob, "bob")).isEmpty();
    rapport.follow(bob, h("ada"));
    assertThat(following(bob, "bob")).containsExactly("ada");
    assertThat(relationship(ada, "bob").connected()).isFalse();
  }

  @Test
  void F3_followee_isNotified() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.follow(ada, h("bob"));
    List<NotificationView> notifications = rapport.notifications().list(bob, PageRequest.first()).items();
    assertThat(notifications).singleElement().satisfies(n -> {
      assertThat(n.notification().kind()).isEqualTo(NotificationKind.FOLLOWED);
      assertThat(n.actor().id()).isEqualTo(ada);
    });
    assertThat(notificationKinds(ada)).isEmpty();
  }

  @Test
  void F4_followAndUnfollow_areIdempotent() {
    long ada = member("ada");
    long bob = member("bob");
    assertThat(rapport.follow(ada, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
    assertThat(rapport.follow(ada, h("bob"))).isEqualTo(FollowOutcome.UNCHANGED);
    assertThat(followers(bob, "bob")).containsExactly("ada");
    assertThat(notificationKinds(bob)).hasSize(1);
    assertThat(rapport.unfollow(ada, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
    assertThat(rapport.unfollow(ada, h("bob"))).isEqualTo(FollowOutcome.UNCHANGED);
    assertThat(followers(bob, "bob")).isEmpty();
  }

  @Test
  void F5_whoCanFollowConnections_letsOnlyConnectionsFollow() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    rapport.updateMe(bob, ProfileUpdate.none().withWhoCanFollow(WhoCanFollow.CONNECTIONS));
    assertThatThrownBy(() -> rapport.follow(ada, h("bob"))).isInstanceOf(ForbiddenException.class)
        .satisfies(e -> assertThat(((RapportException) e).type()).isEqualTo("follow-restricted"));
    connect(cyd, "cyd", bob, "bob");
    rapport.unfollow(cyd, h("bob"));
    assertThat(rapport.follow(cyd, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
    assertThat(followers(bob, "bob")).containsExactly("cyd");
  }

  @Test
  void F5_switchingToConnections_hidesOutsideFollowers_andSwitchingBack_restoresThem() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    rapport.follow(ada, h("bob"));
    connect(cyd, "cyd", bob, "bob");
    rapport.updateMe(bob, ProfileUpdate.none().withWhoCanFollow(WhoCanFollow.CONNECTIONS).withFollowPrimary(true));
    assertThat(followers(bob, "bob")).containsExactly("cyd");
    assertThat(profile(cyd, "bob").followerCount()).contains(1);
    assertThat(following(ada, "ada")).isEmpty();
    assertThat(relationship(ada, "bob").following()).isFalse();

    rapport.updateMe(bob, ProfileUpdate.none().withWhoCanFollow(WhoCanFollow.EVERYONE));
    assertThat(followers(bob, "bob")).containsExactlyInAnyOrder("ada", "cyd");
    assertThat(following(ada, "ada")).containsExactly("bob");
    assertThat(relationship(ada, "bob").following()).isTrue();
  }

  @Test
  void F6_removingAFollower_doesNotBlock_andTheyMayFollowAgain() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.follow(ada, h("bob"));
    assertThat(rapport.removeFollower(bob, h("ada"))).isEqualTo(FollowOutcome.CHANGED);
    assertThat(followers(bob, "bob")).isEmpty();
    assertThat(rapport.blocked(bob, PageRequest.first()).items()).isEmpty();
    assertThat(rapport.follow(ada, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
    assertThat(followers(bob, "bob")).containsExactly("ada");
  }

  @Test
  void F7_cannotFollowYourself() {
    long ada = member("ada");
    assertThat(problemType(() -> rapport.follow(ada, h("ada")))).isEqualTo("cannot-follow-self");
  }

  @Test
  void F7_cannotFollowAMemberWhoBlockedYou_norOneYouBlocked() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.block(bob, h("ada"));
    assertThatThrownBy(() -> rapport.follow(ada, h("bob"))).isInstanceOf(NotFoundException.class);
    assertThat(problemType(() -> rapport.follow(bob, h("ada")))).isEqualTo("member-blocked");
    assertThat(followers(bob, "bob")).isEmpty();
    assertThat(following(bob, "bob")).isEmpty();
  }

  @Test
  void NT1_aRepeatedFollowWithinADay_doesNotNotifyAgain() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.follow(ada, h("bob"));
    rapport.unfollow(ada, h("bob"));
    clock.advance(Duration.ofHours(23));
    assertThat(rapport.follow(ada, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
    assertThat(followers(bob, "bob")).containsExactly("ada");
    assertThat(notificationKinds(bob)).containsExactly(NotificationKind.FOLLOWED);
    // A day after the one notice, following again notifies again.
    rapport.unfollow(ada, h("bob"));
    clock.advance(Duration.ofHours(1));
    rapport.follow(ada, h("bob"));
    assertThat(notificationKinds(bob)).containsExactly(NotificationKind.FOLLOWED, NotificationKind.FOLLOWED);
  }

  @Test
  void NT1_theQuietDay_isPerFollower() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    rapport.follow(ada, h("cyd"));
    rapport.follow(bob, h("cyd"));
    assertThat(notificationKinds(cyd)).hasSize(2);
    rapport.follow(cyd, h("ada"));
    assertThat(notificationKinds(ada)).containsExactly(NotificationKind.FOLLOWED);
    assertThat(notificationKinds(bob)).isEmpty();
  }
}
