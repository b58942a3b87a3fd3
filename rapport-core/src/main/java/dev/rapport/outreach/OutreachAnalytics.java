package dev.rapport.outreach;

import java.time.Instant;
import java.util.List;

/**
 * X1 for one member over a period: the invitations they sent in it, all, warm and cold, and their
 * growth week by week, every week of the period, oldest first.
 *
 * @param from the Monday, 00:00 UTC, the period starts on
 * @param to when it was counted
 */
public record OutreachAnalytics(Instant from, Instant to, InvitationFigures warm, InvitationFigures cold,
    List<WeekGrowth> growth) {
  public OutreachAnalytics {
    growth = List.copyOf(growth);
  }

  public InvitationFigures all() {
    return warm.plus(cold);
  }
}
