package dev.rapport.follow;

import static dev.rapport.Fixtures.NOW;
import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.connectionsVisibility;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.followsVisibility;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.notifications;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static dev.rapport.Fixtures.whoCanFollow;
import static dev.rapport.Fixtures.withSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Fixtures.Notified;
import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Member;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The follow rules decided on literal state: F1, F2, F3, F4, F5, F6, F7, the follow notification
 * (NT1) and who sees the lists of follows (P5).
 */
class FollowRulesTest {
  static final Policy POLICY = Policy.defaults();
  final Member ada = member("ada");
  final Member bob = member("bob");
  final Member onlyConnections = withSettings(bob, whoCanFollow(WhoCanFollow.CONNECTIONS));

  static FollowOutcome follow(PairState pair, Effects effects) {
    return result(Follows.follow(pair, POLICY, OptionalInt.empty(), Optional.empty(), effects));
  }

  @Test
  void F1_followingTakesEffectAtOnce_withoutApproval() {
    Effects effects = effects();
    assertThat(follow(pair(ada, bob).build(), effects)).isEqualTo(FollowOutcome.CHANGED);
    assertThat(changes(effects)).first().isEqualTo(new Change.AddFollow(ada.id(), bob.id(), NOW));
    assertThat(effects.toCommit().expectedVersions()).containsKeys(ada.id(), bob.id());
  }

  @Test
  void F1_noLimitByDefault() {
    assertThat(POLICY.followCap()).isZero();
    assertThat(result(Follows.follow(pair(ada, bob).build(), POLICY, OptionalInt.of(1_000_000), Optional.empty(),
        effects()))).isEqualTo(FollowOutcome.CHANGED);
  }

  @Test
  void F1_aConfiguredCap_refusesBeyondIt() {
    Policy capped = POLICY.withFollowCap(10);
    var refusal = refused(LimitReachedException.class, "follow-limit",
        () -> Follows.follow(pair(ada, bob).build(), capped, OptionalInt.of(10), Optional.empty(), effects()));
    assertThat(refusal.details()).containsEntry("limit", 10).containsEntry("used", 10);
    assertThat(result(Follows.follow(pair(ada, bob).build(), capped, OptionalInt.of(9), Optional.empty(), effects())))
        .isEqualTo(FollowOutcome.CHANGED);
  }

  @Test
  void F2_followingIsOneWay() {
    Effects effects = effects();
    follow(pair(ada, bob).build(), effects);
    assertThat(changes(effects)).filteredOn(Change.AddFollow.class::isInstance)
        .containsExactly(new Change.AddFollow(ada.id(), bob.id(), NOW));
  }

  @Test
  void F3_theFolloweeIsNotified() {
    Effects effects = effects();
    follow(pair(ada, bob).build(), effects);
    assertThat(notifications(effects)).containsExactly(new Notified(bob.id(), NotificationKind.FOLLOWED, ada.id()));
  }

  @Test
  void F4_followAndUnfollow_areIdempotent() {
    Effects again = effects();
    assertThat(follow(pair(ada, bob).actorFollows().build(), again)).isEqualTo(FollowOutcome.UNCHANGED);
    assertThat(again.isEmpty()).as("no second notification either").isTrue();

    Effects unfollowing = effects();
    assertThat(result(Follows.unfollow(pair(ada, bob).actorFollows().build(), unfollowing)))
        .isEqualTo(FollowOutcome.CHANGED);
    assertThat(changes(unfollowing)).containsExactly(new Change.RemoveFollow(ada.id(), bob.id()));
    Effects unfollowAgain = effects();
    assertThat(result(Follows.unfollow(pair(ada, bob).build(), unfollowAgain))).isEqualTo(FollowOutcome.UNCHANGED);
    assertThat(unfollowAgain.isEmpty()).isTrue();
  }

  @Test
  void F4_unfollowingIsSilent() {
    Effects effects = effects();
    Follows.unfollow(pair(ada, bob).actorFollows().build(), effects);
    assertThat(notifications(effects)).isEmpty();
  }

  @Test
  void F5_whoCanFollowConnections_refusesOthers_andLetsConnectionsFollow() {
    refused(ForbiddenException.class, "follow-restricted", () -> follow(pair(ada, onlyConnections).build(), effects()));
    assertThat(follow(pair(ada, onlyConnections).connectedOnly().build(), effects())).isEqualTo(FollowOutcome.CHANGED);
  }

  @Test
  void F5_outsideFollowers_areHiddenNotDeleted_andShownAgainWhenSwitchedBack() {
    assertThat(Follows.hidesOutsideFollowers(onlyConnections)).isTrue();
    assertThat(Follows.hidesOutsideFollowers(bob)).isFalse();
    assertThat(Follows.isEffective(true, onlyConnections, false)).isFalse();
    assertThat(Follows.isEffective(true, onlyConnections, true)).isTrue();
    assertThat(Follows.isEffective(true, bob, false)).as("switched back").isTrue();
    assertThat(Follows.isEffective(false, bob, true)).isFalse();
  }

