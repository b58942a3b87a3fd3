package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a member is told about (NT1).
 *
 * @param actorId who did it
 * @param refId what it is about (an invitation id), or 0
 */
public record Notification(
    long id, long recipientId, NotificationKind kind, long actorId, long refId, Instant at, boolean read) {
  public Notification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
  }
}
