package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.PageRequest;
import dev.rapport.network.NetworkSize;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.profile.ProfileView;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Blocks and privacy (B1, B2, B3, P1, P5), through the facade against a real store. */
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
    // B2: what the block canceled is gone, for the one who blocked too.
    assertThat(problemType(() -> rapport.invitations().accept(ada, fromCyd.id()))).isEqualTo("invitation-not-found");
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
    rapport.updateMe(cyd, ProfileUpdate.none().withFollowsVisibility(FollowsVisibility.CONNECTIONS));
    assertThat(followers(ada, "cyd")).containsExactly("ada");
    assertThat(connections(cyd, "cyd")).containsExactlyInAnyOrder("ada", "bob");
  }

  @Test
  void B2_search_leavesOutMembersBlockedEitherWay_andUnblockingBringsThemBack() {
    long ada = member("ada");
    long adam = member("adam");
    long adele = member("adele");
    rapport.block(ada, h("adam"));
    rapport.block(adele, h("ada"));
    assertThat(handles(rapport.searchMembers(ada, "ad", PageRequest.first()))).containsExactly("ada");
    assertThat(handles(rapport.searchMembers(adam, "ad", PageRequest.first()))).containsExactly("adele", "adam");
    assertThat(handles(rapport.searchMembers(adele, "ad", PageRequest.first()))).containsExactly("adele", "adam");
    rapport.unblock(ada, h("adam"));
    assertThat(handles(rapport.searchMembers(adam, "ad", PageRequest.first()))).containsExactly("adele", "adam", "ada");
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

  @Test
  void P5_followLists_areTheMembersOwn_byDefault_whileTheFollowerCountStays() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    long cyd = member("cyd");
    rapport.follow(cyd, h("ada"));
    assertThat(followers(ada, "ada")).containsExactlyInAnyOrder("bob", "cyd");
    assertThat(following(ada, "ada")).containsExactly("bob");
    for (long viewer : new long[] {bob, cyd}) {
      assertThat(problemType(() -> followers(viewer, "ada"))).isEqualTo("follows-hidden");
      assertThat(problemType(() -> following(viewer, "ada"))).isEqualTo("follows-hidden");
    }
    rapport.updateMe(ada, ProfileUpdate.none().withFollowPrimary(true));
    assertThat(profile(cyd, "ada").followerCount()).contains(2);
  }

  @Test
  void P5_followsVisibilityConnections_showsTheListsToConnectionsOnly() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    rapport.follow(cyd, h("ada"));
    rapport.updateMe(ada, ProfileUpdate.none().withFollowsVisibility(FollowsVisibility.CONNECTIONS));
    assertThat(followers(bob, "ada")).containsExactlyInAnyOrder("bob", "cyd");
    assertThat(following(bob, "ada")).containsExactly("bob");
    assertThatThrownBy(() -> followers(cyd, "ada")).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> following(cyd, "ada")).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void P5_P1_hiddenConnections_cannotBeReadBack_asMutualFollows() {
    long[] ids = adaWithBobAndCyd_danWithCyd();
    long ada = ids[0];
    long bob = ids[1];
    rapport.updateMe(ada, ProfileUpdate.none().withConnectionsVisibility(ConnectionsVisibility.ONLY_ME)
        .withFollowsVisibility(FollowsVisibility.CONNECTIONS));
    assertThat(problemType(() -> followers(bob, "ada"))).isEqualTo("follows-hidden");
    assertThat(problemType(() -> following(bob, "ada"))).isEqualTo("follows-hidden");
    assertThat(connections(bob, "ada")).isEmpty();
    assertThat(followers(ada, "ada")).containsExactlyInAnyOrder("bob", "cyd");
  }

  @Test
  void B2_invitationHistory_namesNeitherSide_whileTheBlockStands_andWhatItCanceledNeverShows() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    rapport.removeConnection(bob, h("ada"));
    Invitation pending = invitationSent(bob, "ada");
    rapport.block(ada, h("bob"));
    for (long member : new long[] {ada, bob}) {
      for (InvitationState state : InvitationState.values()) {
        assertThat(received(member, Optional.of(state))).as("%d received %s", member, state).isEmpty();
        assertThat(sent(member, Optional.of(state))).as("%d sent %s", member, state).isEmpty();
      }
    }
    assertThatThrownBy(() -> rapport.invitations().withdraw(bob, pending.id())).isInstanceOf(NotFoundException.class)
        .hasMessage(problemMessage(() -> rapport.invitations().withdraw(bob, Long.MAX_VALUE)).replace(
            Long.toString(Long.MAX_VALUE), Long.toString(pending.id())));
    rapport.unblock(ada, h("bob"));
    assertThat(sent(ada, Optional.of(InvitationState.ACCEPTED))).hasSize(1);
    assertThat(received(bob, Optional.of(InvitationState.ACCEPTED))).hasSize(1);
    assertThat(sent(bob, Optional.of(InvitationState.CANCELED))).isEmpty();
    assertThat(received(ada, Optional.of(InvitationState.CANCELED))).isEmpty();
    assertThatThrownBy(() -> rapport.invitations().accept(ada, pending.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void B2_countsLeaveOut_whomABlockHides() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    connect(cyd, "cyd", ada, "ada");
    connect(cyd, "cyd", bob, "bob");
    connect(dan, "dan", bob, "bob");
    rapport.updateMe(cyd, ProfileUpdate.none().withFollowPrimary(true));
    rapport.block(bob, h("ada"));
    assertThat(profile(ada, "cyd").connectionCount()).isEqualTo(connections(ada, "cyd").size()).isEqualTo(1);
    assertThat(profile(ada, "cyd").followerCount()).contains(1);
    assertThat(profile(dan, "cyd").connectionCount()).isEqualTo(2);
    assertThat(profile(dan, "cyd").followerCount()).contains(2);
    assertThat(rapport.networkSize(ada)).isEqualTo(new NetworkSize(1, 0, 1));
    assertThat(rapport.networkSize(dan)).isEqualTo(new NetworkSize(1, 1, 1));
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
