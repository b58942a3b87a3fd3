package dev.rapport.cli;

/** Names and headlines from a file, made to fit the member rules' maximum lengths (M1). */
final class ProfileText {
  private ProfileText() {}

  /** The text stripped and, if longer than {@code max} characters, cut there without splitting a character. */
  static String fit(String text, int max) {
    String stripped = text.strip();
    if (stripped.length() <= max) {
      return stripped;
    }
    int end = Character.isHighSurrogate(stripped.charAt(max - 1)) ? max - 1 : max;
    return stripped.substring(0, end).strip();
  }
}
