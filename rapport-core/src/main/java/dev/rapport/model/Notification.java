package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a member is told about (NT1).
 *
 * @param actorId who did it
 * @param refId what it is about (an invitation, a post), or 0
 * @param about the endorsed skill's name for {@link NotificationKind#ENDORSED}, else empty
 */
public record Notification(long id, long recipientId, NotificationKind kind, long actorId, long refId, String about,
    Instant at, boolean read) {
  public Notification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(about, "about");
    Objects.requireNonNull(at, "at");
  }

  /** A notification about nothing more than its ref. */
  public Notification(long id, long recipientId, NotificationKind kind, long actorId, long refId, Instant at,
      boolean read) {
    this(id, recipientId, kind, actorId, refId, "", at, read);
  }
}
