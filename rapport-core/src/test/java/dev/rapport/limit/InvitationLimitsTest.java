package dev.rapport.limit;

import static dev.rapport.Fixtures.NOW;
import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.pending;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static dev.rapport.Fixtures.usage;
import static dev.rapport.Fixtures.withConnections;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.follow.FollowOutcome;
import dev.rapport.follow.Follows;
import dev.rapport.invitation.Invitations;
import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.Usage;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.Restriction;
import dev.rapport.problem.LimitReachedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The invitation limits and restrictions decided on literal usage: L1, L2, L3, L4, L5, L6 and C7's restriction. */
class InvitationLimitsTest {
  static final Policy POLICY = Policy.defaults();
  final Member ada = member("ada");
  final Member bob = member("bob");

  static Instant hoursAgo(int hours) {
    return NOW.minus(Duration.ofHours(hours));
  }

  /** What the weekly limit decides for ada with her week used up and this usage otherwise. */
  Optional<LimitReachedException> overWeekly(Usage usage, Effects effects) {
    return InvitationLimits.refuseOverWeeklyLimit(ada, usage, POLICY, effects, bob.id());
  }

  List<Restriction> restrictions(Effects effects) {
    return changes(effects).stream().filter(Change.AddRestriction.class::isInstance)
        .map(c -> ((Change.AddRestriction) c).restriction()).toList();
  }

  @Test
  void L1_atTheCap_aMemberCannotAccept_andTheInvitationStaysPending() {
    Invitation open = pending(7, bob, ada);
    Member full = withConnections(ada, 30_000);
    Effects effects = effects();
    var refusal = refused(LimitReachedException.class, "connection-limit",
        () -> Invitations.accept(open, pair(full, bob).open(open).build(), POLICY, effects));
    assertThat(refusal.details()).containsEntry("limit", 30_000).containsEntry("used", 30_000);
    assertThat(effects.isEmpty()).as("nothing changes: the invitation stays pending").isTrue();
  }

  @Test
  void L1_anAcceptThatWouldTakeTheSenderOverTheCap_isRefused() {
    Invitation open = pending(7, bob, ada);
    Member fullSender = withConnections(bob, 30_000);
    refused(LimitReachedException.class, "connection-limit",
        () -> Invitations.accept(open, pair(ada, fullSender).open(open).build(), POLICY, effects()));
  }

  @Test
  void L1_atTheCap_othersCanStillFollow() {
    Member full = withConnections(bob, 30_000);
    assertThat(result(Follows.follow(pair(ada, full).build(), POLICY, OptionalInt.empty(), Optional.empty(), effects())))
        .isEqualTo(FollowOutcome.CHANGED);
  }

  @Test
  void L1_capIsConfigurable() {
    Member two = withConnections(ada, 2);
    refused(LimitReachedException.class, "connection-limit",
        () -> InvitationLimits.requireBelowConnectionCap(two, POLICY.withMaxConnections(2), "you have"));
    InvitationLimits.requireBelowConnectionCap(withConnections(ada, 1), POLICY.withMaxConnections(2), "you have");
  }

  @Test
  void L2_belowTheWeeklyLimit_nothingIsRefusedOrRecorded() {
    Effects effects = effects();
    assertThat(overWeekly(usage().sent(199, hoursAgo(100)).build(), effects)).isEmpty();
    assertThat(effects.isEmpty()).isTrue();
  }

  @Test
  void L2_theWindowIsRolling7Days() {
    assertThat(InvitationLimits.windows(POLICY, NOW).invitationsSince()).isEqualTo(NOW.minus(Duration.ofDays(7)));
  }

  @Test
  void L3_pendingLimit_isConfigurable() {
    Policy tight = POLICY.withMaxPendingSent(2);
    var refusal = refused(LimitReachedException.class, "pending-invitation-limit", () -> Invitations.send(
        pair(ada, bob).build(), usage().pending(2).build(),
        new dev.rapport.invitation.SendInvitation(bob.handle(), Optional.empty(), Optional.empty()), tight, effects()));
    assertThat(refusal.details()).containsEntry("limit", 2).containsEntry("used", 2);
  }

