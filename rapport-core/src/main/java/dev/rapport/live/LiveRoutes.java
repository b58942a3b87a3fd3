package dev.rapport.live;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Member;
import dev.rapport.model.Notification;
import dev.rapport.notification.NotificationView;
import dev.rapport.store.StoreReads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which events of the log reach whose stream, and as what (docs/decisions/0036-the-live-stream-follows-the-log.md).
 * A new kind of live event is one line in {@link #CARRIED}: the stream carries events whose subject
 * is the member (a notification's recipient, a message's recipient).
 */
final class LiveRoutes {
  /** Events carried to their subject's streams as they are, by stream name. */
  static final Map<EventType, String> CARRIED = Map.of(
      EventType.NOTIFICATIONS_READ, "notifications-read");

  /** Events after which the acting member's streams check that their credential still holds. */
  static final Set<EventType> REVOKING = Set.of(
      EventType.TOKEN_REVOKED, EventType.SIGNED_OUT, EventType.SESSIONS_ENDED, EventType.PASSWORD_CHANGED);

  private LiveRoutes() {}

  /** The member whose streams an event is for, or 0 if none. */
  static long recipient(Event event) {
    if (event.type() == EventType.NOTIFIED || CARRIED.containsKey(event.type())) {
      return event.subjectId();
    }
    return 0;
  }

  /**
   * The live events of one member's events, in log order: notifications read back as the list
   * shows them (none a block hides, none of a muted kind), carried events with their actor.
   */
  static List<LiveEvent> toLive(StoreReads reads, long memberId, List<Event> events) {
    long[] notificationIds = events.stream().filter(e -> e.type() == EventType.NOTIFIED)
        .mapToLong(Event::refId).toArray();
    List<Notification> notifications = reads.notifications(memberId, notificationIds);
    List<Event> carried = events.stream().filter(e -> CARRIED.containsKey(e.type())).toList();
    List<Long> actorIds = new ArrayList<>();
    notifications.forEach(n -> actorIds.add(n.actorId()));
    carried.forEach(e -> actorIds.add(e.actorId()));
    Map<Long, Member> actors = actorIds.isEmpty() ? Map.of() : reads.members(actorIds);
    Map<Long, Notification> byId = new java.util.HashMap<>();
    notifications.forEach(n -> byId.put(n.id(), n));
    List<LiveEvent> live = new ArrayList<>();
    for (Event event : events) {
      if (event.type() == EventType.NOTIFIED) {
        Notification n = byId.get(event.refId());
        if (n != null) {
          live.add(new LiveEvent.Notified(event.seq(), new NotificationView(n, actors.get(n.actorId()))));
        }
      } else if (CARRIED.containsKey(event.type())) {
        live.add(new LiveEvent.Logged(event.seq(), CARRIED.get(event.type()), event,
            Optional.ofNullable(actors.get(event.actorId()))));
      }
    }
    live.sort(Comparator.comparingLong(LiveEvent::position));
    return live;
  }
}
