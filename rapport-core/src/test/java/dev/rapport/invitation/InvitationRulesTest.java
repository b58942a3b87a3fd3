package dev.rapport.invitation;

import static dev.rapport.Fixtures.NOW;
import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.company;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.invitation;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.notifications;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.pending;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static dev.rapport.Fixtures.stateChanges;
import static dev.rapport.Fixtures.usage;
import static dev.rapport.Fixtures.whoCanFollow;
import static dev.rapport.Fixtures.whoCanInvite;
import static dev.rapport.Fixtures.withEmail;
import static dev.rapport.Fixtures.withSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Fixtures.Notified;
import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The connect rules decided on literal state: C1, C2, C3, C4, C5, C6, C7, C8, C9, C11 and what
 * invitations notify (NT1).
 */
class InvitationRulesTest {
  static final Policy POLICY = Policy.defaults();
  final Member ada = member("ada");
  final Member bob = member("bob");

  static SendInvitation invite(Member to) {
    return new SendInvitation(to.handle(), Optional.empty(), Optional.empty());
  }

  static SendInvitation invite(Member to, String note) {
    return new SendInvitation(to.handle(), Optional.of(note), Optional.empty());
  }

  static SendInvitation inviteWithEmail(Member to, String email) {
    return new SendInvitation(to.handle(), Optional.empty(), Optional.of(email));
  }

  static InvitationOutcome send(PairState pair, SendInvitation command, Effects effects) {
    return result(Invitations.send(pair, usage().build(), command, POLICY, effects));
  }

  @Test
  void C1_invitation_isPendingWithItsNote_andTheRecipientIsNotified() {
    Effects effects = effects();
    var outcome = send(pair(ada, bob).build(), invite(bob, "hello"), effects);

    assertThat(outcome).isInstanceOf(InvitationOutcome.Sent.class);
    Invitation sent = outcome.invitation();
    assertThat(sent.state()).isEqualTo(InvitationState.PENDING);
    assertThat(sent.senderId()).isEqualTo(ada.id());
    assertThat(sent.recipientId()).isEqualTo(bob.id());
    assertThat(sent.note()).contains("hello");
    assertThat(sent.sentAt()).isEqualTo(NOW);
    assertThat(changes(effects)).contains(new Change.AddInvitation(sent));
    assertThat(notifications(effects))
        .containsExactly(new Notified(bob.id(), NotificationKind.INVITATION_RECEIVED, ada.id()));
  }

  @Test
  void C1_secondInvitationToTheSameMember_isRefusedWhileTheFirstIsOpen() {
    Invitation open = pending(7, ada, bob);
    var refusal = refused(RuleBrokenException.class, "invitation-already-pending",
        () -> send(pair(ada, bob).open(open).build(), invite(bob), effects()));
    assertThat(refusal.details()).containsEntry("invitationId", "7");
  }

  @Test
  void C1_onlyTheRecipientAnswers_andOnlyTheSenderWithdraws() {
    Member cy = member("cyd");
    Invitation open = pending(7, ada, bob);
    refused(NotFoundException.class, "invitation-not-found",
        () -> Invitations.accept(open, pair(ada, bob).open(open).build(), POLICY, effects()));
    refused(NotFoundException.class, "invitation-not-found",
        () -> Invitations.ignore(open, pair(cy, ada).build(), effects()));
    refused(NotFoundException.class, "invitation-not-found",
        () -> Invitations.withdraw(open, pair(bob, ada).open(open).build(), effects()));
  }

  @Test
  void C2_sendingFollowsTheRecipient() {
    Effects effects = effects();
    send(pair(ada, bob).build(), invite(bob), effects);
    assertThat(changes(effects)).contains(new Change.AddFollow(ada.id(), bob.id(), NOW));
  }

  @Test
  void C2_noSecondFollow_whenTheSenderAlreadyFollows() {
    Effects effects = effects();
    send(pair(ada, bob).actorFollows().build(), invite(bob), effects);
    assertThat(changes(effects)).noneMatch(Change.AddFollow.class::isInstance);
  }

  @Test
  void C2_noFollow_whereF5Forbids() {
    Member private_ = withSettings(bob, whoCanFollow(WhoCanFollow.CONNECTIONS));
    Effects effects = effects();
    var outcome = send(pair(ada, private_).build(), invite(private_), effects);
    assertThat(outcome).isInstanceOf(InvitationOutcome.Sent.class);
    assertThat(changes(effects)).noneMatch(Change.AddFollow.class::isInstance);
  }

