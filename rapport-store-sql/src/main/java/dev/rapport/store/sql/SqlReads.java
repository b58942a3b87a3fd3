package dev.rapport.store.sql;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.PairTies;
import dev.rapport.kernel.Usage;
import dev.rapport.model.Cursor;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberPair;
import dev.rapport.model.Notification;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Restriction;
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.StoreReads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The reads of a SQL database, in SQL both backends accept, on whatever sessions its {@link
 * Readers} lend. Thread safe if they are.
 *
 * <p>Every read that returns members is a single statement, which reads one snapshot: the versions
 * it returns are exactly as new as the rest, which is what the {@link StoreReads} contract asks.
 */
class SqlReads implements StoreReads {
  private static final String MEMBER_BY_ID = "SELECT " + Rows.MEMBER + " FROM members m WHERE m.id = ?";
  private static final String MEMBER_BY_HANDLE = "SELECT " + Rows.MEMBER + " FROM members m WHERE m.handle = ?";
  /**
   * Lists of ids, handles or pairs are read a chunk at a time, each chunk padded with its last item
   * to one of a few widths, so that a handful of statements serve every length.
   */
  private static final int[] ID_LIST_WIDTHS = {8, 64, 512};
  private static final String[] MEMBERS_BY_IDS = Arrays.stream(ID_LIST_WIDTHS)
      .mapToObj(width -> "SELECT " + Rows.MEMBER + " FROM members m WHERE m.id IN (?" + ", ?".repeat(width - 1) + ")")
      .toArray(String[]::new);
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
  private static final String[] MEMBERS_BY_HANDLES = Arrays.stream(ID_LIST_WIDTHS)
      .mapToObj(width -> "SELECT " + Rows.MEMBER + " FROM members m WHERE m.handle IN (?"
          + ", ?".repeat(width - 1) + ")")
      .toArray(String[]::new);
  /**
   * What ties each pair ({@code low}, {@code high}) of a list: a connection, follows and blocks each
   * way, and the id of the open invitation (null without one). Each lookup ends in
   * {@code LIMIT 1 OFFSET 0}, which keeps PostgreSQL from answering a few hundred lookups by
   * hashing whole tables (measured: 40 ms for 512 pairs against 3 ms on 40,000 connections); it
   * looks each pair up in an index, as SQLite does anyway.
   */
  private static final String[] TIES = Arrays.stream(ID_LIST_WIDTHS).mapToObj(width -> """
      WITH p (low, high) AS (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT))%s)
      SELECT p.low, p.high,
        EXISTS (SELECT 1 FROM connections WHERE member_id = p.low AND other_id = p.high LIMIT 1 OFFSET 0),
        EXISTS (SELECT 1 FROM follows WHERE follower_id = p.low AND followee_id = p.high LIMIT 1 OFFSET 0),
        EXISTS (SELECT 1 FROM follows WHERE follower_id = p.high AND followee_id = p.low LIMIT 1 OFFSET 0),
        EXISTS (SELECT 1 FROM blocks WHERE blocker_id = p.low AND blocked_id = p.high LIMIT 1 OFFSET 0),
        EXISTS (SELECT 1 FROM blocks WHERE blocker_id = p.high AND blocked_id = p.low LIMIT 1 OFFSET 0),
        (SELECT id FROM invitations
          WHERE pair_low = p.low AND pair_high = p.high AND state IN ('PENDING', 'IGNORED') LIMIT 1 OFFSET 0)
      FROM p
      """.formatted(", (?, ?)".repeat(width - 1)))
      .toArray(String[]::new);
  private static final String TOKEN = "SELECT " + Rows.MEMBER
      + " FROM tokens t JOIN members m ON m.id = t.member_id WHERE t.token_hash = ? AND t.expires_at > ?";
  private static final String INVITATION = "SELECT " + Rows.INVITATION + " FROM invitations i WHERE i.id = ?";
  /** Each connection once: it is stored both ways. */
  private static final String FOLLOWING_COUNT = "SELECT count(*) FROM follows WHERE follower_id = ?";
  private static final String FOLLOWER_COUNT = "SELECT count(*) FROM follows f WHERE f.followee_id = ?";
  private static final String CONNECTED_FOLLOWER = " AND EXISTS (SELECT 1 FROM connections c "
      + "WHERE c.member_id = f.followee_id AND c.other_id = f.follower_id)";

