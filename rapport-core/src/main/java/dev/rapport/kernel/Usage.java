package dev.rapport.kernel;

import dev.rapport.model.Restriction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a member has used of the invitation limits, counted over the windows given to
 * the store's {@code usage}.
 *
 * @param sentInWindow invitations sent since the window start (L2), whatever became of them
 * @param oldestSentInWindow the earliest of those: the next slot frees up a window after it
 * @param pendingSent open invitations sent, whenever (L3)
 * @param notesInMonth invitations sent with a note since the month start (C8)
 * @param refusals times refused by the weekly limit since the refusal window start (L4)
 * @param reports reports against the member's invitations since the report window start (C7)
 * @param latestRestriction the member's most recent restriction, active or not
 * @param restrictionCount how many restrictions the member has had, ever
 */
public record Usage(
    int sentInWindow,
    Optional<Instant> oldestSentInWindow,
    int pendingSent,
    int notesInMonth,
    List<Instant> refusals,
    List<Instant> reports,
    Optional<Restriction> latestRestriction,
    int restrictionCount) {

  public Usage {
    oldestSentInWindow = oldestSentInWindow == null ? Optional.empty() : oldestSentInWindow;
    refusals = List.copyOf(refusals);
    reports = List.copyOf(reports);
    latestRestriction = latestRestriction == null ? Optional.empty() : latestRestriction;
  }

  /** The window starts the store's {@code usage} counts from. */
  public record Windows(Instant invitationsSince, Instant notesSince, Instant refusalsSince, Instant reportsSince) {}
}
