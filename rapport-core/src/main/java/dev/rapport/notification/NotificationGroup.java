package dev.rapport.notification;

import dev.rapport.model.Member;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * NT1: notifications shown as one ("Ada and 3 others reacted to your post"), or a single one. A
 * group is placed in its list by its first notification, so that one gaining members does not move
 * (docs/decisions/0042-notifications-grouped-on-read-by-day.md).
 *
 * @param id its first notification's id, by which it is placed and paged
 * @param refId what it is about (a post, an invitation), or 0
 * @param about the endorsed skill's name for an endorsement, else empty
 * @param actors the latest distinct members who did it, newest first, at most two; empty when none
 *     is a member any more
 * @param othersCount how many other distinct members did it
 * @param latestId its latest notification's id: what a client that shows it marks it read up to
 *     (docs/decisions/0046-a-group-marked-read-by-its-first-id.md)
 * @param at when its latest notification came
 * @param read whether every notification it covers is read
 */
public record NotificationGroup(long id, NotificationKind kind, long refId, String about, List<Member> actors,
    int othersCount, long latestId, Instant at, boolean read) {
  public NotificationGroup {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(about, "about");
    actors = List.copyOf(actors);
    Objects.requireNonNull(at, "at");
  }

  /** One notification as a group of its own, as the live stream carries it. */
  public static NotificationGroup single(NotificationView view) {
    Notification n = view.notification();
    return new NotificationGroup(n.id(), n.kind(), n.refId(), n.about(),
        view.actor() == null ? List.of() : List.of(view.actor()), 0, n.id(), n.at(), n.read());
  }
}
