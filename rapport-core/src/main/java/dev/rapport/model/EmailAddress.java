package dev.rapport.model;

import dev.rapport.problem.InvalidInputException;
import java.util.Map;

/**
 * The email addresses the engine keeps (M1) and compares (C9): a conservative subset of RFC 5321
 * and 5322, chosen in docs/decisions/0016-email-addresses-by-a-conservative-check.md. A local part of
 * dot-separated atoms (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}), {@code @}, and a domain
 * name of at least two labels of letters, digits and inner hyphens, the last not all digits. At
 * most 64 characters before the {@code @}, 63 a label and 254 in all (RFC 5321's limits: a path of
 * 256 octets less its angle brackets). ASCII only: a domain in another script is given in its
 * {@code xn--} form. Quoted local parts, comments and address literals ({@code [192.0.2.1]}) are
 * refused. Stateless.
 */
public final class EmailAddress {
  public static final int MAX_LENGTH = 254;
  public static final int MAX_LOCAL_PART = 64;
  public static final int MAX_LABEL = 63;
  private static final String ATOM_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";

  private EmailAddress() {}

  /**
   * The address, stripped, if this check accepts it.
   *
   * @param field the field's name, as the problem names it in {@code field}
   * @throws InvalidInputException {@code invalid-email} saying what is wrong with it
   */
  public static String require(String value, String field) {
    String address = value == null ? "" : value.strip();
    String problem = problem(address);
    if (problem != null) {
      String shown = address.length() <= 60 ? address : address.substring(0, 57) + "...";
      throw new InvalidInputException("invalid-email", "'%s' is not an email address this service keeps: %s"
          .formatted(shown.replaceAll("\\p{Cntrl}", "?"), problem), Map.of("field", field));
    }
    return address;
  }

  /** What is wrong with the address, or null if nothing is. */
  private static String problem(String address) {
    if (address.length() > MAX_LENGTH) {
      return "it has %d characters, more than %d".formatted(address.length(), MAX_LENGTH);
    }
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return "it has no '@'";
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (local.isEmpty() || local.length() > MAX_LOCAL_PART) {
      return "the part before '@' has 1 to %d characters".formatted(MAX_LOCAL_PART);
    }
    for (String atom : local.split("\\.", -1)) {
      if (atom.isEmpty() || !atom.chars().allMatch(c -> isAsciiLetterOrDigit(c) || ATOM_SYMBOLS.indexOf(c) >= 0)) {
        return "the part before '@' is words of letters, digits and !#$%&'*+/=?^_`{|}~- between single dots";
      }
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return "the domain has at least two parts, like example.com";
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")
          || !label.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '-')) {
        return "each part of the domain has 1 to %d letters, digits or inner hyphens".formatted(MAX_LABEL);
      }
    }
    if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "the domain ends in a name, not a number";
    }
    return null;
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
