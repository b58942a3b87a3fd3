package dev.rapport.invitation;

import static dev.rapport.Fixtures.NOW;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.pending;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static dev.rapport.Fixtures.usage;
import static dev.rapport.Fixtures.whoCanInvite;
import static dev.rapport.Fixtures.withConnections;
import static dev.rapport.Fixtures.withSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.Usage;
import dev.rapport.model.Member;
import dev.rapport.model.Restriction;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.RuleBrokenException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which refusal sending an invitation reports when two could apply: from "does this make sense" to
 * "is there quota left", so that the weekly limit's refusal (L2, recorded for L4) always comes last.
 */
class InvitationCheckOrderTest {
  static final Policy POLICY = Policy.defaults();
  static final Instant WEEK_START = NOW.minus(Duration.ofDays(5));
  final Member ada = member("ada");
  final Member bob = member("bob");

  /** Ada has used her whole weekly limit (200, basic). */
  static Usage weekUsedUp() {
    return usage().sent(200, WEEK_START).build();
  }

  static SendInvitation invite(Member to) {
    return new SendInvitation(to.handle(), Optional.empty(), Optional.empty());
  }

  @Test
  void L2_overWeeklyLimit_isRefusedWithNextSlot_andTheRefusalIsRecorded() {
    Effects effects = effects();
    Decision<InvitationOutcome> decision = Invitations.send(pair(ada, bob).build(), weekUsedUp(), invite(bob),
        POLICY, effects);

    assertThat(decision.result()).isEmpty();
    var refusal = (LimitReachedException) decision.refusal().orElseThrow();
    assertThat(refusal.type()).isEqualTo("weekly-invitation-limit");
    assertThat(refusal.details()).containsEntry("limit", 200).containsEntry("used", 200)
        .containsEntry("retryAt", WEEK_START.plus(Duration.ofDays(7)))
        .doesNotContainKey("restrictedUntil");
    // L4: Decision.refuse carries the recorded refusal, and nothing else.
    assertThat(decision.commit().changes()).containsExactly(new Change.AddRefusal(ada.id(), NOW));
    assertThat(decision.commit().expectedVersions()).containsEntry(ada.id(), ada.version());
  }

  @Test
  void C6_cooldownBeforeWeeklyLimit() {
    Effects effects = effects();
    refused(LimitReachedException.class, "invitation-cooldown", () -> Invitations.send(
        pair(ada, bob).actorWithdrewAt(NOW.minus(Duration.ofDays(1))).build(), weekUsedUp(), invite(bob),
        POLICY, effects));
    assertThat(effects.isEmpty()).as("no refusal recorded").isTrue();
  }

  @Test
  void C11_alreadyConnectedBeforeQuota() {
    Effects effects = effects();
    refused(RuleBrokenException.class, "already-connected", () -> Invitations.send(
        pair(ada, bob).connected().build(), weekUsedUp(), invite(bob), POLICY, effects));
    assertThat(effects.isEmpty()).isTrue();
  }

  @Test
  void C11_selfBeforeBlock() {
    refused(RuleBrokenException.class, "cannot-invite-self", () -> Invitations.send(
        pair(ada, ada).actorBlocked().build(), usage().build(), invite(ada), POLICY, effects()));
  }

  @Test
  void B3_blockBeforeAlreadyConnected() {
    refused(RuleBrokenException.class, "member-blocked", () -> Invitations.send(
        pair(ada, bob).connected().actorBlocked().build(), usage().build(), invite(bob), POLICY, effects()));
  }

  @Test
  void C8_noteTooLongBeforeCrossingInvitation() {
    var bobsInvitation = pending(7, bob, ada);
    var longNote = new SendInvitation(bob.handle(), Optional.of("x".repeat(201)), Optional.empty());
    refused(InvalidInputException.class, "note-too-long", () -> Invitations.send(
        pair(ada, bob).open(bobsInvitation).build(), usage().build(), longNote, POLICY, effects()));
  }

  @Test
  void C4_crossingInvitationBeforeRestrictionAndQuota() {
    var bobsInvitation = pending(7, bob, ada);
    Usage restrictedAndUsedUp = usage().sent(200, WEEK_START)
        .restricted(new Restriction(ada.id(), Restriction.REPORTED, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1))), 1)
        .build();
    var outcome = result(Invitations.send(pair(ada, bob).open(bobsInvitation).build(), restrictedAndUsedUp,
        invite(bob), POLICY, effects()));
    assertThat(outcome).isInstanceOf(InvitationOutcome.Connected.class);
  }

  @Test
  void L5_restrictionBeforeWhoCanInvite_andBeforeWeeklyLimit() {
    Member closed = withSettings(bob, whoCanInvite(WhoCanInvite.NOBODY));
    Usage restricted = usage().sent(200, WEEK_START)
        .restricted(new Restriction(ada.id(), Restriction.WEEKLY_LIMIT_REFUSALS, NOW.minusSeconds(60),
            NOW.plus(Duration.ofDays(1))), 1)
        .build();
    Effects effects = effects();
    refused(LimitReachedException.class, "invitations-restricted", () -> Invitations.send(
        pair(ada, closed).build(), restricted, invite(closed), POLICY, effects));
    assertThat(effects.isEmpty()).as("a restricted member is not recorded as refused again").isTrue();
  }

  @Test
  void C9_whoCanInviteBeforeCooldown() {
    Member closed = withSettings(bob, whoCanInvite(WhoCanInvite.NOBODY));
    refused(ForbiddenException.class, "invitations-not-accepted", () -> Invitations.send(
        pair(ada, closed).actorWithdrewAt(NOW.minus(Duration.ofDays(1))).build(), usage().build(), invite(closed),
        POLICY, effects()));
  }

  @Test
  void L1_connectionCapBeforePendingLimitAndWeeklyLimit() {
    Member full = withConnections(ada, 30_000);
    Effects effects = effects();
    var refusal = refused(LimitReachedException.class, "connection-limit", () -> Invitations.send(
        pair(full, bob).build(), usage().sent(200, WEEK_START).pending(1_500).build(), invite(bob), POLICY, effects));
    assertThat(refusal.details()).containsEntry("limit", 30_000).containsEntry("used", 30_000);
    assertThat(effects.isEmpty()).isTrue();
  }

  @Test
  void L3_pendingLimitBeforeWeeklyLimit() {
    Effects effects = effects();
    var refusal = refused(LimitReachedException.class, "pending-invitation-limit", () -> Invitations.send(
        pair(ada, bob).build(), usage().sent(200, WEEK_START).pending(1_500).build(), invite(bob), POLICY, effects));
    assertThat(refusal.details()).containsEntry("limit", 1_500).containsEntry("used", 1_500);
    assertThat(effects.isEmpty()).isTrue();
  }

  @Test
  void C8_monthlyNotesBeforeWeeklyLimit_soNoRefusalIsRecorded() {
    var withNote = new SendInvitation(bob.handle(), Optional.of("hi"), Optional.empty());
    Effects effects = effects();
    refused(LimitReachedException.class, "monthly-note-limit", () -> Invitations.send(pair(ada, bob).build(),
        usage().sent(200, WEEK_START).notes(5).build(), withNote, POLICY, effects));
    assertThat(effects.isEmpty()).isTrue();
  }
}
