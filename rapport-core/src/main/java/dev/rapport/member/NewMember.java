package dev.rapport.member;

import dev.rapport.model.EmailAddress;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Text;
import dev.rapport.problem.InvalidInputException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command to create a member or company page (M1).
 *
 * @param tier the tier's name; empty takes the policy's default tier
 */
public record NewMember(Handle handle, MemberKind kind, String name, String headline, Optional<String> email,
    Optional<String> tier) {

  public static final int MAX_NAME = 100;
  public static final int MAX_HEADLINE = 220;

  public NewMember {
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(kind, "kind");
    name = requireName(name);
    headline = requireHeadline(headline);
    email = email == null ? Optional.empty()
        : email.map(String::strip).filter(e -> !e.isEmpty()).map(e -> EmailAddress.require(e, "email"));
    tier = tier == null ? Optional.empty() : tier;
  }

  public static NewMember person(String handle, String name) {
    return new NewMember(Handle.of(handle), MemberKind.PERSON, name, "", Optional.empty(), Optional.empty());
  }

  /** The name as stored: one line of text ({@link Text#line}), 1 to {@value #MAX_NAME} characters. */
  static String requireName(String name) {
    String clean = Text.line(name, "name", "invalid-name");
    if (clean.isEmpty() || clean.length() > MAX_NAME) {
      throw new InvalidInputException("invalid-name", "a name has 1 to %d characters".formatted(MAX_NAME),
          Map.of("field", "name"));
    }
    return clean;
  }

  /** The headline as stored: one line of text ({@link Text#line}), at most {@value #MAX_HEADLINE} characters. */
  static String requireHeadline(String headline) {
    String clean = Text.line(headline, "headline", "invalid-headline");
    if (clean.length() > MAX_HEADLINE) {
      throw new InvalidInputException("invalid-headline",
          "a headline has at most %d characters".formatted(MAX_HEADLINE), Map.of("field", "headline"));
    }
    return clean;
  }
}