  /**
   * What lies between the two members {@code ids} names (columns {@code actor}, {@code other}), in
   * one row: the columns {@link Between#read} reads, the open invitation's null without one.
   */
  private static final String BETWEEN = """
      SELECT
        EXISTS (SELECT 1 FROM follows WHERE follower_id = ids.actor AND followee_id = ids.other) AS actor_follows,
        EXISTS (SELECT 1 FROM follows WHERE follower_id = ids.other AND followee_id = ids.actor) AS other_follows,
        EXISTS (SELECT 1 FROM connections WHERE member_id = ids.actor AND other_id = ids.other) AS connected,
        EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ids.actor AND blocked_id = ids.other) AS actor_blocked,
        EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ids.other AND blocked_id = ids.actor) AS other_blocked,
        (SELECT max(updated_at) FROM invitations
          WHERE sender_id = ids.actor AND recipient_id = ids.other AND state = 'WITHDRAWN') AS last_withdrawal,
        %s
      FROM ids
      LEFT JOIN invitations i
        ON i.pair_low = CASE WHEN ids.actor < ids.other THEN ids.actor ELSE ids.other END
        AND i.pair_high = CASE WHEN ids.actor < ids.other THEN ids.other ELSE ids.actor END
        AND i.state IN ('PENDING', 'IGNORED')
      """.formatted(Rows.INVITATION);
  private static final String IDS = "SELECT CAST(? AS BIGINT) AS actor, CAST(? AS BIGINT) AS other";
  /** {@link #BETWEEN} for two member ids. */
  private static final String BETWEEN_IDS = "WITH ids AS (" + IDS + ") " + BETWEEN;

  /**
   * Both members, one row each, with everything between them (the same on both rows) in the
   * columns after theirs. One statement reads one snapshot, so the versions are exactly as new as
   * the rest. {@code ids} names the two members; an unknown other member leaves only the actor's row.
   */
  private static final String PAIR = """
      WITH ids AS (%s)
      SELECT %s, r.*
      FROM ids
      JOIN members m ON m.id IN (ids.actor, ids.other)
      CROSS JOIN (%s) AS r
      """;
  private static final String PAIR_BY_IDS = PAIR.formatted(IDS, Rows.MEMBER, BETWEEN);
  private static final String PAIR_BY_HANDLE = PAIR.formatted(
      "SELECT CAST(? AS BIGINT) AS actor, (SELECT id FROM members WHERE handle = ?) AS other",
      Rows.MEMBER, BETWEEN);
  private static final int PAIR_RELATIONS = Rows.MEMBER.split(",").length + 1;

