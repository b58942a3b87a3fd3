package dev.rapport.outreach;

import dev.rapport.problem.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

/**
 * The period of outreach analytics (X1): the current ISO week, in UTC, and the {@code weeks - 1}
 * before it (docs/decisions/0030-outreach-analytics-and-prospects.md).
 *
 * @param weeks from 1 to {@link #MAX_WEEKS}
 */
public record AnalyticsPeriod(int weeks) {
  public static final int DEFAULT_WEEKS = 12;
  public static final int MAX_WEEKS = 104;

  /** @throws InvalidInputException {@code invalid-period} if {@code weeks} is outside 1..104 */
  public AnalyticsPeriod {
    if (weeks < 1 || weeks > MAX_WEEKS) {
      throw new InvalidInputException("invalid-period",
          "weeks must be a whole number from 1 to %d, not %d".formatted(MAX_WEEKS, weeks),
          Map.of("parameter", "weeks", "limit", MAX_WEEKS));
    }
  }

  public static AnalyticsPeriod byDefault() {
    return new AnalyticsPeriod(DEFAULT_WEEKS);
  }

  /** The Monday, 00:00 UTC, the period starts on, as of {@code now}. */
  public Instant start(Instant now) {
    return firstMonday(now).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The Monday each week of the period starts on, oldest first. */
  public LocalDate[] mondays(Instant now) {
    LocalDate first = firstMonday(now);
    LocalDate[] mondays = new LocalDate[weeks];
    for (int w = 0; w < weeks; w++) {
      mondays[w] = first.plusWeeks(w);
    }
    return mondays;
  }

  private LocalDate firstMonday(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
  }
}
