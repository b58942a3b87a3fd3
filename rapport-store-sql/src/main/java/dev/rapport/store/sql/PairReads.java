package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.bindLongs;
import static dev.rapport.store.sql.Statements.first;

import dev.rapport.kernel.PairState;
import dev.rapport.kernel.PairTies;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.Member;
import dev.rapport.model.MemberPair;
import dev.rapport.problem.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What lies between members: a pair with both members, the ties of many pairs at once, and
 * invitations by id. Thread safe if the readers are.
 *
 * <p>A pair is a single statement, which reads one snapshot: the versions it returns are exactly as
 * new as the rest, which is what the {@link dev.rapport.store.StoreReads} contract asks.
 */
final class PairReads {
  /**
   * What ties each pair ({@code low}, {@code high}) of a list: a connection, follows and blocks each
   * way, and the id of the open invitation (null without one). Each lookup ends in
   * {@code LIMIT 1 OFFSET 0}, which keeps PostgreSQL from answering a few hundred lookups by
   * hashing whole tables (see BENCHMARKS.md, Import); it looks each pair up in an index, as SQLite
   * does anyway.
   */
  private static final PaddedList TIES = new PaddedList("""
      WITH p (low, high) AS (VALUES %s)
      SELECT p.low, p.high,
        EXISTS (SELECT 1 FROM connections WHERE member_id = p.low AND other_id = p.high LIMIT 1 OFFSET 0),
        EXISTS (SELECT 1 FROM follows WHERE follower_id = p.low AND followee_id = p.high LIMIT 1 OFFSET 0),
        EXISTS (SELECT 1 FROM follows WHERE follower_id = p.high AND followee_id = p.low LIMIT 1 OFFSET 0),
        EXISTS (SELECT 1 FROM blocks WHERE blocker_id = p.low AND blocked_id = p.high LIMIT 1 OFFSET 0),
        EXISTS (SELECT 1 FROM blocks WHERE blocker_id = p.high AND blocked_id = p.low LIMIT 1 OFFSET 0),
        (SELECT id FROM invitations
          WHERE pair_low = p.low AND pair_high = p.high AND state IN ('PENDING', 'IGNORED') LIMIT 1 OFFSET 0)
      FROM p
      """, "(CAST(? AS BIGINT), CAST(? AS BIGINT))", "(?, ?)");
  private static final String INVITATION = "SELECT " + Rows.INVITATION + " FROM invitations i WHERE i.id = ?";

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

  private final Readers readers;

  PairReads(Readers readers) {
    this.readers = readers;
  }

  PairState pair(long actorId, long otherId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(PAIR_BY_IDS);
      bindLongs(statement, actorId, otherId);
      return readPair(statement, actorId, member -> member.id() == otherId);
    }).orElseThrow(() -> new NotFoundException("member-not-found", "no member with id " + otherId));
  }

  Optional<PairState> pair(long actorId, Handle other) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(PAIR_BY_HANDLE);
      statement.setLong(1, actorId);
      statement.setString(2, other.value());
      return readPair(statement, actorId, member -> member.handle().equals(other));
    });
  }

  /** The pair, or empty when the other member does not exist. */
  private static Optional<PairState> readPair(PreparedStatement statement, long actorId, Predicate<Member> isOther)
      throws SQLException {
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
  PairState pairOf(Member actor, Member other) {
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

  Map<MemberPair, PairTies> ties(Collection<MemberPair> pairs) {
    List<MemberPair> distinct = pairs.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return readers.read(s -> {
      Map<MemberPair, PairTies> found = new HashMap<>();
      Map<MemberPair, Long> invitations = new HashMap<>();
      for (List<MemberPair> chunk : PaddedList.chunks(distinct)) {
        PreparedStatement statement = s.prepare(TIES.sql(chunk));
        TIES.bind(statement, chunk, (st, i, pair) -> {
          st.setLong(i, pair.lowId());
          st.setLong(i + 1, pair.highId());
        });
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

  Optional<Invitation> invitation(long id) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(INVITATION);
      statement.setLong(1, id);
      return first(statement, Rows::invitation);
    });
  }
}
