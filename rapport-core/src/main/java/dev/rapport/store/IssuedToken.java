package dev.rapport.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One of a member's API tokens as they may see it (A2): never the token itself. */
public record IssuedToken(long id, Optional<String> name, Instant createdAt, Instant expiresAt) {
  public IssuedToken {
    name = name == null ? Optional.empty() : name;
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
