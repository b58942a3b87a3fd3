package dev.rapport.server.logging;

import java.util.Locale;

/** How log records are written: one line of text each, or one JSON object per line. */
public enum LogFormat {
  /** {@code 2025-01-31 12:00:00 INFO dev.rapport.access: GET /v1/me 200 0.412 ms member=42}. */
  PLAIN,
  /** {@code {"time":"...","level":"INFO","logger":"dev.rapport.access","message":"...","route":"/v1/me",...}}. */
  JSON;

  /** The name used by {@code RAPPORT_LOG_FORMAT} and {@code --log-format}, e.g. {@code json}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format with this name.
   *
   * @throws IllegalArgumentException if it is neither {@code plain} nor {@code json}
   */
  public static LogFormat fromWireName(String value) {
    for (LogFormat format : values()) {
      if (format.wireName().equals(value)) {
        return format;
      }
    }
    throw new IllegalArgumentException("log format '%s' is not one of plain, json".formatted(value));
  }
}