  /**
   * Everything a member used of the invitation limits, in one statement: first the refusal times
   * (kind 0) and report times (kind 1) in the windows, each in column 2, then one row of kind 2
   * with the counts, the earliest invitation of the week, and the latest restriction.
   */
  private static final String USAGE = """
      SELECT 0 AS kind, at AS t, CAST(NULL AS BIGINT) AS sent, CAST(NULL AS BIGINT) AS first_sent,
        CAST(NULL AS BIGINT) AS open, CAST(NULL AS BIGINT) AS notes, CAST(NULL AS BIGINT) AS restrictions,
        CAST(NULL AS TEXT) AS reason, CAST(NULL AS BIGINT) AS starts_at, CAST(NULL AS BIGINT) AS ends_at
      FROM refusals WHERE member_id = ? AND at > ?
      UNION ALL
      SELECT 1, reported_at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM invitations WHERE sender_id = ? AND reported_at > ?
      UNION ALL
      SELECT 2, NULL,
        (SELECT count(*) FROM invitations WHERE sender_id = ? AND sent_at > ?),
        (SELECT min(sent_at) FROM invitations WHERE sender_id = ? AND sent_at > ?),
        (SELECT count(*) FROM invitations WHERE sender_id = ? AND state IN ('PENDING', 'IGNORED')),
        (SELECT count(*) FROM invitations WHERE sender_id = ? AND sent_at >= ? AND note IS NOT NULL),
        (SELECT count(*) FROM restrictions WHERE member_id = ?),
        r.reason, r.starts_at, r.ends_at
      FROM (SELECT 1 AS one) AS u
      LEFT JOIN (SELECT reason, starts_at, ends_at FROM restrictions WHERE member_id = ?
                 ORDER BY starts_at DESC, ends_at DESC LIMIT 1) AS r ON 1 = 1
      ORDER BY 1, 2
      """;

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
  private static final String NOTIFICATIONS = "SELECT n.id, " + Rows.NOTIFICATION + " FROM notifications n"
      + " WHERE n.recipient_id = ? AND n.id < ?" + visibleTo("n.actor_id") + " ORDER BY n.id DESC LIMIT ?";

  private final Dialect dialect;
  private final Readers readers;
  private final Map<String, String> invitationLists = new ConcurrentHashMap<>();

