package dev.rapport.limit;

import dev.rapport.kernel.Effects;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.Usage;
import dev.rapport.model.Member;
import dev.rapport.model.Restriction;
import dev.rapport.model.Tier;
import dev.rapport.problem.LimitReachedException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The invitation limits and the restrictions that escalate from them (L1, L2, L3, L4, L5, L6, C7, C8). */
public final class InvitationLimits {
  private InvitationLimits() {}

  /** The windows a member's usage is counted over at {@code now}. Months are calendar months in UTC. */
  public static Usage.Windows windows(Policy policy, Instant now) {
    return new Usage.Windows(
        now.minus(policy.invitationWindow()),
        monthStart(now),
        now.minus(policy.refusalWindow()),
        now.minus(policy.reportWindow()));
  }

  static Instant monthStart(Instant now) {
    return YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The first instant of the next calendar month in UTC (C8: when notes free up). */
  public static Instant nextMonthStart(Instant now) {
    return YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** M2, L2: the member's weekly limit; lower while the account is new. */
  public static int weeklyLimit(Member member, Tier tier, Policy policy, Instant now) {
    // M2: a basic account younger than 30 days has the lower weekly limit.
    boolean isNew = member.createdAt().plus(policy.newAccountAge()).isAfter(now);
    return isNew ? tier.newAccountWeeklyInvitations() : tier.weeklyInvitations();
  }

  /** L5: the restriction in force at {@code now}, if any. */
  public static Optional<Restriction> activeRestriction(Usage usage, Instant now) {
    return usage.latestRestriction().filter(r -> r.activeAt(now));
  }

  /** @throws LimitReachedException if a restriction is in force (L5) */
  public static void requireUnrestricted(Usage usage, Instant now) {
    activeRestriction(usage, now).ifPresent(r -> {
      throw new LimitReachedException("invitations-restricted",
          "you may not send invitations until %s (%s)".formatted(r.endsAt(), r.reason()),
          Map.of("retryAt", r.endsAt(), "reason", r.reason()));
    });
  }

  /** L1 for the actor's own side. @throws LimitReachedException at the cap */
  public static void requireBelowConnectionCap(Member member, Policy policy, String whose) {
    // L1: at most 30,000 connections.
    if (member.connectionCount() >= policy.maxConnections()) {
      throw new LimitReachedException("connection-limit",
          "%s %d connections, the most allowed".formatted(whose, member.connectionCount()),
          Map.of("limit", policy.maxConnections(), "used", member.connectionCount()));
    }
  }

  /**
   * L2 and L4: if the weekly limit is used up, records the refusal, restricts the member when this
   * refusal is one too many, and returns the refusal to report. Empty when a slot is free.
   */
  public static Optional<LimitReachedException> refuseOverWeeklyLimit(
      Member member, Usage usage, Policy policy, Effects effects, long recipientId) {
    Instant now = effects.now();
    int limit = weeklyLimit(member, policy.tier(member.tier()), policy, now);
    // L2: a slot is free while fewer than the limit were sent in the rolling window.
    if (usage.sentInWindow() < limit) {
      return Optional.empty();
    }
    Instant retryAt = usage.oldestSentInWindow().orElse(now).plus(policy.invitationWindow());
    // L4: each weekly-limit refusal is recorded, to count towards a restriction.
    effects.expect(member.id(), member.version()).refuse(member.id(), recipientId);
    long refusals = countSinceLastRestriction(usage, usage.refusals()) + 1;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("limit", limit);
    details.put("used", usage.sentInWindow());
    details.put("retryAt", retryAt);
    // L4: the third refusal within 24 hours restricts the member.
    if (refusals >= policy.refusalsToRestrict()) {
      Restriction restriction = restrict(member, usage, policy, now, Restriction.WEEKLY_LIMIT_REFUSALS, effects);
      details.put("restrictedUntil", restriction.endsAt());
    }
    return Optional.of(new LimitReachedException("weekly-invitation-limit",
        "you sent %d invitations in the last %d days, the most allowed; the next slot frees up at %s"
            .formatted(usage.sentInWindow(), policy.invitationWindow().toDays(), retryAt),
        details));
  }

  /** C7: after this report, restrict the sender if the reports in the window reach the threshold. */
  public static void restrictIfReportedTooOften(Member sender, Usage usage, Policy policy, Effects effects) {
    long reports = countSinceLastRestriction(usage, usage.reports()) + 1;
    // C7: the fifth report within 30 days restricts the sender, unless a restriction is already in force.
    if (reports >= policy.reportsToRestrict() && activeRestriction(usage, effects.now()).isEmpty()) {
      restrict(sender, usage, policy, effects.now(), Restriction.REPORTED, effects);
    }
  }

  /** Events that led to an earlier restriction do not count again towards the next one. */
  private static long countSinceLastRestriction(Usage usage, java.util.List<Instant> times) {
    Optional<Instant> since = usage.latestRestriction().map(Restriction::startsAt);
    return times.stream().filter(t -> since.isEmpty() || t.isAfter(since.get())).count();
  }

  private static Restriction restrict(Member member, Usage usage, Policy policy, Instant now, String reason,
      Effects effects) {
    // L4, C7: 1 day the first time, 7 days the second, 30 days after that.
    Restriction restriction = new Restriction(member.id(), reason, now,
        now.plus(policy.restrictionLength(usage.restrictionCount())));
    effects.restrict(restriction);
    return restriction;
  }

  /** L6: the member's limits as they stand at {@code now}. */
  public static LimitsView view(Member member, Usage usage, Policy policy, Instant now) {
    Tier tier = policy.tier(member.tier());
    int weekly = weeklyLimit(member, tier, policy, now);
    return new LimitsView(
        tier.name(),
        new LimitsView.Usage(Optional.of(weekly), usage.sentInWindow(),
            usage.oldestSentInWindow().map(t -> t.plus(policy.invitationWindow()))),
        new LimitsView.Usage(tier.monthlyNotes().isPresent() ? Optional.of(tier.notesPerMonth()) : Optional.empty(),
            usage.notesInMonth(), usage.notesInMonth() > 0 ? Optional.of(nextMonthStart(now)) : Optional.empty()),
        tier.noteMaxLength(),
        new LimitsView.Usage(Optional.of(policy.maxPendingSent()), usage.pendingSent(), Optional.empty()),
        new LimitsView.Usage(Optional.of(policy.maxConnections()), member.connectionCount(), Optional.empty()),
        activeRestriction(usage, now));
  }
}
