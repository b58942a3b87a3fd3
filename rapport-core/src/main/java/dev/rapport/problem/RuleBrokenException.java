package dev.rapport.problem;

import java.util.Map;

/** The request conflicts with the current state: already connected, invitation not open, blocked. */
public final class RuleBrokenException extends RapportException {
  public RuleBrokenException(String type, String message) {
    super(type, message, Map.of());
  }

  public RuleBrokenException(String type, String message, Map<String, Object> details) {
    super(type, message, details);
  }
}