  @Test
  void C2_ignoringOrWithdrawing_leavesTheFollow() {
    Invitation open = pending(7, ada, bob);
    Effects ignoring = effects();
    Invitations.ignore(open, pair(bob, ada).otherFollows().open(open).build(), ignoring);
    Effects withdrawing = effects();
    Invitations.withdraw(open, pair(ada, bob).actorFollows().open(open).build(), withdrawing);
    assertThat(changes(ignoring)).noneMatch(Change.RemoveFollow.class::isInstance);
    assertThat(changes(withdrawing)).noneMatch(Change.RemoveFollow.class::isInstance);
  }

  @Test
  void C3_accepting_connectsBoth_eachFollowingTheOther_andTellsTheSender() {
    Invitation open = pending(7, ada, bob);
    Effects effects = effects();
    // C2 left ada following bob; bob does not follow ada yet.
    Invitation accepted = result(Invitations.accept(open, pair(bob, ada).otherFollows().open(open).build(),
        POLICY, effects));

    assertThat(accepted.state()).isEqualTo(InvitationState.ACCEPTED);
    assertThat(stateChanges(effects)).containsExactly(
        new Change.UpdateInvitation(open.withState(InvitationState.ACCEPTED, NOW)),
        new Change.AddConnection(bob.id(), ada.id(), NOW),
        new Change.AddFollow(bob.id(), ada.id(), NOW));
    assertThat(notifications(effects))
        .containsExactly(new Notified(ada.id(), NotificationKind.INVITATION_ACCEPTED, bob.id()));
  }

  @Test
  void C4_crossingInvitations_connect() {
    Invitation bobsInvitation = pending(7, bob, ada);
    Effects effects = effects();
    var outcome = send(pair(ada, bob).otherFollows().open(bobsInvitation).build(), invite(bob), effects);

    assertThat(outcome).isInstanceOf(InvitationOutcome.Connected.class);
    assertThat(outcome.invitation().id()).isEqualTo(7);
    assertThat(outcome.invitation().state()).isEqualTo(InvitationState.ACCEPTED);
    assertThat(changes(effects)).contains(new Change.AddConnection(ada.id(), bob.id(), NOW),
        new Change.AddFollow(ada.id(), bob.id(), NOW));
    assertThat(changes(effects)).noneMatch(Change.AddInvitation.class::isInstance);
    assertThat(notifications(effects))
        .containsExactly(new Notified(bob.id(), NotificationKind.INVITATION_ACCEPTED, ada.id()));
  }

  @Test
  void C5_ignoring_isSilentAndIdempotent_andTheSenderStillSeesItPending() {
    Invitation open = pending(7, ada, bob);
    Effects effects = effects();
    Invitation ignored = result(Invitations.ignore(open, pair(bob, ada).open(open).build(), effects));

    assertThat(ignored.state()).isEqualTo(InvitationState.IGNORED);
    assertThat(ignored.state().seenBySender()).isEqualTo(InvitationState.PENDING);
    assertThat(notifications(effects)).isEmpty();
    Effects again = effects();
    assertThat(result(Invitations.ignore(ignored, pair(bob, ada).open(ignored).build(), again))).isEqualTo(ignored);
    assertThat(again.isEmpty()).isTrue();
  }

  @Test
  void C5_anIgnoredInvitation_canStillBeAccepted() {
    Invitation ignored = pending(7, ada, bob).withState(InvitationState.IGNORED, NOW.minusSeconds(60));
    Effects effects = effects();
    Invitation accepted = result(Invitations.accept(ignored, pair(bob, ada).open(ignored).build(), POLICY, effects));
    assertThat(accepted.state()).isEqualTo(InvitationState.ACCEPTED);
    assertThat(changes(effects)).contains(new Change.AddConnection(bob.id(), ada.id(), NOW));
  }

  @Test
  void B2_canceledInvitations_areListedToNeitherSide() {
    assertThat(Invitations.listedStates(true, Optional.of(InvitationState.CANCELED))).isEmpty();
    assertThat(Invitations.listedStates(false, Optional.of(InvitationState.CANCELED))).isEmpty();
    assertThat(Invitations.listedStates(true, Optional.empty())).doesNotContain(InvitationState.CANCELED);
    assertThat(Invitations.listedStates(false, Optional.empty())).doesNotContain(InvitationState.CANCELED);
  }

