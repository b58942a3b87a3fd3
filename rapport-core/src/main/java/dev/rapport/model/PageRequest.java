package dev.rapport.model;

import dev.rapport.problem.InvalidInputException;
import java.util.Optional;

/**
 * A page of a list: at most {@code limit} items after the opaque {@code cursor} a previous page gave.
 */
public record PageRequest(int limit, Optional<String> cursor) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  /** @throws InvalidInputException if the limit is outside 1..200 */
  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException(
          "invalid-page", "limit %d is not between 1 and %d".formatted(limit, MAX_LIMIT));
    }
    cursor = cursor == null ? Optional.empty() : cursor;
  }

  public static PageRequest first(int limit) {
    return new PageRequest(limit, Optional.empty());
  }

  public static PageRequest first() {
    return first(DEFAULT_LIMIT);
  }
}