  SqlReads(Dialect dialect, Readers readers) {
    this.dialect = dialect;
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

  @Override
  public Optional<Member> member(long id) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(MEMBER_BY_ID);
      statement.setLong(1, id);
      return first(statement, Rows::member);
    });
  }

  @Override
  public Optional<Member> member(Handle handle) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(MEMBER_BY_HANDLE);
      statement.setString(1, handle.value());
      return first(statement, Rows::member);
    });
  }

  /**
   * Answered in a {@link HashMap}: the open addressing of {@link Map#copyOf} probes long runs of
   * slots for time-ordered ids (measured: most of an import's reading time).
   */
  @Override
  public Map<Long, Member> members(Collection<Long> ids) {
    List<Long> distinct = ids.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return readers.read(s -> {
      Map<Long, Member> found = new HashMap<>();
      for (List<Long> chunk : chunks(distinct)) {
        int w = widthFor(chunk.size());
        PreparedStatement statement = s.prepare(MEMBERS_BY_IDS[w]);
        for (int i = 0; i < ID_LIST_WIDTHS[w]; i++) {
          statement.setLong(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
        }
        for (Member member : all(statement, Rows::member)) {
          found.put(member.id(), member);
        }
      }
      return Collections.unmodifiableMap(found);
    });
  }

  @Override
  public Map<Handle, Member> membersWithHandles(Collection<Handle> handles) {
    List<Handle> distinct = handles.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return readers.read(s -> {
      Map<Handle, Member> found = new HashMap<>();
      for (List<Handle> chunk : chunks(distinct)) {
        int w = widthFor(chunk.size());
        PreparedStatement statement = s.prepare(MEMBERS_BY_HANDLES[w]);
        for (int i = 0; i < ID_LIST_WIDTHS[w]; i++) {
          statement.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)).value());
        }
        for (Member member : all(statement, Rows::member)) {
          found.put(member.handle(), member);
        }
      }
      return Collections.unmodifiableMap(found);
    });
  }

  @Override
  public Map<MemberPair, PairTies> ties(Collection<MemberPair> pairs) {
    List<MemberPair> distinct = pairs.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return readers.read(s -> {
      Map<MemberPair, PairTies> found = new HashMap<>();
      Map<MemberPair, Long> invitations = new HashMap<>();
      for (List<MemberPair> chunk : chunks(distinct)) {
        int w = widthFor(chunk.size());
        PreparedStatement statement = s.prepare(TIES[w]);
        for (int i = 0; i < ID_LIST_WIDTHS[w]; i++) {
          MemberPair pair = chunk.get(Math.min(i, chunk.size() - 1));
          statement.setLong(2 * i + 1, pair.lowId());
          statement.setLong(2 * i + 2, pair.highId());
        }
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            PairTies ties = new PairTies(new MemberPair(rows.getLong(1), rows.getLong(2)), rows.getBoolean(3),
                rows.getBoolean(4), rows.getBoolean(5), rows.getBoolean(6), rows.getBoolean(7), Optional.empty());
            long invitation = rows.getLong(8);
            if (!rows.wasNull()) {
              invitations.put(ties.pair(), invitation);
              found.put(ties.pair(), ties);
            } else if (!ties.isEmpty()) {
              found.put(ties.pair(), ties);
            }
          }
        }
      }
      // Open invitations between members about to be connected are rare: read each on its own.
      PreparedStatement read = s.prepare(INVITATION);
      for (Map.Entry<MemberPair, Long> open : invitations.entrySet()) {
        read.setLong(1, open.getValue());
        Optional<Invitation> invitation = first(read, Rows::invitation);
        PairTies ties = found.get(open.getKey());
        found.put(open.getKey(), new PairTies(ties.pair(), ties.connected(), ties.lowFollowsHigh(),
            ties.highFollowsLow(), ties.lowBlockedHigh(), ties.highBlockedLow(), invitation));
      }
      return Collections.unmodifiableMap(found);
    });
  }

  /** The list in chunks of at most the widest list a statement takes. */
  private static <T> List<List<T>> chunks(List<T> items) {
    int widest = ID_LIST_WIDTHS[ID_LIST_WIDTHS.length - 1];
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += widest) {
      chunks.add(items.subList(from, Math.min(items.size(), from + widest)));
    }
    return chunks;
  }

  /** The index of the narrowest list width that holds {@code size} items. */
  private static int widthFor(int size) {
    int w = 0;
    while (size > ID_LIST_WIDTHS[w]) {
      w++;
    }
    return w;
  }

  @Override
  public Optional<Member> memberForToken(String tokenHash, Instant now) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(TOKEN);
      statement.setString(1, tokenHash);
      statement.setLong(2, now.toEpochMilli());
      return first(statement, Rows::member);
    });
  }

  @Override
  public PairState pair(long actorId, long otherId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(PAIR_BY_IDS);
      bindLongs(statement, actorId, otherId);
      return readPair(statement, actorId, member -> member.id() == otherId);
    }).orElseThrow(() -> new NotFoundException("member-not-found", "no member with id " + otherId));
  }

  @Override
  public Optional<PairState> pair(long actorId, Handle other) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(PAIR_BY_HANDLE);
      statement.setLong(1, actorId);
      statement.setString(2, other.value());
      return readPair(statement, actorId, member -> member.handle().equals(other));
    });
  }

  /** The pair, or empty when the other member does not exist. */
  private static Optional<PairState> readPair(PreparedStatement statement, long actorId,
      java.util.function.Predicate<Member> isOther) throws SQLException {
    Member actor = null;
    Member other = null;
    Between between = Between.NOTHING;
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Member member = Rows.member(rows, 1);
        if (member.id() == actorId) {
          actor = member;
        }
        if (isOther.test(member)) {
          other = member;
        }
        between = Between.read(rows, PAIR_RELATIONS);
      }
    }
    if (actor == null) {
      throw new NotFoundException("member-not-found", "no member with id " + actorId);
    }
    if (other == null) {
      return Optional.empty();
    }
    return Optional.of(between.of(actor, other));
  }

  /**
   * The pair of two members the caller already holds as they are now, reading only what lies
   * between them: for a reader that keeps the members themselves ({@link WriterReads}).
   */
  final PairState pairOf(Member actor, Member other) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(BETWEEN_IDS);
      bindLongs(statement, actor.id(), other.id());
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("the pair query returned no row");
        }
        return Between.read(row, 1).of(actor, other);
      }
    });
  }

  /** The columns of {@link #BETWEEN}, which {@link #PAIR} has after the member's. */
  private record Between(boolean actorFollowsOther, boolean otherFollowsActor, boolean connected,
      boolean actorBlockedOther, boolean otherBlockedActor, Optional<Instant> lastWithdrawalByActor,
      Optional<Invitation> openInvitation) {
    static final Between NOTHING = new Between(false, false, false, false, false, Optional.empty(), Optional.empty());

    PairState of(Member actor, Member other) {
      return new PairState(actor, other, actorFollowsOther, otherFollowsActor, connected, actorBlockedOther,
          otherBlockedActor, openInvitation, lastWithdrawalByActor);
    }

    static Between read(ResultSet row, int from) throws SQLException {
      return new Between(row.getBoolean(from), row.getBoolean(from + 1), row.getBoolean(from + 2),
          row.getBoolean(from + 3), row.getBoolean(from + 4), Rows.optionalInstant(row, from + 5),
          Rows.optionalInvitation(row, from + 6));
    }
  }

  @Override
  public Usage usage(long memberId, Usage.Windows windows) {
    return readers.read(s -> {
      PreparedStatement usage = s.prepare(USAGE);
      long invitationsSince = windows.invitationsSince().toEpochMilli();
      bindLongs(usage, memberId, windows.refusalsSince().toEpochMilli(), memberId,
          windows.reportsSince().toEpochMilli(), memberId, invitationsSince, memberId, invitationsSince, memberId,
          memberId, windows.notesSince().toEpochMilli(), memberId, memberId);
      List<Instant> refusals = new ArrayList<>();
      List<Instant> reports = new ArrayList<>();
      try (ResultSet rows = usage.executeQuery()) {
        while (rows.next()) {
          int kind = rows.getInt(1);
          if (kind < 2) {
            (kind == 0 ? refusals : reports).add(Instant.ofEpochMilli(rows.getLong(2)));
            continue;
          }
          String reason = rows.getString(8);
          Optional<Restriction> latest = reason == null ? Optional.empty() : Optional.of(new Restriction(memberId,
              reason, Instant.ofEpochMilli(rows.getLong(9)), Instant.ofEpochMilli(rows.getLong(10))));
          return new Usage(rows.getInt(3), Rows.optionalInstant(rows, 4), rows.getInt(5), rows.getInt(6), refusals,
              reports, latest, rows.getInt(7));
        }
      }
      throw new IllegalStateException("the usage query returned no counts row");
    });
  }

  @Override
  public Optional<Invitation> invitation(long id) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(INVITATION);
      statement.setLong(1, id);
      return first(statement, Rows::invitation);
    });
  }

  @Override
  public int followingCount(long memberId) {
    return count(FOLLOWING_COUNT, memberId);
  }

  @Override
  public int followerCount(long memberId, boolean onlyConnections) {
    return count(onlyConnections ? FOLLOWER_COUNT + CONNECTED_FOLLOWER : FOLLOWER_COUNT, memberId);
  }

  private int count(String sql, long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(sql);
      statement.setLong(1, memberId);
      return first(statement, ResultSet::getInt).orElseThrow();
    });
  }

  @Override
  public Page<Member> followers(long memberId, boolean onlyConnections, long viewerId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return page(onlyConnections ? CONNECTED_FOLLOWERS : FOLLOWERS, 2, Rows::member, page,
        memberId, below[0], below[1], viewerId, viewerId);
  }

  @Override
  public Page<Member> following(long memberId, long viewerId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return page(FOLLOWING, 2, Rows::member, page, memberId, below[0], below[1], viewerId, viewerId);
  }

  @Override
  public Page<Member> connections(long memberId, boolean onlySharedWithViewer, long viewerId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return onlySharedWithViewer
        ? page(SHARED_CONNECTIONS, 2, Rows::member, page, memberId, below[0], below[1], viewerId, viewerId, viewerId)
        : page(CONNECTIONS, 2, Rows::member, page, memberId, below[0], below[1], viewerId, viewerId);
  }

  @Override
  public Page<Invitation> invitations(long memberId, boolean sent, Set<InvitationState> states, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    if (states.isEmpty()) {
      return new Page<>(List.of(), Optional.empty());
    }
    return page(invitationList(sent, states), 2, Rows::invitation, page, memberId, below[0], below[1]);
  }

  /**
   * The list query for one box and set of states; states are enum names, safe to inline. Blocks
   * hide nothing here: a block cancels the open invitations between the two (B1), and the closed
   * ones are the member's own history.
   */
  private String invitationList(boolean sent, Set<InvitationState> states) {
    String in = states.stream().sorted().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));
    return invitationLists.computeIfAbsent(sent + in, _ -> "SELECT i.sent_at, i.id, " + Rows.INVITATION
        + " FROM invitations i WHERE " + (sent ? "i.sender_id" : "i.recipient_id") + " = ?"
        + " AND i.state IN (" + in + ") AND (i.sent_at, i.id) < (?, ?)"
        + " ORDER BY i.sent_at DESC, i.id DESC LIMIT ?");
  }

  @Override
  public Page<Member> blocked(long memberId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return page(BLOCKED, 2, Rows::member, page, memberId, below[0], below[1]);
  }

  @Override
  public long[] blockedEitherWay(long memberId) {
    return ids(BLOCKED_EITHER_WAY, memberId, 2);
  }

  @Override
  public long[] notToSuggest(long memberId) {
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

  @Override
  public Page<Notification> notifications(long memberId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 1);
    return page(NOTIFICATIONS, 1, Rows::notification, page, memberId, below[0], memberId, memberId);
  }

  /** Reads in one snapshot, so that the position and the rows agree (see {@link ConnectionsLoad}). */
  @Override
  public long forEachConnection(ConnectionSink sink) {
    return ConnectionsLoad.read(dialect, readers, sink);
  }

  @Override
  public long lastPosition() {
    return readers.read(s -> {
      try (ResultSet row = s.prepare(dialect.snapshotPosition()).executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  @Override
  public Optional<SavedIndex> savedIndex() {
    return readers.read(s -> SavedIndexes.read(s, dialect));
  }

  @Override
  public List<Event> eventsAfter(long afterSeq, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit + " is negative");
    }
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(dialect.eventsAfter());
      bindLongs(statement, afterSeq, limit);
      return all(statement, Rows::event);
    });
  }

  /**
   * Runs a list query whose rows start with {@code keyCount} sort keys, binding the parameters and
   * then the limit. Reads one row more than asked to learn whether there is a next page.
   */
  private <T> Page<T> page(String sql, int keyCount, Rows.Mapper<T> mapper, PageRequest page, long... parameters) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(sql);
      bindLongs(statement, parameters);
      statement.setLong(parameters.length + 1, page.limit() + 1L);
      List<T> items = new ArrayList<>(Math.min(page.limit(), 64));
      long[] lastKeys = new long[keyCount];
      boolean more = false;
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (items.size() == page.limit()) {
            more = true;
            break;
          }
          for (int k = 0; k < keyCount; k++) {
            lastKeys[k] = rows.getLong(k + 1);
          }
          items.add(mapper.map(rows, keyCount + 1));
        }
      }
      return new Page<>(items, more ? Optional.of(Cursor.encode(lastKeys)) : Optional.empty());
    });
  }

  private static <T> Optional<T> first(PreparedStatement statement, Rows.Mapper<T> mapper) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(mapper.map(rows, 1)) : Optional.empty();
    }
  }

  private static <T> List<T> all(PreparedStatement statement, Rows.Mapper<T> mapper) throws SQLException {
    List<T> items = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        items.add(mapper.map(rows, 1));
      }
    }
    return items;
  }

  private static void bindLongs(PreparedStatement statement, long... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setLong(i + 1, values[i]);
    }
  }
}
