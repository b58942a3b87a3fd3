package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.Invitation;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.NotFoundException;
import dev.rapport.profile.ProfileView;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Blocks and privacy (B1, B2, B3, P1), through the facade against a real store. */
public abstract class BlockAndPrivacyRulesContract extends RulesContract {
  @Test
  void B1_blocking_removesTheConnection_followsBothWays_andPendingInvitationsBothWays() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    Invitation fromCyd = invitationSent(cyd, "ada");
    rapport.follow(ada, h("cyd"));
    rapport.block(ada, h("bob"));
    rapport.block(ada, h("cyd"));
    assertThat(connections(ada, "ada")).isEmpty();
    assertThat(following(ada, "ada")).isEmpty();
    assertThat(followers(ada, "ada")).isEmpty();
    assertThat(rapport.member(h("bob")).orElseThrow().connectionCount()).isZero();
    assertThat(received(ada, Optional.empty())).isEmpty();
    assertThat(problemType(() -> rapport.accept(ada, fromCyd.id()))).isEqualTo("invitation-not-open");
    assertThat(handles(rapport.blocked(ada, PageRequest.first()))).containsExactlyInAnyOrder("bob", "cyd");
    // Blocking notifies nobody (NT1), and B2 hides what ada caused before.
    assertThat(notificationKinds(bob)).isEmpty();
    assertThat(notificationKinds(cyd)).isEmpty();
  }

  @Test
  void B2_blockedPairs_areInvisibleToEachOther_profilesAndLists() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", cyd, "cyd");
    connect(bob, "bob", cyd, "cyd");
    rapport.follow(bob, h("cyd"));
    rapport.block(ada, h("bob"));
    assertThatThrownBy(() -> profile(ada, "bob")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> profile(bob, "ada")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> connections(bob, "ada")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> followers(bob, "ada")).isInstanceOf(NotFoundException.class);
    assertThat(connections(ada, "cyd")).containsExactly("ada");
    assertThat(connections(bob, "cyd")).containsExactly("bob");
    assertThat(followers(ada, "cyd")).containsExactly("ada");
    assertThat(connections(cyd, "cyd")).containsExactlyInAnyOrder("ada", "bob");
  }

  @Test
  void B2_notificationsFromABlockedMember_disappear() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.follow(bob, h("ada"));
    assertThat(notificationKinds(ada)).hasSize(1);
    rapport.block(ada, h("bob"));
    assertThat(notificationKinds(ada)).isEmpty();
  }

  @Test
  void B3_neitherSideCanFollowOrInvite_whileBlocked() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.block(ada, h("bob"));
    assertThat(problemType(() -> rapport.follow(ada, h("bob")))).isEqualTo("member-blocked");
    assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("member-blocked");
    assertThatThrownBy(() -> rapport.follow(bob, h("ada"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> invite(bob, "ada")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rapport.unfollow(bob, h("ada"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rapport.removeFollower(bob, h("ada"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void B3_unblocking_restoresNothing() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    rapport.block(ada, h("bob"));
    assertThat(rapport.unblock(ada, h("bob"))).isTrue();
    assertThat(rapport.unblock(ada, h("bob"))).isFalse();
    assertThat(relationship(ada, "bob")).isEqualTo(
        new ProfileView.Relationship(false, false, false, Optional.empty(), OptionalInt.empty(), 0, List.of()));
    assertThat(invite(bob, "ada")).isInstanceOf(InvitationOutcome.Sent.class);
  }

  @Test
  void P1_onlyMe_hidesTheConnectionList_butSharedConnectionsStayVisible() {
    long[] ids = adaWithBobAndCyd_danWithCyd();
    long ada = ids[0];
    long bob = ids[1];
    long dan = ids[3];
    rapport.updateMe(ada, ProfileUpdate.none().withConnectionsVisibility(ConnectionsVisibility.ONLY_ME));
    assertThat(connections(ada, "ada")).containsExactlyInAnyOrder("bob", "cyd");
    assertThat(connections(bob, "ada")).isEmpty();
    assertThat(connections(dan, "ada")).containsExactly("cyd");
  }

  @Test
  void P1_byDefault_connectionsSeeTheWholeList_andOthersOnlyWhatTheyShare() {
    long[] ids = adaWithBobAndCyd_danWithCyd();
    long bob = ids[1];
    long dan = ids[3];
    assertThat(connections(bob, "ada")).containsExactlyInAnyOrder("bob", "cyd");
    assertThat(connections(dan, "ada")).containsExactly("cyd");
  }

  /** ada is connected to bob and cyd, and dan to cyd only: the ids of ada, bob, cyd and dan. */
  private long[] adaWithBobAndCyd_danWithCyd() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    connect(ada, "ada", bob, "bob");
    connect(ada, "ada", cyd, "cyd");
    connect(dan, "dan", cyd, "cyd");
    return new long[] {ada, bob, cyd, dan};
  }
}
