package dev.rapport.notification;

import dev.rapport.model.Cursor;
import dev.rapport.model.Member;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.store.StoreReads;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NT1: a member's notifications grouped on read, as LinkedIn groups them: those of a {@linkplain
 * NotificationKind#grouped() grouped kind} with the same kind, ref and skill on the same UTC day are
 * one group; every other notification is a group of its own. Groups are listed by their first
 * notification's id, newest first, so that a page's groups stay where they are while new
 * notifications arrive: a new one joins a group already listed or makes a new one above them all
 * (docs/decisions/XX-notifications-grouped-on-read-by-day.md). Stateless and thread safe.
 */
public final class NotificationGroups {
  /** How many of a group's actors it names. */
  static final int NAMED = 2;

  private NotificationGroups() {}

  /** The day, kind, ref and skill that put notifications of a grouped kind in one group. */
  private record Key(NotificationKind kind, long refId, String about, Instant day) {
    static Key of(Notification n) {
      return new Key(n.kind(), n.refId(), n.about(), n.at().truncatedTo(ChronoUnit.DAYS));
    }
  }

  /**
   * A page of the member's groups, newest first by first id, each with what a block (B2) or a mute
   * leaves of it. Scans the member's notifications newest first, reading each grouped kind's group
   * whole when it first meets one of its members, until the groups it holds outrank every group it
   * has not met: costs the page's notifications, the members of its groups, and one read per group.
   */
  public static Page<NotificationGroup> page(StoreReads reads, long memberId, PageRequest page) {
    long below = Cursor.decode(page.cursor(), 1)[0];
    List<List<Notification>> found = new ArrayList<>();
    Set<Key> met = new HashSet<>();
    int wanted = page.limit() + 1;
    int scanLimit = Math.min(PageRequest.MAX_LIMIT, 2 * page.limit() + 1);
    Optional<String> scan = page.cursor();
    boolean exhausted = false;
    while (!exhausted && !enough(found, wanted, scan, below)) {
      Page<Notification> rows = reads.notifications(memberId, new PageRequest(scanLimit, scan));
      for (Notification n : rows.items()) {
        if (!n.kind().grouped()) {
          found.add(List.of(n));
        } else if (met.add(Key.of(n))) {
          List<Notification> group = whole(reads, memberId, n);
          // A group whose first notification is at or above the cursor was on an earlier page.
          if (!group.isEmpty() && group.getFirst().id() < below) {
            found.add(group);
          }
        }
      }
      exhausted = rows.next().isEmpty();
      scan = rows.next();
    }
    found.sort(Comparator.comparingLong((List<Notification> g) -> g.getFirst().id()).reversed());
    List<List<Notification>> shown = found.subList(0, Math.min(page.limit(), found.size()));
    Optional<String> next = found.size() > page.limit()
        ? Optional.of(Cursor.encode(shown.getLast().getFirst().id())) : Optional.empty();
    Map<Long, Member> members = reads.members(shown.stream().flatMap(List::stream).map(Notification::actorId)
        .distinct().toList());
    return new Page<>(shown.stream().map(g -> group(g, members)).toList(), next);
  }

  /**
   * Whether the page is decided: at least {@code wanted} groups start at or above the scan's position,
   * and every group not met yet starts below it, since all its notifications under the cursor are.
   */
  private static boolean enough(List<List<Notification>> found, int wanted, Optional<String> scan, long below) {
    long position = scan.isEmpty() ? below : Cursor.decode(scan, 1)[0];
    return found.stream().filter(g -> g.getFirst().id() >= position).count() >= wanted;
  }

  /** The notification's whole group, ascending by id, as the member's list shows notifications. */
  private static List<Notification> whole(StoreReads reads, long memberId, Notification n) {
    Key key = Key.of(n);
    return reads.notificationGroup(memberId, key.kind(), key.refId(), key.about(), key.day(),
        key.day().plus(1, ChronoUnit.DAYS));
  }

  /** A group from its notifications, ascending by id, naming its latest distinct actors. */
  static NotificationGroup group(List<Notification> notifications, Map<Long, Member> members) {
    Set<Long> actorIds = new LinkedHashSet<>();
    boolean read = true;
    for (Notification n : notifications.reversed()) {
      actorIds.add(n.actorId());
      read &= n.read();
    }
    List<Member> named = actorIds.stream().map(members::get).filter(m -> m != null).limit(NAMED).toList();
    Notification first = notifications.getFirst();
    return new NotificationGroup(first.id(), first.kind(), first.refId(), first.about(), named,
        actorIds.size() - named.size(), notifications.stream().map(Notification::id).toList(),
        notifications.getLast().at(), read);
  }
}
