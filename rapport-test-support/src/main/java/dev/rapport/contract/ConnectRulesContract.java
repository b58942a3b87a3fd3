package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rapport.connection.ConnectedMember;
import dev.rapport.follow.FollowOutcome;
import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.MemberKind;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Restriction;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RapportException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Connecting by invitation (C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11), through the facade against a real store. */
public abstract class ConnectRulesContract extends RulesContract {
  @Test
  void C1_invitation_isPendingUntilAnswered_andCarriesAnOptionalNote() {
    long ada = member("ada");
    long bob = member("bob");
    Invitation invitation = inviteWithNote(ada, "bob", "We met at the Analytical Engine meetup").invitation();
    assertThat(invitation.state()).isEqualTo(InvitationState.PENDING);
    assertThat(invitation.note()).contains("We met at the Analytical Engine meetup");
    assertThat(received(bob, Optional.empty())).singleElement()
        .satisfies(v -> assertThat(v.invitation().id()).isEqualTo(invitation.id()));
    assertThat(sent(ada, Optional.empty())).singleElement()
        .satisfies(v -> assertThat(v.invitation().state()).isEqualTo(InvitationState.PENDING));
  }

  @Test
  void C1_atMostOnePendingInvitationPerPair() {
    long ada = member("ada");
    member("bob");
    invitationSent(ada, "bob");
    assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("invitation-already-pending");
    assertThat(rapport.limits(ada).pendingInvitations().used()).isEqualTo(1);
  }

