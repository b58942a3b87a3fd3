package dev.rapport.member;

import dev.rapport.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A member's or company page's unique, immutable address (M1): 3-40 characters of {@code a-z},
 * {@code 0-9} and {@code -}.
 */
public record Handle(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z0-9-]{3,40}");

  /** @throws InvalidInputException if the value is not a valid handle */
  public Handle {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidInputException(
          "invalid-handle",
          "handle '%s' is not 3-40 characters of a-z, 0-9 and -".formatted(value));
    }
  }

  public static Handle of(String value) {
    return new Handle(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
