package dev.rapport.live;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Member;
import dev.rapport.model.Message;
import dev.rapport.model.Notification;
import dev.rapport.notification.NotificationView;
import dev.rapport.store.StoreReads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which events of the log reach whose stream, and as what (docs/decisions/0036-the-live-stream-follows-the-log.md).
 * A new kind of live event is one line in {@link #CARRIED}: the stream carries events whose subject
 * is the member (a notification's recipient, a message's recipient), and a message also to its
 * sender's other streams (docs/decisions/0040-messages-and-receipts-on-the-live-stream.md).
 */
final class LiveRoutes {
  /** Events carried to their subject's streams, by stream name. */
  static final Map<EventType, String> CARRIED = Map.of(
      EventType.NOTIFICATIONS_READ, "notifications-read",
      EventType.MESSAGE_SENT, "message",
      EventType.CONVERSATION_READ, "read",
      EventType.MESSAGE_REQUEST_ACCEPTED, "request-accepted",
      EventType.MESSAGE_REQUEST_DECLINED, "request-declined");

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

  /** The member whose other streams also get an event they caused, or 0: a message's sender. */
  static long sender(Event event) {
    return event.type() == EventType.MESSAGE_SENT ? event.actorId() : 0;
  }

  /**
   * The live events of one member's events, in log order: notifications read back as the list
   * shows them (none a block hides, none of a muted kind), carried events with their actor, and
   * nothing of a conversation a block now hides (MS3, B2).
   */
  static List<LiveEvent> toLive(StoreReads reads, long memberId, List<Event> events) {
    long[] notificationIds = events.stream().filter(e -> e.type() == EventType.NOTIFIED)
        .mapToLong(Event::refId).toArray();
    List<Notification> notifications = notificationIds.length == 0 ? List.of()
        : reads.notifications(memberId, notificationIds);
    List<Event> carried = events.stream().filter(e -> CARRIED.containsKey(e.type())).toList();
    List<Long> actorIds = new ArrayList<>();
    notifications.forEach(n -> actorIds.add(n.actorId()));
    carried.forEach(e -> actorIds.add(e.actorId()));
    Map<Long, Member> actors = actorIds.isEmpty() ? Map.of() : reads.members(actorIds);
    Map<Long, Notification> byId = new HashMap<>();
    notifications.forEach(n -> byId.put(n.id(), n));
    long[] blocked = carried.stream().anyMatch(e -> e.type() != EventType.NOTIFICATIONS_READ)
        ? reads.blockedEitherWay(memberId) : new long[0];
    List<LiveEvent> live = new ArrayList<>();
    for (Event event : events) {
      if (event.type() == EventType.NOTIFIED) {
        Notification n = byId.get(event.refId());
        if (n != null) {
          live.add(new LiveEvent.Notified(event.seq(), new NotificationView(n, actors.get(n.actorId()))));
        }
      } else if (event.type() == EventType.NOTIFICATIONS_READ) {
        live.add(new LiveEvent.Logged(event.seq(), CARRIED.get(event.type()), event,
            Optional.ofNullable(actors.get(event.actorId()))));
      } else if (CARRIED.containsKey(event.type())) {
        long other = event.actorId() == memberId ? event.subjectId() : event.actorId();
        if (Arrays.binarySearch(blocked, other) < 0) {
          conversational(reads, event, actors.get(event.actorId())).ifPresent(live::add);
        }
      }
    }
    return live;
  }

  /** A messaging event as the stream carries it; empty if its actor or message is gone. */
  private static Optional<LiveEvent> conversational(StoreReads reads, Event event, Member actor) {
    return switch (event.type()) {
      case MESSAGE_SENT -> reads.messaging().message(event.refId())
          .map(m -> new LiveEvent.Messaged(event.seq(), m));
      case CONVERSATION_READ -> Optional.ofNullable(actor).flatMap(by -> reads.messaging().message(event.refId())
          .map(Message::conversationId).map(c -> new LiveEvent.Read(event.seq(), c, by, event.refId())));
      case MESSAGE_REQUEST_ACCEPTED, MESSAGE_REQUEST_DECLINED -> Optional.ofNullable(actor).map(by ->
          new LiveEvent.RequestAnswered(event.seq(), event.refId(), by,
              event.type() == EventType.MESSAGE_REQUEST_ACCEPTED));
      default -> Optional.empty();
    };
  }
}