  @Test
  void C2_sendingAnInvitation_followsTheRecipient_andIgnoreOrWithdrawLeavesTheFollow() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    Invitation toBob = invitationSent(ada, "bob");
    Invitation toCyd = invitationSent(ada, "cyd");
    assertThat(following(ada, "ada")).containsExactlyInAnyOrder("bob", "cyd");
    rapport.invitations().ignore(bob, toBob.id());
    rapport.invitations().withdraw(ada, toCyd.id());
    assertThat(following(ada, "ada")).containsExactlyInAnyOrder("bob", "cyd");
    assertThat(relationship(bob, "ada").following()).isFalse();
  }

  @Test
  void C2_sendingAnInvitation_doesNotFollowWhereF5Forbids() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.updateMe(bob, ProfileUpdate.none().withWhoCanFollow(WhoCanFollow.CONNECTIONS));
    invitationSent(ada, "bob");
    assertThat(following(ada, "ada")).isEmpty();
  }

  @Test
  void C3_accepting_connectsBothAndMakesEachFollowTheOther() {
    long ada = member("ada");
    long bob = member("bob");
    Invitation invitation = invitationSent(ada, "bob");
    Invitation accepted = rapport.invitations().accept(bob, invitation.id()).invitation();
    assertThat(accepted.state()).isEqualTo(InvitationState.ACCEPTED);
    assertThat(connections(ada, "ada")).containsExactly("bob");
    assertThat(connections(bob, "bob")).containsExactly("ada");
    assertThat(relationship(ada, "bob")).satisfies(r -> {
      assertThat(r.connected()).isTrue();
      assertThat(r.following()).isTrue();
      assertThat(r.followedBy()).isTrue();
      assertThat(r.invitation()).isEmpty();
    });
    assertThat(rapport.member(h("ada")).orElseThrow().connectionCount()).isEqualTo(1);
    assertThat(rapport.member(h("bob")).orElseThrow().connectionCount()).isEqualTo(1);
    assertThat(notificationKinds(ada)).containsExactly(NotificationKind.INVITATION_ACCEPTED);
    assertThat(notificationKinds(bob)).containsExactly(NotificationKind.INVITATION_RECEIVED);
  }

  @Test
  void C3_connectionLists_sayWhenEachConnectionWasMade_newestFirst() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    Instant bobAccepted = clock.instant();
    clock.advance(Duration.ofDays(3));
    Invitation toCyd = invitationSent(ada, "cyd");
    clock.advance(Duration.ofHours(5));
    rapport.invitations().accept(cyd, toCyd.id());
    assertThat(rapport.connections(ada, h("ada"), PageRequest.first()).items())
        .extracting(c -> c.member().handle().value(), ConnectedMember::connectedAt)
        .containsExactly(tuple("cyd", clock.instant()), tuple("bob", bobAccepted));
    assertThat(rapport.connections(cyd, h("ada"), PageRequest.first(1)).items())
        .as("the same times for a viewer who sees the list, page by page")
        .extracting(ConnectedMember::connectedAt).containsExactly(clock.instant());
  }

  @Test
  void C4_crossingInvitations_connectAtOnce_acceptingTheFirst() {
    long ada = member("ada");
    long bob = member("bob");
    Invitation first = invitationSent(ada, "bob");
    InvitationOutcome crossing = invite(bob, "ada");
    assertThat(crossing).isInstanceOf(InvitationOutcome.Connected.class);
    assertThat(crossing.invitation().id()).isEqualTo(first.id());
    assertThat(crossing.invitation().state()).isEqualTo(InvitationState.ACCEPTED);
    assertThat(connections(ada, "ada")).containsExactly("bob");
    assertThat(relationship(bob, "ada").following()).isTrue();
    assertThat(relationship(bob, "ada").followedBy()).isTrue();
    assertThat(sent(bob, Optional.empty())).isEmpty();
  }

  @Test
  void C5_ignoredInvitation_looksPendingToTheSender_andCanStillBeAccepted() {
    long ada = member("ada");
    long bob = member("bob");
    Invitation invitation = invitationSent(ada, "bob");
    assertThat(rapport.invitations().ignore(bob, invitation.id()).invitation().state()).isEqualTo(InvitationState.IGNORED);
    assertThat(sent(ada, Optional.of(InvitationState.PENDING))).singleElement()
        .satisfies(v -> assertThat(v.invitation().state()).isEqualTo(InvitationState.PENDING));
    assertThat(sent(ada, Optional.of(InvitationState.IGNORED))).isEmpty();
    assertThat(relationship(ada, "bob").invitation().orElseThrow().state()).isEqualTo(InvitationState.PENDING);
    assertThat(notificationKinds(ada)).isEmpty();
    assertThat(received(bob, Optional.empty())).isEmpty();
    assertThat(received(bob, Optional.of(InvitationState.IGNORED))).hasSize(1);

    rapport.invitations().accept(bob, invitation.id());
    assertThat(relationship(ada, "bob").connected()).isTrue();
  }

  @Test
  void C6_afterWithdrawing_theSenderCannotInviteTheSameMemberFor21Days() {
    long ada = member("ada");
    member("bob");
    member("cyd");
    Invitation invitation = invitationSent(ada, "bob");
    rapport.invitations().withdraw(ada, invitation.id());
    assertThatThrownBy(() -> invite(ada, "bob")).isInstanceOf(LimitReachedException.class)
        .satisfies(e -> {
          assertThat(((RapportException) e).type()).isEqualTo("invitation-cooldown");
          assertThat(((RapportException) e).details()).containsEntry("retryAt", START.plus(Duration.ofDays(21)));
        });
    invitationSent(ada, "cyd");
    clock.advance(Duration.ofDays(21));
    assertThat(invite(ada, "bob")).isInstanceOf(InvitationOutcome.Sent.class);
  }

  @Test
  void C6_withdrawnInvitation_cannotBeAnsweredAnymore() {
    long ada = member("ada");
    long bob = member("bob");
    Invitation invitation = invitationSent(ada, "bob");
    rapport.invitations().withdraw(ada, invitation.id());
    assertThat(problemType(() -> rapport.invitations().accept(bob, invitation.id()))).isEqualTo("invitation-not-open");
    assertThat(relationship(bob, "ada").connected()).isFalse();
  }

  @Test
  void C7_report_ignoresTheInvitation_andCountsAgainstTheSender() {
    long ada = member("ada");
    long bob = member("bob");
    Invitation invitation = invitationSent(ada, "bob");
    Invitation reported = rapport.invitations().report(bob, invitation.id()).invitation();
    assertThat(reported.state()).isEqualTo(InvitationState.IGNORED);
    assertThat(reported.reportedAt()).contains(START);
    assertThat(received(bob, Optional.of(InvitationState.IGNORED))).hasSize(1);
    assertThat(notificationKinds(ada)).isEmpty();
  }

  @Test
  void C7_fiveReportsIn30Days_restrictTheSender() {
    long spammer = member("spammer");
    List<Long> recipients = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      recipients.add(member("target-" + i));
    }
    for (int i = 0; i < 4; i++) {
      Invitation invitation = invitationSent(spammer, "target-" + i);
      rapport.invitations().report(recipients.get(i), invitation.id());
    }
    assertThat(rapport.limits(spammer).restriction()).isEmpty();
    Invitation fifth = invitationSent(spammer, "target-4");
    rapport.invitations().report(recipients.get(4), fifth.id());
    Restriction restriction = rapport.limits(spammer).restriction().orElseThrow();
    assertThat(restriction.reason()).isEqualTo(Restriction.REPORTED);
    assertThat(problemType(() -> invite(spammer, "target-5"))).isEqualTo("invitations-restricted");
  }

  @Test
  void C7_reportsOlderThan30Days_doNotCount() {
    long spammer = member("spammer");
    for (int i = 0; i < 5; i++) {
      long target = member("target-" + i);
      Invitation invitation = invitationSent(spammer, "target-" + i);
      rapport.invitations().report(target, invitation.id());
      if (i == 1) {
        clock.advance(Duration.ofDays(31));
      }
    }
    assertThat(rapport.limits(spammer).restriction()).isEmpty();
  }

  @Test
  void C8_noteLongerThanTheTierMaximum_isRejected() {
    long ada = member("ada");
    long premium = member("pam", "premium");
    member("bob");
    assertThat(problemType(() -> inviteWithNote(ada, "bob", "x".repeat(201)))).isEqualTo("note-too-long");
    assertThat(sent(ada, Optional.empty())).isEmpty();
    assertThat(inviteWithNote(ada, "bob", "x".repeat(200))).isInstanceOf(InvitationOutcome.Sent.class);
    member("cyd");
    assertThat(inviteWithNote(premium, "cyd", "y".repeat(300))).isInstanceOf(InvitationOutcome.Sent.class);
  }

  @Test
  void C8_basicMembersSixthNoteInAMonth_isRejected_butTheInvitationCanGoWithoutANote() {
    long ada = member("ada");
    for (int i = 0; i < 6; i++) {
      member("peer-" + i);
    }
    for (int i = 0; i < 5; i++) {
      inviteWithNote(ada, "peer-" + i, "Hello " + i);
    }
    assertThat(problemType(() -> inviteWithNote(ada, "peer-5", "Hello again"))).isEqualTo("monthly-note-limit");
    assertThat(invite(ada, "peer-5")).isInstanceOf(InvitationOutcome.Sent.class);
    assertThat(rapport.limits(ada).monthlyNotes().used()).isEqualTo(5);
  }

  @Test
  void C8_notes_areCountedPerCalendarMonth() {
    long ada = member("ada");
    for (int i = 0; i < 7; i++) {
      member("peer-" + i);
    }
    for (int i = 0; i < 5; i++) {
      inviteWithNote(ada, "peer-" + i, "Hello " + i);
    }
    clock.advance(Duration.ofDays(22)); // 2026-04-01T09:00Z: a new month
    assertThat(inviteWithNote(ada, "peer-5", "A new month")).isInstanceOf(InvitationOutcome.Sent.class);
    assertThat(rapport.limits(ada).monthlyNotes().used()).isEqualTo(1);
  }

  @Test
  void C9_whoCanInviteEmail_requiresTheRecipientsEmail_comparedCaseInsensitively() {
    long ada = member("ada");
    long bob = member("bob", "basic");
    rapport.updateMe(bob, ProfileUpdate.none().withWhoCanInvite(WhoCanInvite.EMAIL));
    assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("email-required");
    assertThat(problemType(() -> rapport.invitations().invite(ada, new SendInvitation(h("bob"), Optional.empty(),
        Optional.of("someone@example.com"))))).isEqualTo("email-mismatch");
    assertThat(rapport.invitations().invite(ada, new SendInvitation(h("bob"), Optional.empty(), Optional.of("BOB@Example.com"))))
        .isInstanceOf(InvitationOutcome.Sent.class);
  }

  @Test
  void C9_whoCanInviteNobody_refusesAllInvitations() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.updateMe(bob, ProfileUpdate.none().withWhoCanInvite(WhoCanInvite.NOBODY));
    assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("invitations-not-accepted");
    assertThat(received(bob, Optional.empty())).isEmpty();
  }

  @Test
  void C10_removingAConnection_isSilent_andRemovesBothFollows() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    int adaNotes = notificationKinds(ada).size();
    int bobNotes = notificationKinds(bob).size();
    rapport.removeConnection(ada, h("bob"));
    assertThat(connections(ada, "ada")).isEmpty();
    assertThat(connections(bob, "bob")).isEmpty();
    assertThat(following(ada, "ada")).isEmpty();
    assertThat(following(bob, "bob")).isEmpty();
    assertThat(rapport.member(h("bob")).orElseThrow().connectionCount()).isZero();
    assertThat(notificationKinds(ada)).hasSize(adaNotes);
    assertThat(notificationKinds(bob)).hasSize(bobNotes);
    assertThat(problemType(() -> rapport.removeConnection(ada, h("bob")))).isEqualTo("not-connected");
  }

  @Test
  void C11_connectingWithYourself_isRefused() {
    long ada = member("ada");
    assertThat(problemType(() -> invite(ada, "ada"))).isEqualTo("cannot-invite-self");
  }

  @Test
  void C11_connectingWhenAlreadyConnected_isRefused() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("already-connected");
    assertThat(problemType(() -> invite(bob, "ada"))).isEqualTo("already-connected");
  }

  @Test
  void C11_connectingWhenBlockedOrBlocking_isRefused() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.block(ada, h("bob"));
    assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("member-blocked");
    assertThatThrownBy(() -> invite(bob, "ada")).isInstanceOf(NotFoundException.class);
    assertThat(received(ada, Optional.empty())).isEmpty();
    assertThat(received(bob, Optional.empty())).isEmpty();
  }

  @Test
  void C11_companyPages_areFollowedNeverConnected() {
    long ada = member("ada");
    rapport.createMember(new NewMember(h("acme"), MemberKind.COMPANY, "Acme", "", Optional.empty(), Optional.empty()));
    assertThat(problemType(() -> invite(ada, "acme"))).isEqualTo("not-connectable");
    assertThat(rapport.follow(ada, h("acme"))).isEqualTo(FollowOutcome.CHANGED);
  }

  @Test
  void C_onlyTheRightMember_canAnswerAnInvitation() {
    long ada = member("ada");
    long bob = member("bob");
    long eve = member("eve");
    Invitation invitation = invitationSent(ada, "bob");
    assertThatThrownBy(() -> rapport.invitations().accept(eve, invitation.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rapport.invitations().accept(ada, invitation.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rapport.invitations().withdraw(bob, invitation.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rapport.invitations().report(eve, invitation.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rapport.invitations().ignore(eve, invitation.id())).isInstanceOf(NotFoundException.class);
    assertThat(received(bob, Optional.empty())).hasSize(1);
  }
}
