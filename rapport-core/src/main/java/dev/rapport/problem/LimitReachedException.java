package dev.rapport.problem;

import java.util.Map;

/**
 * A limit or restriction refuses the request (L1, L2, L3, L5, C6, C8). Details carry {@code limit},
 * {@code used} and, when the refusal ends by itself, {@code retryAt}.
 */
public final class LimitReachedException extends RapportException {
  public LimitReachedException(String type, String message, Map<String, Object> details) {
    super(type, message, details);
  }
}