  @Test
  void B2_aCanceledInvitation_orOneAcrossABlock_doesNotExistForEitherSide() {
    Invitation canceled = invitation(7, ada, bob, InvitationState.CANCELED, NOW.minus(Duration.ofDays(1)));
    refused(NotFoundException.class, "invitation-not-found",
        () -> Invitations.withdraw(canceled, pair(ada, bob).build(), effects()));
    refused(NotFoundException.class, "invitation-not-found",
        () -> Invitations.accept(canceled, pair(bob, ada).build(), POLICY, effects()));
    Invitation accepted = invitation(8, ada, bob, InvitationState.ACCEPTED, NOW.minus(Duration.ofDays(1)));
    refused(NotFoundException.class, "invitation-not-found",
        () -> Invitations.withdraw(accepted, pair(ada, bob).otherBlocked().build(), effects()));
    refused(NotFoundException.class, "invitation-not-found",
        () -> Invitations.ignore(accepted, pair(bob, ada).actorBlocked().build(), effects()));
    refused(RuleBrokenException.class, "invitation-not-open",
        () -> Invitations.withdraw(accepted, pair(ada, bob).build(), effects()));
  }

  @Test
  void C5_theSendersList_showsIgnoredAsPending_andHasNoIgnoredBox() {
    assertThat(Invitations.listedStates(true, Optional.empty()))
        .isEqualTo(EnumSet.of(InvitationState.PENDING, InvitationState.IGNORED));
    assertThat(Invitations.listedStates(true, Optional.of(InvitationState.PENDING)))
        .isEqualTo(EnumSet.of(InvitationState.PENDING, InvitationState.IGNORED));
    assertThat(Invitations.listedStates(true, Optional.of(InvitationState.IGNORED))).isEmpty();
    assertThat(Invitations.listedStates(false, Optional.empty())).isEqualTo(EnumSet.of(InvitationState.PENDING));
    assertThat(Invitations.listedStates(false, Optional.of(InvitationState.IGNORED)))
        .isEqualTo(EnumSet.of(InvitationState.IGNORED));
  }

  @Test
  void C6_withdrawing_isSilent_andTheWithdrawnInvitationCannotBeAnswered() {
    Invitation open = pending(7, ada, bob);
    Effects effects = effects();
    Invitation withdrawn = result(Invitations.withdraw(open, pair(ada, bob).open(open).build(), effects));

    assertThat(withdrawn.state()).isEqualTo(InvitationState.WITHDRAWN);
    assertThat(withdrawn.updatedAt()).as("the cooldown starts now").isEqualTo(NOW);
    assertThat(notifications(effects)).isEmpty();
    refused(RuleBrokenException.class, "invitation-not-open",
        () -> Invitations.accept(withdrawn, pair(bob, ada).build(), POLICY, effects()));
  }

  @Test
  void C6_within21DaysOfWithdrawing_isRefusedUntilTheCooldownEnds() {
    var withdrewAt = NOW.minus(java.time.Duration.ofDays(20));
    var refusal = refused(LimitReachedException.class, "invitation-cooldown",
        () -> send(pair(ada, bob).actorWithdrewAt(withdrewAt).build(), invite(bob), effects()));
    assertThat(refusal.details()).containsEntry("retryAt", withdrewAt.plus(java.time.Duration.ofDays(21)));
  }

  @Test
  void C6_after21Days_theSenderMayInviteAgain() {
    var withdrewAt = NOW.minus(java.time.Duration.ofDays(21));
    assertThat(send(pair(ada, bob).actorWithdrewAt(withdrewAt).build(), invite(bob), effects()))
        .isInstanceOf(InvitationOutcome.Sent.class);
  }

  @Test
  void C7_reporting_ignoresTheInvitation_marksItReported_andIsIdempotent() {
    Invitation open = pending(7, ada, bob);
    Effects effects = effects();
    Invitation reported = result(Invitations.report(open, pair(bob, ada).open(open).build(), usage().build(),
        POLICY, effects));

    assertThat(reported.state()).isEqualTo(InvitationState.IGNORED);
    assertThat(reported.reportedAt()).contains(NOW);
    assertThat(changes(effects)).containsExactly(new Change.UpdateInvitation(open.reported(NOW)));
    Effects again = effects();
    Invitations.report(reported, pair(bob, ada).open(reported).build(), usage().build(), POLICY, again);
    assertThat(again.isEmpty()).isTrue();
  }

