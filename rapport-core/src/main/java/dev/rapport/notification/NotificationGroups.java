package dev.rapport.notification;

import dev.rapport.model.Cursor;
import dev.rapport.model.Member;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationGroupKey;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.store.StoreReads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * (docs/decisions/0042-notifications-grouped-on-read-by-day.md). Stateless and thread safe.
 */
public final class NotificationGroups {
  /** How many of a group's actors it names. */
  static final int NAMED = 2;

  private NotificationGroups() {}

  /**
   * A page of the member's groups, newest first by first id, each with what a block (B2) or a mute
   * leaves of it. Scans the member's notifications newest first, reading each grouped kind's group
   * whole when it first meets one of its members, until the groups it holds outrank every group it
   * has not met: costs a read of up to 200 notifications and one of the groups met among them, until
   * it has met enough, and the members of its groups.
   */
  public static Page<NotificationGroup> page(StoreReads reads, long memberId, PageRequest page) {
    long below = Cursor.decode(page.cursor(), 1)[0];
    List<List<Notification>> found = new ArrayList<>();
    Set<NotificationGroupKey> met = new HashSet<>();
    int wanted = page.limit() + 1;
    Optional<String> scan = page.cursor();
    boolean exhausted = false;
    while (!exhausted && !enough(found, wanted, scan, below)) {
      Page<Notification> rows = reads.notifications(memberId, new PageRequest(PageRequest.MAX_LIMIT, scan));
      List<NotificationGroupKey> fresh = new ArrayList<>();
      for (Notification n : rows.items()) {
        if (!n.kind().grouped()) {
          found.add(List.of(n));
        } else if (met.add(NotificationGroupKey.of(n))) {
          fresh.add(NotificationGroupKey.of(n));
        }
      }
      Map<NotificationGroupKey, List<Notification>> wholes = new HashMap<>();
      for (Notification n : reads.notificationGroups(memberId, fresh)) {
        wholes.computeIfAbsent(NotificationGroupKey.of(n), _ -> new ArrayList<>()).add(n);
      }
      for (NotificationGroupKey key : fresh) {
        List<Notification> group = wholes.getOrDefault(key, List.of());
        // A group whose first notification is at or above the cursor was on an earlier page.
        if (!group.isEmpty() && group.getFirst().id() < below) {
          found.add(group);
        }
      }
      exhausted = rows.next().isEmpty();
      scan = rows.next();
    }
    found.sort(Comparator.comparingLong((List<Notification> g) -> g.getFirst().id()).reversed());
    List<List<Notification>> shown = found.subList(0, Math.min(page.limit(), found.size()));
    Optional<String> next = found.size() > page.limit()
        ? Optional.of(Cursor.encode(shown.getLast().getFirst().id())) : Optional.empty();
    // Only the actors a group names are read: a group of a thousand reactions names two.
    Map<Long, Member> members = reads.members(shown.stream().flatMap(g -> latestActors(g).stream().limit(NAMED))
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

  /** A group from its notifications, ascending by id, naming its latest distinct actors. */
  static NotificationGroup group(List<Notification> notifications, Map<Long, Member> members) {
    Set<Long> actorIds = latestActors(notifications);
    boolean read = notifications.stream().allMatch(Notification::read);
    List<Member> named = actorIds.stream().map(members::get).filter(m -> m != null).limit(NAMED).toList();
    Notification first = notifications.getFirst();
    return new NotificationGroup(first.id(), first.kind(), first.refId(), first.about(), named,
        actorIds.size() - named.size(), notifications.getLast().id(),
        notifications.getLast().at(), read);
  }

  /** A group's distinct actors, latest first. */
  private static Set<Long> latestActors(List<Notification> notifications) {
    Set<Long> actorIds = new LinkedHashSet<>();
    for (Notification n : notifications.reversed()) {
      actorIds.add(n.actorId());
    }
    return actorIds;
  }
}
