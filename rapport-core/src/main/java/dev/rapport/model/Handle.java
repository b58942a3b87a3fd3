package dev.rapport.model;

import dev.rapport.problem.InvalidInputException;

/**
 * A member's or company page's unique, immutable address (M1): 3-40 characters of {@code a-z},
 * {@code 0-9} and {@code -}.
 */
public record Handle(String value) {
  /** @throws InvalidInputException if the value is not a valid handle */
  public Handle {
    if (!valid(value)) {
      throw new InvalidInputException(
          "invalid-handle",
          "handle '%s' is not 3-40 characters of a-z, 0-9 and -".formatted(value));
    }
  }

  public static Handle of(String value) {
    return new Handle(value);
  }

  // A loop rather than a regular expression: a degrees request checks up to 1,000 handles.
  private static boolean valid(String value) {
    if (value == null || value.length() < 3 || value.length() > 40) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
