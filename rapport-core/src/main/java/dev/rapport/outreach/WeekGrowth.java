package dev.rapport.outreach;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * X1: the followers and connections a member gained and lost in one ISO week (UTC), whoever ended
 * the follow or connection.
 *
 * @param monday the day the week starts on
 */
public record WeekGrowth(LocalDate monday, int followersGained, int followersLost, int connectionsGained,
    int connectionsLost) {

  /** The ISO week's name, such as {@code 2026-W49}. */
  public String isoWeek() {
    return "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
