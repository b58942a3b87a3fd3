package dev.rapport.model;

import dev.rapport.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque cursor of a page: the sort key of the last item of the previous page, as
 * {@code base64url("k1:k2")}. Lists sort newest first, so the next page holds the keys below it.
 */
public final class Cursor {
  private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Cursor() {}

  /** The keys to continue below: the cursor's, or the greatest possible ones for a first page. */
  public static long[] decode(Optional<String> cursor, int keyCount) {
    if (cursor.isEmpty()) {
      long[] top = new long[keyCount];
      Arrays.fill(top, Long.MAX_VALUE);
      return top;
    }
    String text = cursor.get();
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":", -1);
      if (parts.length != keyCount) {
        throw invalid(text);
      }
      long[] keys = new long[keyCount];
      for (int i = 0; i < keyCount; i++) {
        keys[i] = Long.parseLong(parts[i]);
      }
      return keys;
    } catch (IllegalArgumentException e) {
      throw invalid(text);
    }
  }

  public static String encode(long... keys) {
    StringBuilder joined = new StringBuilder(20 * keys.length);
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        joined.append(':');
      }
      joined.append(keys[i]);
    }
    return URL_ENCODER.encodeToString(joined.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static InvalidInputException invalid(String cursor) {
    return new InvalidInputException("invalid-cursor", "cursor '%s' was not given by this list".formatted(cursor));
  }
}