  @Test
  void L4_thirdRefusalIn24Hours_restrictsFor1Day() {
    Effects effects = effects();
    Usage usage = usage().sent(200, hoursAgo(100)).refusals(hoursAgo(3), hoursAgo(1)).build();
    LimitReachedException refusal = overWeekly(usage, effects).orElseThrow();

    Restriction expected = new Restriction(ada.id(), Restriction.WEEKLY_LIMIT_REFUSALS, NOW, NOW.plus(Duration.ofDays(1)));
    assertThat(changes(effects)).containsExactly(new Change.AddRefusal(ada.id(), NOW), new Change.AddRestriction(expected));
    assertThat(refusal.details()).containsEntry("restrictedUntil", expected.endsAt());
  }

  @Test
  void L4_secondRefusal_isOnlyRecorded() {
    Effects effects = effects();
    overWeekly(usage().sent(200, hoursAgo(100)).refusals(hoursAgo(1)).build(), effects);
    assertThat(changes(effects)).containsExactly(new Change.AddRefusal(ada.id(), NOW));
  }

  @Test
  void L4_restrictions_last1Day_then7Days_then30Days() {
    Restriction over = new Restriction(ada.id(), Restriction.WEEKLY_LIMIT_REFUSALS, hoursAgo(200), hoursAgo(176));
    for (var step : List.of(List.of(0, 1), List.of(1, 7), List.of(2, 30), List.of(5, 30))) {
      Effects effects = effects();
      var usage = usage().sent(200, hoursAgo(100)).refusals(hoursAgo(3), hoursAgo(1));
      if (step.get(0) > 0) {
        usage.restricted(over, step.get(0));
      }
      overWeekly(usage.build(), effects);
      assertThat(restrictions(effects)).as("after %d restrictions", step.get(0))
          .extracting(Restriction::endsAt).containsExactly(NOW.plus(Duration.ofDays(step.get(1))));
    }
  }

  @Test
  void L4_refusalsBeforeTheLastRestriction_doNotCountAgain() {
    Restriction ended = new Restriction(ada.id(), Restriction.WEEKLY_LIMIT_REFUSALS, hoursAgo(5), hoursAgo(2));
    Effects effects = effects();
    overWeekly(usage().sent(200, hoursAgo(100)).refusals(hoursAgo(6), hoursAgo(5), hoursAgo(1))
        .restricted(ended, 1).build(), effects);
    assertThat(restrictions(effects)).as("only one refusal since the restriction, plus this one").isEmpty();
  }

  @Test
  void L4_refusalsAreCountedOver24Hours() {
    assertThat(InvitationLimits.windows(POLICY, NOW).refusalsSince()).isEqualTo(NOW.minus(Duration.ofHours(24)));
  }

  @Test
  void L5_aRestriction_refusesInvitationsUntilItEnds_withTheReason() {
    Restriction r = new Restriction(ada.id(), Restriction.REPORTED, hoursAgo(1), NOW.plus(Duration.ofDays(7)));
    Usage usage = usage().restricted(r, 2).build();
    var refusal = refused(LimitReachedException.class, "invitations-restricted",
        () -> InvitationLimits.requireUnrestricted(usage, NOW));
    assertThat(refusal.details()).containsEntry("retryAt", r.endsAt()).containsEntry("reason", "reported");
    InvitationLimits.requireUnrestricted(usage, r.endsAt());
  }

  @Test
  void L5_aRestrictedMember_canStillFollowAndAccept() {
    // Neither rule takes the member's usage: a restriction cannot reach them.
    Invitation open = pending(7, bob, ada);
    assertThat(result(Invitations.accept(open, pair(ada, bob).open(open).build(), POLICY, effects())).state())
        .isEqualTo(InvitationState.ACCEPTED);
    assertThat(result(Follows.follow(pair(ada, bob).build(), POLICY, OptionalInt.empty(), Optional.empty(), effects())))
        .isEqualTo(FollowOutcome.CHANGED);
  }

