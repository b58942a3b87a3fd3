package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.bindLongs;
import static dev.rapport.store.sql.Statements.first;

import dev.rapport.model.Cursor;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationGroupKey;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A member's lists, a page at a time and newest first (followers, following, connections,
 * invitations, blocked, notifications), their counts, and the ids blocks and suggestions leave out.
 * Thread safe if the readers are.
 */
final class ListReads {
  private static final String BLOCKED_EITHER_WAY = """
      SELECT blocked_id FROM blocks WHERE blocker_id = ?
      UNION SELECT blocker_id FROM blocks WHERE blocked_id = ?
      ORDER BY 1""";
  /** N4's exclusions; the open-invitation conditions match the partial and recipient indexes. */
  private static final String NOT_TO_SUGGEST = """
      SELECT blocked_id FROM blocks WHERE blocker_id = ?
      UNION SELECT blocker_id FROM blocks WHERE blocked_id = ?
      UNION SELECT recipient_id FROM invitations WHERE sender_id = ? AND state IN ('PENDING', 'IGNORED')
      UNION SELECT sender_id FROM invitations WHERE recipient_id = ? AND state IN ('PENDING', 'IGNORED')
      UNION SELECT dismissed_id FROM suggestion_dismissals WHERE member_id = ?
      ORDER BY 1""";
  private static final String FOLLOWING_COUNT = "SELECT count(*) FROM follows WHERE follower_id = ?";
  private static final String FOLLOWER_COUNT = "SELECT count(*) FROM follows f WHERE f.followee_id = ?";
  private static final String CONNECTED_FOLLOWER = " AND EXISTS (SELECT 1 FROM connections c "
      + "WHERE c.member_id = f.followee_id AND c.other_id = f.follower_id)";

  private static final String FOLLOWERS = memberList("f.created_at, f.follower_id",
      "follows f JOIN members m ON m.id = f.follower_id", "f.followee_id = ?", "");
  private static final String CONNECTED_FOLLOWERS = memberList("f.created_at, f.follower_id",
      "follows f JOIN members m ON m.id = f.follower_id", "f.followee_id = ?", CONNECTED_FOLLOWER);
  private static final String FOLLOWING = memberList("f.created_at, f.followee_id",
      "follows f JOIN members m ON m.id = f.followee_id", "f.follower_id = ?",
      " AND (m.who_can_follow <> 'CONNECTIONS' OR EXISTS (SELECT 1 FROM connections c "
          + "WHERE c.member_id = f.follower_id AND c.other_id = f.followee_id))");
  private static final String CONNECTIONS = memberList("c.created_at, c.other_id",
      "connections c JOIN members m ON m.id = c.other_id", "c.member_id = ?", "");
  private static final String SHARED_CONNECTIONS = memberList("c.created_at, c.other_id",
      "connections c JOIN members m ON m.id = c.other_id", "c.member_id = ?",
      " AND EXISTS (SELECT 1 FROM connections v WHERE v.member_id = ? AND v.other_id = c.other_id)");
  private static final String BLOCKED = "SELECT b.created_at, b.blocked_id, " + Rows.MEMBER
      + " FROM blocks b JOIN members m ON m.id = b.blocked_id"
      + " WHERE b.blocker_id = ? AND (b.created_at, b.blocked_id) < (?, ?)"
      + " ORDER BY b.created_at DESC, b.blocked_id DESC LIMIT ?";
  /** NT1: the newest follow notice from one member to another, by the partial index of schema 6. */
  private static final String LAST_FOLLOW_NOTICE = "SELECT max(n.at) FROM notifications n"
      + " WHERE n.recipient_id = ? AND n.actor_id = ? AND n.kind = 'FOLLOWED'";
  /** NT2: leaves out the kinds the recipient muted. */
  private static final String UNMUTED = " AND NOT EXISTS (SELECT 1 FROM notification_mutes u"
      + " WHERE u.member_id = n.recipient_id AND u.kind = n.kind)";
  private static final String NOTIFICATIONS = "SELECT n.id, " + Rows.NOTIFICATION + " FROM notifications n"
      + " WHERE n.recipient_id = ? AND n.id < ?" + visibleTo("n.actor_id") + UNMUTED + " ORDER BY n.id DESC LIMIT ?";

