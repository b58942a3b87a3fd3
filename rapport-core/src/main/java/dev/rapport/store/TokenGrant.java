package dev.rapport.store;

import dev.rapport.model.TokenKind;
import java.time.Instant;
import java.util.Objects;

/**
 * What a token grants: acting as a member until it expires, as an API client or a browser session.
 *
 * @param memberId the member the token acts as
 * @param expiresAt the first instant it no longer does
 * @param kind how it may be presented: as a bearer token or as a session cookie
 */
public record TokenGrant(long memberId, Instant expiresAt, TokenKind kind) {
  public TokenGrant {
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(kind, "kind");
  }

  /** An API token's grant. */
  public TokenGrant(long memberId, Instant expiresAt) {
    this(memberId, expiresAt, TokenKind.API);
  }

  public boolean validAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
