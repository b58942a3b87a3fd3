package dev.rapport.kernel;

import dev.rapport.model.Tier;
import dev.rapport.problem.InvalidInputException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every policy number of PRODUCT.md, as configuration. {@link #defaults()} is what a new install gets.
 *
 * @param maxConnections L1, 30,000 by default
 * @param maxPendingSent L3, outstanding invitations a member may have sent
 * @param followCap F1, most members one may follow; 0 means no cap (the default)
 * @param invitationWindow L2, the rolling window of the weekly limit
 * @param newAccountAge M2, how long an account counts as new (lower weekly limit)
 * @param withdrawCooldown C6, how long after withdrawing the sender cannot invite the same member
 * @param reportsToRestrict C7, "I don't know this person" reports that restrict the sender
 * @param reportWindow C7, the window those reports are counted in
 * @param refusalsToRestrict L4, weekly-limit refusals that restrict the sender
 * @param refusalWindow L4, the window those refusals are counted in
 * @param restrictionLadder L4/C7, the length of the 1st, 2nd, ... restriction; the last repeats
 * @param tokenLifetime how long a member's bearer token is valid
 * @param followNoticeQuiet NT1, how long after a follow notified its followee another follow by the
 *     same member does not notify again (a day)
 * @param warmFollowAge X1, how long before inviting the sender must have followed the recipient for
 *     the invitation to count as warm (7 days)
 * @param prospectWindow X2, how far back the reactions and comments that make a warm prospect count
 *     (90 days)
 * @param inMailRefundWindow MS2, how long after an InMail its recipient's reply gives its credit back
 *     (90 days)
 * @param tiers M2, by name; {@code defaultTier} must be one of them
 */
public record Policy(
    int maxConnections,
    int maxPendingSent,
    int followCap,
    Duration invitationWindow,
    Duration newAccountAge,
    Duration withdrawCooldown,
    int reportsToRestrict,
    Duration reportWindow,
    int refusalsToRestrict,
    Duration refusalWindow,
    List<Duration> restrictionLadder,
    Duration tokenLifetime,
    Duration followNoticeQuiet,
    Duration warmFollowAge,
    Duration prospectWindow,
    Duration inMailRefundWindow,
    Map<String, Tier> tiers,
    String defaultTier) {

  public Policy {
    if (maxConnections < 1 || maxPendingSent < 1 || followCap < 0 || reportsToRestrict < 1
        || refusalsToRestrict < 1) {
      throw new InvalidInputException("invalid-policy", "policy limits must be positive");
    }
    Objects.requireNonNull(invitationWindow);
    Objects.requireNonNull(newAccountAge);
    Objects.requireNonNull(withdrawCooldown);
    Objects.requireNonNull(reportWindow);
    Objects.requireNonNull(refusalWindow);
    Objects.requireNonNull(tokenLifetime);
    Objects.requireNonNull(followNoticeQuiet);
    if (warmFollowAge.isNegative() || !prospectWindow.isPositive()) {
      throw new InvalidInputException("invalid-policy",
          "the warm follow age must not be negative and the prospect window must be positive");
    }
    if (!inMailRefundWindow.isPositive()) {
      throw new InvalidInputException("invalid-policy", "the InMail refund window must be positive");
    }
    restrictionLadder = List.copyOf(restrictionLadder);
    if (restrictionLadder.isEmpty()) {
      throw new InvalidInputException("invalid-policy", "the restriction ladder needs at least one step");
    }
    tiers = Map.copyOf(tiers);
    if (!tiers.containsKey(defaultTier)) {
      throw new InvalidInputException(
          "invalid-policy", "default tier '%s' is not one of %s".formatted(defaultTier, tiers.keySet()));
    }
  }

  public static Policy defaults() {
    Map<String, Tier> tiers = new LinkedHashMap<>();
    tiers.put(Tier.BASIC.name(), Tier.BASIC);
    tiers.put(Tier.PREMIUM.name(), Tier.PREMIUM);
    return new Policy(
        30_000, 1_500, 0,
        Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(21),
        5, Duration.ofDays(30),
        3, Duration.ofHours(24),
        List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)),
        Duration.ofDays(365), Duration.ofDays(1),
        Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(90),
        tiers, Tier.BASIC.name());
  }

  /** The tier by name. @throws InvalidInputException if there is no such tier */
  public Tier tier(String name) {
    Tier tier = tiers.get(name);
    if (tier == null) {
      throw new InvalidInputException(
          "unknown-tier", "tier '%s' is not one of %s".formatted(name, tiers.keySet()));
    }
    return tier;
  }

  /** The length of the {@code n}th restriction (0-based); the ladder's last step repeats. */
  public Duration restrictionLength(int previousRestrictions) {
    return restrictionLadder.get(Math.min(previousRestrictions, restrictionLadder.size() - 1));
  }

  public Policy withMaxConnections(int value) {
    return new Policy(value, maxPendingSent, followCap, invitationWindow, newAccountAge, withdrawCooldown,
        reportsToRestrict, reportWindow, refusalsToRestrict, refusalWindow, restrictionLadder, tokenLifetime,
        followNoticeQuiet, warmFollowAge, prospectWindow, inMailRefundWindow, tiers, defaultTier);
  }

  public Policy withMaxPendingSent(int value) {
    return new Policy(maxConnections, value, followCap, invitationWindow, newAccountAge, withdrawCooldown,
        reportsToRestrict, reportWindow, refusalsToRestrict, refusalWindow, restrictionLadder, tokenLifetime,
        followNoticeQuiet, warmFollowAge, prospectWindow, inMailRefundWindow, tiers, defaultTier);
  }

  public Policy withFollowCap(int value) {
    return new Policy(maxConnections, maxPendingSent, value, invitationWindow, newAccountAge, withdrawCooldown,
        reportsToRestrict, reportWindow, refusalsToRestrict, refusalWindow, restrictionLadder, tokenLifetime,
        followNoticeQuiet, warmFollowAge, prospectWindow, inMailRefundWindow, tiers, defaultTier);
  }

  public Policy withTier(Tier tier) {
    Map<String, Tier> copy = new LinkedHashMap<>(tiers);
    copy.put(tier.name(), tier);
    return new Policy(maxConnections, maxPendingSent, followCap, invitationWindow, newAccountAge,
        withdrawCooldown, reportsToRestrict, reportWindow, refusalsToRestrict, refusalWindow, restrictionLadder,
        tokenLifetime, followNoticeQuiet, warmFollowAge, prospectWindow, inMailRefundWindow, copy, defaultTier);
  }

  public Policy withWarmFollowAge(Duration value) {
    return new Policy(maxConnections, maxPendingSent, followCap, invitationWindow, newAccountAge, withdrawCooldown,
        reportsToRestrict, reportWindow, refusalsToRestrict, refusalWindow, restrictionLadder, tokenLifetime,
        followNoticeQuiet, value, prospectWindow, inMailRefundWindow, tiers, defaultTier);
  }

  public Policy withProspectWindow(Duration value) {
    return new Policy(maxConnections, maxPendingSent, followCap, invitationWindow, newAccountAge, withdrawCooldown,
        reportsToRestrict, reportWindow, refusalsToRestrict, refusalWindow, restrictionLadder, tokenLifetime,
        followNoticeQuiet, warmFollowAge, value, inMailRefundWindow, tiers, defaultTier);
  }

  public Policy withInMailRefundWindow(Duration value) {
    return new Policy(maxConnections, maxPendingSent, followCap, invitationWindow, newAccountAge, withdrawCooldown,
        reportsToRestrict, reportWindow, refusalsToRestrict, refusalWindow, restrictionLadder, tokenLifetime,
        followNoticeQuiet, warmFollowAge, prospectWindow, value, tiers, defaultTier);
  }
}