  private static final String UNREAD_NOTIFICATIONS = "SELECT count(*) FROM notifications n"
      + " WHERE n.recipient_id = ? AND NOT n.read" + visibleTo("n.actor_id") + UNMUTED;
  /**
   * NT1: the notifications of the groups given as rows of kind, ref, skill and day, each found by
   * the index of schema 16; the casts type the parameters for PostgreSQL.
   */
  private static final String NOTIFICATION_GROUPS = "SELECT " + Rows.NOTIFICATION + " FROM (VALUES %s) AS k"
      + " JOIN notifications n ON n.recipient_id = ? AND n.kind = k.column1 AND n.ref_id = k.column2"
      + " AND n.about = k.column3 AND n.at >= k.column4 AND n.at < k.column4 + 86400000"
      + " WHERE 1 = 1" + visibleTo("n.actor_id") + UNMUTED + " ORDER BY n.id";
  private static final String GROUP_ROW = "(CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS BIGINT))";
  private static final String MUTED_KINDS = "SELECT kind FROM notification_mutes WHERE member_id = ? ORDER BY kind";
  /** The ids go in as many parameters as there are; a list of a live stream's batch is short. */
  private static final String NOTIFICATIONS_BY_ID = "SELECT " + Rows.NOTIFICATION + " FROM notifications n"
      + " WHERE n.recipient_id = ? AND n.id IN (%s)" + visibleTo("n.actor_id") + UNMUTED + " ORDER BY n.id";

  private final Readers readers;
  private final Map<String, String> invitationLists = new ConcurrentHashMap<>();

  ListReads(Readers readers) {
    this.readers = readers;
  }

  /**
   * A page of members newest first. Parameters: the owner of the list, the two cursor keys, those of
   * {@code extra} if any, and the viewer twice.
   */
  private static String memberList(String keys, String from, String owner, String extra) {
    String[] key = keys.split(", ");
    return "SELECT " + keys + ", " + Rows.MEMBER + " FROM " + from + " WHERE " + owner
        + " AND (" + keys + ") < (?, ?)" + extra + visibleTo(key[1])
        + " ORDER BY " + key[0] + " DESC, " + key[1] + " DESC LIMIT ?";
  }

