package dev.rapport.server;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations as configuration writes them: {@code 500ms}, {@code 20s}, {@code 5m}, {@code 1h}, {@code 14d}, or ISO-8601 {@code PT20S}. */
final class Durations {
  private Durations() {}

  /** @throws IllegalArgumentException if the text is none of the accepted forms */
  static Duration parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("pt")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      int unit = 0;
      while (unit < value.length() && Character.isDigit(value.charAt(unit))) {
        unit++;
      }
      if (unit > 0 && unit <= 12) {
        long amount = Long.parseLong(value.substring(0, unit));
        switch (value.substring(unit)) {
          case "ms" -> { return Duration.ofMillis(amount); }
          case "s" -> { return Duration.ofSeconds(amount); }
          case "m" -> { return Duration.ofMinutes(amount); }
          case "h" -> { return Duration.ofHours(amount); }
          case "d" -> { return Duration.ofDays(amount); }
          default -> { }
        }
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      // falls through to the one message below
    }
    throw new IllegalArgumentException("'%s' is not a duration such as 500ms, 20s, 5m, 1h, 14d or PT20S".formatted(text));
  }

  /** The shortest of the accepted forms that says the same, e.g. {@code 1m}. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 86_400_000 == 0 && millis > 0) {
      return millis / 86_400_000 + "d";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
