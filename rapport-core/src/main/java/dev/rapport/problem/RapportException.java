package dev.rapport.problem;

import java.util.Map;

/**
 * The root of every failure the engine reports to a caller. Each subtype is one family of failure
 * (bad input, unknown thing, forbidden, a rule broken, a limit reached); each instance names the
 * exact problem by a stable {@link #type() type} slug that the HTTP edge turns into an RFC 9457
 * problem type. Messages say what and why, with the values.
 */
public abstract sealed class RapportException extends RuntimeException
    permits InvalidInputException, NotFoundException, ForbiddenException, RuleBrokenException,
        LimitReachedException {

  private final String type;
  private final Map<String, Object> details;

  RapportException(String type, String message, Map<String, Object> details) {
    super(message);
    this.type = type;
    this.details = Map.copyOf(details);
  }

  /** The stable problem slug, e.g. {@code weekly-invitation-limit}. */
  public String type() {
    return type;
  }

  /** Extra members for the problem document (for example {@code retryAt}, {@code limit}, {@code used}). */
  public Map<String, Object> details() {
    return details;
  }
}
