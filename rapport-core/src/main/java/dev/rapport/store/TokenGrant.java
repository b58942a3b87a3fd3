package dev.rapport.store;

import java.time.Instant;

/**
 * What a bearer token grants: acting as a member until it expires.
 *
 * @param memberId the member the token acts as
 * @param expiresAt the first instant it no longer does
 */
public record TokenGrant(long memberId, Instant expiresAt) {
  public boolean validAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
