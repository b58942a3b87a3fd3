package dev.rapport.problem;

import java.util.Map;

/** The request itself is malformed: a bad handle, a note too long, a missing field. Nothing changed. */
public final class InvalidInputException extends RapportException {
  public InvalidInputException(String type, String message) {
    super(type, message, Map.of());
  }

  public InvalidInputException(String type, String message, Map<String, Object> details) {
    super(type, message, details);
  }
}