  @Test
  void F6_removingAFollower_onlyRemovesTheFollow_soTheyMayFollowAgain() {
    Effects effects = effects();
    assertThat(result(Follows.removeFollower(pair(bob, ada).otherFollows().build(), effects)))
        .isEqualTo(FollowOutcome.CHANGED);
    assertThat(changes(effects)).containsExactly(new Change.RemoveFollow(ada.id(), bob.id()));
    assertThat(follow(pair(ada, bob).build(), effects())).isEqualTo(FollowOutcome.CHANGED);

    Effects notAFollower = effects();
    assertThat(result(Follows.removeFollower(pair(bob, ada).build(), notAFollower))).isEqualTo(FollowOutcome.UNCHANGED);
    assertThat(notAFollower.isEmpty()).isTrue();
  }

  @Test
  void F7_cannotFollowYourself() {
    refused(RuleBrokenException.class, "cannot-follow-self", () -> follow(pair(ada, ada).build(), effects()));
    assertThat(Follows.mayFollow(pair(ada, ada).build())).isFalse();
  }

  @Test
  void F7_cannotFollowAMemberWhoBlockedYou_norOneYouBlocked() {
    refused(NotFoundException.class, "member-not-found", () -> follow(pair(ada, bob).otherBlocked().build(), effects()));
    refused(RuleBrokenException.class, "member-blocked", () -> follow(pair(ada, bob).actorBlocked().build(), effects()));
  }

  @Test
  void F7_selfBeforeBlockBeforeWhoCanFollow() {
    refused(RuleBrokenException.class, "cannot-follow-self",
        () -> follow(pair(ada, ada).actorBlocked().build(), effects()));
    refused(RuleBrokenException.class, "member-blocked",
        () -> follow(pair(ada, onlyConnections).actorBlocked().build(), effects()));
  }

  @Test
  void NT1_followNotifies_unfollowAndRemoveDoNot() {
    Effects effects = effects();
    follow(pair(ada, bob).build(), effects);
    Follows.unfollow(pair(ada, bob).actorFollows().build(), effects);
    Follows.removeFollower(pair(bob, ada).otherFollows().build(), effects);
    assertThat(notifications(effects)).extracting(Notified::kind).containsExactly(NotificationKind.FOLLOWED);
  }

  @Test
  void NT1_aRepeatedFollowWithinADay_doesNotNotifyAgain() {
    Instant notified = NOW.minus(Duration.ofHours(23));
    Effects again = effects();
    assertThat(result(Follows.follow(pair(ada, bob).build(), POLICY, OptionalInt.empty(), Optional.of(notified),
        again))).isEqualTo(FollowOutcome.CHANGED);
    assertThat(changes(again)).contains(new Change.AddFollow(ada.id(), bob.id(), NOW));
    assertThat(notifications(again)).isEmpty();
  }

  @Test
  void NT1_aFollowADayAfterTheLastNotice_notifiesAgain() {
    Effects again = effects();
    Follows.follow(pair(ada, bob).build(), POLICY, OptionalInt.empty(), Optional.of(NOW.minus(Duration.ofDays(1))),
        again);
    assertThat(notifications(again)).extracting(Notified::kind).containsExactly(NotificationKind.FOLLOWED);
  }

  @Test
  void P5_followLists_areTheMembersOwn_byDefault() {
    Follows.requireListsVisible(pair(bob, bob).build());
    refused(ForbiddenException.class, "follows-hidden", () -> Follows.requireListsVisible(pair(ada, bob).build()));
    refused(ForbiddenException.class, "follows-hidden",
        () -> Follows.requireListsVisible(pair(ada, bob).connected().build()));
  }

  @Test
  void P5_followsVisibilityConnections_showsTheListsToConnectionsOnly() {
    Member open = withSettings(bob, followsVisibility(FollowsVisibility.CONNECTIONS));
    Follows.requireListsVisible(pair(ada, open).connected().build());
    refused(ForbiddenException.class, "follows-hidden", () -> Follows.requireListsVisible(pair(ada, open).build()));
    refused(ForbiddenException.class, "follows-hidden",
        () -> Follows.requireListsVisible(pair(ada, open).actorFollows().otherFollows().build()));
  }

  @Test
  void P5_P1_hiddenConnections_keepTheListsHidden_whateverFollowsVisibilitySays() {
    Member hidden = withSettings(bob, connectionsVisibility(ConnectionsVisibility.ONLY_ME)
        .withFollowsVisibility(FollowsVisibility.CONNECTIONS));
    var refusal = refused(ForbiddenException.class, "follows-hidden",
        () -> Follows.requireListsVisible(pair(ada, hidden).connected().build()));
    assertThat(refusal.getMessage()).endsWith("only to themself");
    Follows.requireListsVisible(pair(hidden, hidden).build());
  }

  @Test
  void P5_B2_aBlockHidesTheMember_beforeTheirSettings() {
    Member open = withSettings(bob, followsVisibility(FollowsVisibility.CONNECTIONS));
    refused(NotFoundException.class, "member-not-found",
        () -> Follows.requireListsVisible(pair(ada, open).otherBlocked().build()));
    refused(NotFoundException.class, "member-not-found",
        () -> Follows.requireListsVisible(pair(ada, bob).actorBlocked().build()));
  }
}
