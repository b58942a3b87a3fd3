package dev.rapport.account;

import dev.rapport.member.NewMember;
import dev.rapport.problem.InvalidInputException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The command to sign up (A1): the new member, with the email they sign in with, the hash of their
 * password (the password itself never reaches the engine), and the invite link's code if they have one.
 */
public record SignUp(NewMember member, String passwordHash, Optional<String> inviteCode) {
  /** @throws InvalidInputException {@code missing-field} without an email */
  public SignUp {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(passwordHash, "passwordHash");
    inviteCode = inviteCode == null ? Optional.empty() : inviteCode.filter(code -> !code.isBlank());
    if (member.email().isEmpty()) {
      throw new InvalidInputException("missing-field", "an account needs an email address", Map.of("field", "email"));
    }
  }

  /** The account's email in lower case: how it is compared and found. */
  public String emailKey() {
    return Accounts.emailKey(member.email().orElseThrow());
  }

  /** Never shows the hash. */
  @Override
  public String toString() {
    return "SignUp[handle=%s, invite=%s]".formatted(member.handle(), inviteCode.isPresent());
  }
}