  @Test
  void L6_everyLimit_showsTheLimitTheUseAndWhenItFreesUp() {
    Restriction r = new Restriction(ada.id(), Restriction.WEEKLY_LIMIT_REFUSALS, hoursAgo(1), NOW.plus(Duration.ofDays(1)));
    Usage usage = usage().sent(12, hoursAgo(30)).pending(9).notes(2).restricted(r, 1).build();
    LimitsView view = InvitationLimits.view(withConnections(ada, 40), usage, POLICY, NOW);

    assertThat(view.tier()).isEqualTo("basic");
    assertThat(view.weeklyInvitations())
        .isEqualTo(new LimitsView.Usage(Optional.of(200), 12, Optional.of(hoursAgo(30).plus(Duration.ofDays(7)))));
    assertThat(view.monthlyNotes())
        .isEqualTo(new LimitsView.Usage(Optional.of(5), 2, Optional.of(Instant.parse("2026-04-01T00:00:00Z"))));
    assertThat(view.noteMaxLength()).isEqualTo(200);
    assertThat(view.pendingInvitations()).isEqualTo(new LimitsView.Usage(Optional.of(1_500), 9, Optional.empty()));
    assertThat(view.connections()).isEqualTo(new LimitsView.Usage(Optional.of(30_000), 40, Optional.empty()));
    assertThat(view.restriction()).contains(r);
  }

  @Test
  void C7_fifthReportIn30Days_restrictsTheSender() {
    Invitation open = pending(7, bob, ada);
    Usage bobsUsage = usage().reports(hoursAgo(400), hoursAgo(300), hoursAgo(200), hoursAgo(100)).build();
    Effects effects = effects();
    Invitations.report(open, pair(ada, bob).open(open).build(), bobsUsage, POLICY, effects);

    assertThat(restrictions(effects))
        .containsExactly(new Restriction(bob.id(), Restriction.REPORTED, NOW, NOW.plus(Duration.ofDays(1))));
    assertThat(InvitationLimits.windows(POLICY, NOW).reportsSince()).isEqualTo(NOW.minus(Duration.ofDays(30)));
  }

  @Test
  void C7_fourthReport_doesNotRestrict_andAnActiveRestrictionIsNotStacked() {
    Invitation open = pending(7, bob, ada);
    Effects fourth = effects();
    Invitations.report(open, pair(ada, bob).open(open).build(),
        usage().reports(hoursAgo(300), hoursAgo(200), hoursAgo(100)).build(), POLICY, fourth);
    assertThat(restrictions(fourth)).isEmpty();

    Restriction active = new Restriction(bob.id(), Restriction.WEEKLY_LIMIT_REFUSALS, hoursAgo(50), NOW.plus(Duration.ofDays(6)));
    Effects whileRestricted = effects();
    Invitations.report(open, pair(ada, bob).open(open).build(),
        usage().reports(hoursAgo(40), hoursAgo(30), hoursAgo(20), hoursAgo(10)).restricted(active, 1).build(),
        POLICY, whileRestricted);
    assertThat(restrictions(whileRestricted)).isEmpty();
  }

  @Test
  void C7_repeatedRestrictions_followTheSameLadder() {
    Invitation open = pending(7, bob, ada);
    Restriction ended = new Restriction(bob.id(), Restriction.REPORTED, hoursAgo(500), hoursAgo(476));
    Effects effects = effects();
    Invitations.report(open, pair(ada, bob).open(open).build(),
        usage().reports(hoursAgo(400), hoursAgo(300), hoursAgo(200), hoursAgo(100)).restricted(ended, 1).build(),
        POLICY, effects);
    assertThat(restrictions(effects)).extracting(Restriction::endsAt).containsExactly(NOW.plus(Duration.ofDays(7)));
  }
}
