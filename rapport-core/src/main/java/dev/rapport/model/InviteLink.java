package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-up invite link (A1): single use, until it expires. The code itself is never stored, only
 * its hash.
 *
 * @param createdBy the member who made it, or 0 for the administrator
 * @param usedBy the member who signed up with it, or 0 while it is unused
 */
public record InviteLink(long id, String codeHash, long createdBy, Instant createdAt, Instant expiresAt, long usedBy,
    Optional<Instant> usedAt) {
  public InviteLink {
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    usedAt = usedAt == null ? Optional.empty() : usedAt;
  }

  public boolean used() {
    return usedBy != 0;
  }
}
