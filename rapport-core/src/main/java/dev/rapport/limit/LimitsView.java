package dev.rapport.limit;

import dev.rapport.model.Restriction;
import java.time.Instant;
import java.util.Optional;

/**
 * L6: every limit a member is subject to, what they used, and when it frees up.
 *
 * @param weeklyInvitations L2, over the rolling window
 * @param monthlyNotes C8; {@code limit} is empty when the tier has no monthly cap
 * @param noteMaxLength C8
 * @param pendingInvitations L3
 * @param connections L1
 * @param restriction L5: the restriction in force, if any
 */
public record LimitsView(
    String tier,
    Usage weeklyInvitations,
    Usage monthlyNotes,
    int noteMaxLength,
    Usage pendingInvitations,
    Usage connections,
    Optional<Restriction> restriction) {

  /**
   * One limit.
   *
   * @param limit the maximum, empty when unlimited
   * @param resetsAt when the next unit frees up, empty when nothing is used or it never resets by time
   */
  public record Usage(Optional<Integer> limit, int used, Optional<Instant> resetsAt) {}
}
