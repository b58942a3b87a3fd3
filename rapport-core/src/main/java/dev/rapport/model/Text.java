package dev.rapport.model;

import dev.rapport.problem.InvalidInputException;
import java.text.Normalizer;
import java.util.Map;

/**
 * The text people write that the engine stores and shows to others (M1 names and headlines, C8
 * notes), made safe to store and show: valid Unicode (no unpaired surrogate, which a store would
 * keep as {@code ?}), in Unicode Normalization Form C (so that the same words typed on two systems
 * are the same string), stripped, and without characters that change how the text around them
 * reads: control characters (a note may keep line breaks, {@code \n}, and nothing else), line and
 * paragraph separators, and the bidirectional embeddings, overrides, isolates and marks that let a
 * name display as something else (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), and
 * Unicode noncharacters. Stateless.
 */
public final class Text {
  private Text() {}

  /**
   * One line of text (a name, a headline), stripped and in NFC.
   *
   * @param field the field's name, as the problem names it in {@code field}
   * @param type the problem's type when the text is refused, e.g. {@code invalid-name}
   * @throws InvalidInputException {@code type}, naming the field and the offending character
   */
  public static String line(String value, String field, String type) {
    return clean(value, field, type, false);
  }

  /** As {@link #line}, but line breaks ({@code \n}) stay: for a note (C8). */
  public static String lines(String value, String field, String type) {
    return clean(value, field, type, true);
  }

  private static String clean(String value, String field, String type, boolean lineBreaks) {
    if (value == null) {
      return "";
    }
    int unpaired = unpairedSurrogate(value);
    if (unpaired >= 0) {
      throw refused(type, field, "the %s is not valid Unicode: it has an unpaired surrogate (U+%04X) at character %d"
          .formatted(field, (int) value.charAt(unpaired), unpaired + 1));
    }
    String normal = strip(Normalizer.normalize(value, Normalizer.Form.NFC));
    for (int i = 0; i < normal.length(); ) {
      int c = normal.codePointAt(i);
      String kind = refusedKind(c, lineBreaks);
      if (kind != null) {
        throw refused(type, field, "the %s has %s (U+%04X) at character %d; %s".formatted(field, kind, c,
            normal.codePointCount(0, i) + 1, lineBreaks
                ? "it may hold line breaks but no other control or formatting characters"
                : "it is one line of text without control or formatting characters"));
      }
      i += Character.charCount(c);
    }
    return normal;
  }

  /** Without white space at either end, counting no-break spaces as spaces (which {@link String#strip} does not). */
  private static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** The index of the first surrogate without its pair, or -1 if the text is well-formed UTF-16. */
  public static int unpairedSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** What kind of refused character {@code c} is, or null if it may be stored. */
  private static String refusedKind(int c, boolean lineBreaks) {
    if (c == '\n') {
      return lineBreaks ? null : "a line break";
    }
    if (Character.getType(c) == Character.CONTROL) {
      return "a control character";
    }
    if (c == 0x2028 || c == 0x2029) {
      return "a line or paragraph separator";
    }
    if (c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
      return "a bidirectional control character";
    }
    if (c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE) {
      return "a noncharacter";
    }
    return null;
  }

  private static InvalidInputException refused(String type, String field, String message) {
    return new InvalidInputException(type, message, Map.of("field", field));
  }
}
