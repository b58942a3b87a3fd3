package dev.rapport.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A member's account credentials (A1): the email they sign in with, in lower case, and the hash of
 * their password, which only the hashing side can check.
 */
public record Credential(long memberId, String emailKey, String passwordHash, Instant changedAt) {
  public Credential {
    Objects.requireNonNull(emailKey, "emailKey");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(changedAt, "changedAt");
  }

  /** Never shows the hash. */
  @Override
  public String toString() {
    return "Credential[memberId=%d, changedAt=%s]".formatted(memberId, changedAt);
  }
}
