package dev.rapport.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * NT1: what puts notifications of a {@linkplain NotificationKind#grouped() grouped kind} in one
 * group: their kind, ref and skill, and the UTC day they came on
 * (docs/decisions/0042-notifications-grouped-on-read-by-day.md).
 *
 * @param day the start of the UTC day
 */
public record NotificationGroupKey(NotificationKind kind, long refId, String about, Instant day) {
  public NotificationGroupKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(about, "about");
    if (!day.truncatedTo(ChronoUnit.DAYS).equals(day)) {
      throw new IllegalArgumentException(day + " is not the start of a UTC day");
    }
  }

  /** The group of this notification. */
  public static NotificationGroupKey of(Notification n) {
    return new NotificationGroupKey(n.kind(), n.refId(), n.about(), n.at().truncatedTo(ChronoUnit.DAYS));
  }
}