  @Test
  void C8_noteLongerThanTheTierMaximum_isRejectedWithLimitAndUsed() {
    var refusal = refused(InvalidInputException.class, "note-too-long",
        () -> send(pair(ada, bob).build(), invite(bob, "x".repeat(201)), effects()));
    assertThat(refusal.details()).containsEntry("limit", 200).containsEntry("used", 201);
    assertThat(send(pair(ada, bob).build(), invite(bob, "x".repeat(200)), effects()))
        .isInstanceOf(InvitationOutcome.Sent.class);
    Member premiumAda = dev.rapport.Fixtures.premium(ada);
    assertThat(send(pair(premiumAda, bob).build(), invite(bob, "x".repeat(300)), effects()))
        .isInstanceOf(InvitationOutcome.Sent.class);
  }

  @Test
  void C8_basicSixthNoteInAMonth_isRejected_butTheInvitationMayGoWithoutANote() {
    var used = usage().notes(5).build();
    var refusal = refused(LimitReachedException.class, "monthly-note-limit",
        () -> Invitations.send(pair(ada, bob).build(), used, invite(bob, "hi"), POLICY, effects()));
    assertThat(refusal.details()).containsEntry("limit", 5).containsEntry("used", 5)
        .containsEntry("retryAt", java.time.Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(result(Invitations.send(pair(ada, bob).build(), used, invite(bob), POLICY, effects())))
        .isInstanceOf(InvitationOutcome.Sent.class);
  }

  @Test
  void C8_premiumNotes_areUnlimited() {
    var used = usage().notes(500).build();
    Member premiumAda = dev.rapport.Fixtures.premium(ada);
    assertThat(result(Invitations.send(pair(premiumAda, bob).build(), used, invite(bob, "hi"), POLICY, effects())))
        .isInstanceOf(InvitationOutcome.Sent.class);
  }

  @Test
  void C9_whoCanInviteEmail_needsTheRecipientsEmail_comparedCaseInsensitively() {
    Member guarded = withEmail(withSettings(bob, whoCanInvite(WhoCanInvite.EMAIL)), "Bob@Example.org");
    PairState pair = pair(ada, guarded).build();
    refused(ForbiddenException.class, "email-required", () -> send(pair, invite(guarded), effects()));
    refused(ForbiddenException.class, "email-mismatch",
        () -> send(pair, inviteWithEmail(guarded, "other@example.org"), effects()));
    assertThat(send(pair, inviteWithEmail(guarded, "bob@EXAMPLE.org"), effects()))
        .isInstanceOf(InvitationOutcome.Sent.class);
  }

  @Test
  void C9_whoCanInviteNobody_refusesAllInvitations() {
    Member closed = withSettings(bob, whoCanInvite(WhoCanInvite.NOBODY));
    refused(ForbiddenException.class, "invitations-not-accepted",
        () -> send(pair(ada, closed).build(), inviteWithEmail(closed, "bob@example.org"), effects()));
  }

  @Test
  void C11_invitingYourself_isRefused() {
    refused(RuleBrokenException.class, "cannot-invite-self", () -> send(pair(ada, ada).build(), invite(ada), effects()));
  }

  @Test
  void C11_invitingAConnection_isRefused() {
    refused(RuleBrokenException.class, "already-connected",
        () -> send(pair(ada, bob).connected().build(), invite(bob), effects()));
  }

  @Test
  void C11_invitingAcrossABlock_isRefused_eitherWay() {
    refused(RuleBrokenException.class, "member-blocked",
        () -> send(pair(ada, bob).actorBlocked().build(), invite(bob), effects()));
    refused(NotFoundException.class, "member-not-found",
        () -> send(pair(ada, bob).otherBlocked().build(), invite(bob), effects()));
  }

  @Test
  void CP1_companyPages_areNeverConnected() {
    Member acme = company("acme");
    refused(RuleBrokenException.class, "not-connectable", () -> send(pair(ada, acme).build(), invite(acme), effects()));
    refused(RuleBrokenException.class, "not-connectable", () -> send(pair(acme, ada).build(), invite(ada), effects()));
  }

  @Test
  void NT1_ignoringWithdrawingAndReporting_notifyNobody() {
    Invitation open = pending(7, ada, bob);
    Effects effects = effects();
    Invitations.ignore(open, pair(bob, ada).open(open).build(), effects);
    Invitations.withdraw(open, pair(ada, bob).open(open).build(), effects);
    Invitations.report(open, pair(bob, ada).open(open).build(), usage().build(), POLICY, effects);
    assertThat(notifications(effects)).isEmpty();
  }
}