  /** B2: leaves out members the viewer blocked or is blocked by. Parameters: the viewer, twice. */
  private static String visibleTo(String memberColumn) {
    return " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = ? AND x.blocked_id = " + memberColumn + ")"
        + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = " + memberColumn + " AND x.blocked_id = ?)";
  }

  int followingCount(long memberId) {
    return count(FOLLOWING_COUNT, memberId);
  }

  int followerCount(long memberId, boolean onlyConnections) {
    return count(onlyConnections ? FOLLOWER_COUNT + CONNECTED_FOLLOWER : FOLLOWER_COUNT, memberId);
  }

  private int count(String sql, long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(sql);
      statement.setLong(1, memberId);
      return first(statement, ResultSet::getInt).orElseThrow();
    });
  }

  Page<Member> followers(long memberId, boolean onlyConnections, long viewerId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return page(onlyConnections ? CONNECTED_FOLLOWERS : FOLLOWERS, 2, Rows::member, page,
        memberId, below[0], below[1], viewerId, viewerId);
  }

  Page<Member> following(long memberId, long viewerId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return page(FOLLOWING, 2, Rows::member, page, memberId, below[0], below[1], viewerId, viewerId);
  }

  Page<Member> connections(long memberId, boolean onlySharedWithViewer, long viewerId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return onlySharedWithViewer
        ? page(SHARED_CONNECTIONS, 2, Rows::member, page, memberId, below[0], below[1], viewerId, viewerId, viewerId)
        : page(CONNECTIONS, 2, Rows::member, page, memberId, below[0], below[1], viewerId, viewerId);
  }

  Page<Invitation> invitations(long memberId, boolean sent, Set<InvitationState> states, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    if (states.isEmpty()) {
      return new Page<>(List.of(), Optional.empty());
    }
    return page(invitationList(sent, states), 2, Rows::invitation, page, memberId, below[0], below[1], memberId,
        memberId);
  }

  /**
   * The list query for one box and set of states; states are enum names, safe to inline. B2: an
   * invitation with a member blocked either way is left out, like the member from every other list,
   * so that neither side's history names the other while the block stands.
   */
  private String invitationList(boolean sent, Set<InvitationState> states) {
    String in = states.stream().sorted().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));
    String other = sent ? "i.recipient_id" : "i.sender_id";
    return invitationLists.computeIfAbsent(sent + in, _ -> "SELECT i.sent_at, i.id, " + Rows.INVITATION
        + " FROM invitations i WHERE " + (sent ? "i.sender_id" : "i.recipient_id") + " = ?"
        + " AND i.state IN (" + in + ") AND (i.sent_at, i.id) < (?, ?)" + visibleTo(other)
        + " ORDER BY i.sent_at DESC, i.id DESC LIMIT ?");
  }

  Page<Member> blocked(long memberId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return page(BLOCKED, 2, Rows::member, page, memberId, below[0], below[1]);
  }

  long[] blockedEitherWay(long memberId) {
    return ids(BLOCKED_EITHER_WAY, memberId, 2);
  }

  long[] notToSuggest(long memberId) {
    return ids(NOT_TO_SUGGEST, memberId, 5);
  }

  /** The first column of every row of a query that takes the member id {@code times} times. */
  private long[] ids(String sql, long memberId, int times) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(sql);
      for (int i = 1; i <= times; i++) {
        statement.setLong(i, memberId);
      }
      LongStream.Builder ids = LongStream.builder();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids.build().toArray();
    });
  }

  Optional<Instant> lastFollowNotice(long followeeId, long followerId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(LAST_FOLLOW_NOTICE);
      statement.setLong(1, followeeId);
      statement.setLong(2, followerId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Rows.optionalInstant(rows, 1) : Optional.<Instant>empty();
      }
    });
  }

  Page<Notification> notifications(long memberId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 1);
    return page(NOTIFICATIONS, 1, Rows::notification, page, memberId, below[0], memberId, memberId);
  }

  List<Notification> notifications(long recipientId, long[] ids) {
    if (ids.length == 0) {
      return List.of();
    }
    String sql = NOTIFICATIONS_BY_ID.formatted(String.join(", ", Collections.nCopies(ids.length, "?")));
    long[] parameters = new long[ids.length + 3];
    parameters[0] = recipientId;
    System.arraycopy(ids, 0, parameters, 1, ids.length);
    parameters[ids.length + 1] = recipientId;
    parameters[ids.length + 2] = recipientId;
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(sql);
      bindLongs(statement, parameters);
      return Statements.all(statement, Rows::notification);
    });
  }

  List<Notification> notificationGroups(long recipientId, Collection<NotificationGroupKey> groups) {
    if (groups.isEmpty()) {
      return List.of();
    }
    String sql = NOTIFICATION_GROUPS.formatted(String.join(", ", Collections.nCopies(groups.size(), GROUP_ROW)));
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(sql);
      int p = 1;
      for (NotificationGroupKey group : groups) {
        statement.setString(p++, group.kind().name());
        statement.setLong(p++, group.refId());
        statement.setString(p++, group.about());
        statement.setLong(p++, group.day().toEpochMilli());
      }
      statement.setLong(p++, recipientId);
      statement.setLong(p++, recipientId);
      statement.setLong(p, recipientId);
      return Statements.all(statement, Rows::notification);
    });
  }

  Set<NotificationKind> mutedNotificationKinds(long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(MUTED_KINDS);
      bindLongs(statement, memberId);
      Set<NotificationKind> muted = java.util.EnumSet.noneOf(NotificationKind.class);
      Statements.all(statement, (row, from) -> NotificationKind.valueOf(row.getString(from))).forEach(muted::add);
      return muted;
    });
  }

  int unreadNotificationCount(long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(UNREAD_NOTIFICATIONS);
      bindLongs(statement, new long[] {memberId, memberId, memberId});
      return first(statement, ResultSet::getInt).orElseThrow();
    });
  }

  /**
   * Runs a list query whose rows start with {@code keyCount} sort keys, binding the parameters and
   * then the limit. Reads one row more than asked to learn whether there is a next page.
   */
  private <T> Page<T> page(String sql, int keyCount, Rows.Mapper<T> mapper, PageRequest page, long... parameters) {
    return readers.read(s -> Statements.page(s, sql, keyCount, mapper, page, parameters));
  }
}
