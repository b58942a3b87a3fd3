package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.bindLongs;

import dev.rapport.model.Cursor;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.store.OutreachReads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Outreach insight (X1, X2) in SQL both backends accept. The warmth of an invitation and the weeks'
 * growth come from the event log, which keeps when each follow began and ended; the follows table
 * keeps only the follows that stand (docs/decisions/0030-outreach-analytics-and-prospects.md). Thread
 * safe if the readers are.
 */
final class OutreachSqlReads implements OutreachReads {
  /**
   * The types the partial index {@code events_outreach_by_pair} of schema 11 holds. Each query that
   * reads it repeats this list word for word, which is how SQLite knows the index applies.
   */
  private static final String PAIR_TYPES =
      "('FOLLOWED', 'UNFOLLOWED', 'INVITATION_SENT', 'REACTED', 'REACTION_CHANGED', 'COMMENTED')";
  private static final String TIE_TYPES = "('FOLLOWED', 'UNFOLLOWED', 'CONNECTED', 'DISCONNECTED')";
  private static final String CONNECTION_TYPES = "('CONNECTED', 'DISCONNECTED')";
  private static final long WEEK_MILLIS = Duration.ofDays(7).toMillis();
  /** 1970-01-01 was a Thursday: adding three days puts every Monday 00:00 UTC on a multiple of a week. */
  private static final long MONDAY_SHIFT = Duration.ofDays(3).toMillis();

  /**
   * X1, driven by the sender's invitations in the period: CROSS JOIN keeps SQLite from starting at
   * the sender's events, which hold every follow and reaction too. {@code s} is the invitation's own
   * INVITATION_SENT event: the log orders what happened at the same millisecond, which a dev clock
   * standing still makes common. The pair's last follow event before it says whether a follow stood
   * when it was sent, and since when, as follows and unfollows alternate.
   */
  private static final String INVITATION_TALLIES = "SELECT state, warm, count(*) FROM ("
      + " SELECT i.state AS state, CASE WHEN"
      + "   (SELECT CASE WHEN f.type = 'FOLLOWED' AND f.at <= i.sent_at - ? THEN 1 ELSE 0 END FROM events f"
      + "     WHERE f.actor_id = i.sender_id AND f.subject_id = i.recipient_id AND f.type IN " + PAIR_TYPES
      + "     AND f.type IN ('FOLLOWED', 'UNFOLLOWED') AND f.seq < s.seq ORDER BY f.seq DESC LIMIT 1) = 1"
      + "   OR EXISTS (SELECT 1 FROM events r"
      + "     WHERE r.actor_id = i.sender_id AND r.subject_id = i.recipient_id AND r.type IN " + PAIR_TYPES
      + "     AND r.type IN ('REACTED', 'REACTION_CHANGED', 'COMMENTED') AND r.seq < s.seq)"
      + "   THEN 1 ELSE 0 END AS warm"
      + " FROM invitations i CROSS JOIN events s"
      + " WHERE i.sender_id = ? AND i.sent_at >= ? AND i.state <> 'CANCELED'"
      + "   AND s.actor_id = i.sender_id AND s.subject_id = i.recipient_id"
      + "   AND s.type IN " + PAIR_TYPES + " AND s.type = 'INVITATION_SENT' AND s.ref_id = i.id"
      + "   AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = i.sender_id AND b.blocked_id = i.recipient_id)"
      + "   AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = i.recipient_id AND b.blocked_id = i.sender_id)"
      + ") t GROUP BY state, warm";

  /** Week numbers from the Monday shift, then the changes: the member's as followee, and either side of a connection. */
  private static final String TIE_TALLIES = "SELECT (e.at + ?) / ?, e.type, count(*) FROM events e"
      + " WHERE e.subject_id = ? AND e.type IN " + TIE_TYPES + " AND e.at >= ? GROUP BY 1, 2"
      + " UNION ALL SELECT (e.at + ?) / ?, e.type, count(*) FROM events e"
      + " WHERE e.actor_id = ? AND e.type IN " + CONNECTION_TYPES + " AND e.at >= ? GROUP BY 1, 2";

  /** X2: parameters viewer, since, viewer, since, viewer, viewer x4, viewer x2, viewer x2, then the cursor keys. */
  private static final String PROSPECTS = "SELECT score, last_at, member_id, member_id, reactions, comments, last_at,"
      + " followed_at FROM ("
      + " SELECT e.member_id AS member_id, sum(e.reactions) AS reactions, sum(e.comments) AS comments,"
      + "   sum(e.reactions) + sum(e.comments) AS score, max(e.at) AS last_at, f.created_at AS followed_at"
      + " FROM ("
      + "   SELECT p.author_id AS member_id, 1 AS reactions, 0 AS comments, r.at AS at"
      + "     FROM reactions r JOIN posts p ON p.id = r.post_id WHERE r.member_id = ? AND r.at >= ?"
      + "   UNION ALL SELECT p.author_id, 0, 1, c.created_at"
      + "     FROM comments c JOIN posts p ON p.id = c.post_id WHERE c.author_id = ? AND c.created_at >= ?"
      + " ) e"
      + " JOIN follows f ON f.follower_id = ? AND f.followee_id = e.member_id"
      + " JOIN members m ON m.id = e.member_id AND m.kind = 'PERSON'"
      + " WHERE NOT EXISTS (SELECT 1 FROM connections c WHERE c.member_id = ? AND c.other_id = e.member_id)"
      + "   AND NOT EXISTS (SELECT 1 FROM invitations i"
      + "     WHERE i.pair_low = CASE WHEN e.member_id < ? THEN e.member_id ELSE ? END"
      + "     AND i.pair_high = CASE WHEN e.member_id < ? THEN ? ELSE e.member_id END"
      + "     AND i.state IN ('PENDING', 'IGNORED'))"
      + "   AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = ? AND b.blocked_id = e.member_id)"
      + "   AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = e.member_id AND b.blocked_id = ?)"
      + " GROUP BY e.member_id, f.created_at"
      + ") t WHERE (score, last_at, member_id) < (?, ?, ?) ORDER BY score DESC, last_at DESC, member_id DESC LIMIT ?";

  private final Readers readers;

  OutreachSqlReads(Readers readers) {
    this.readers = readers;
  }

  @Override
  public List<InvitationTally> invitationTallies(long senderId, Instant sentSince, Duration warmFollowAge) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(INVITATION_TALLIES);
      bindLongs(statement, warmFollowAge.toMillis(), senderId, sentSince.toEpochMilli());
      return Statements.all(statement, (row, c) -> new InvitationTally(InvitationState.valueOf(row.getString(c)),
          row.getInt(c + 1) == 1, row.getInt(c + 2)));
    });
  }

  @Override
  public List<TieTally> tieTallies(long memberId, Instant since) {
    long from = since.toEpochMilli();
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(TIE_TALLIES);
      bindLongs(statement, MONDAY_SHIFT, WEEK_MILLIS, memberId, from, MONDAY_SHIFT, WEEK_MILLIS, memberId, from);
      // Week number -> followers gained, lost, connections gained, lost.
      Map<Long, int[]> weeks = new TreeMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          int[] counts = weeks.computeIfAbsent(rows.getLong(1), w -> new int[4]);
          int slot = switch (rows.getString(2)) {
            case "FOLLOWED" -> 0;
            case "UNFOLLOWED" -> 1;
            case "CONNECTED" -> 2;
            default -> 3;
          };
          counts[slot] += rows.getInt(3);
        }
      }
      return weeks.entrySet().stream().map(w -> new TieTally(
          Instant.ofEpochMilli(w.getKey() * WEEK_MILLIS - MONDAY_SHIFT),
          w.getValue()[0], w.getValue()[1], w.getValue()[2], w.getValue()[3])).toList();
    });
  }

  @Override
  public Page<EngagedMember> prospects(long viewerId, Instant engagedSince, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 3);
    long since = engagedSince.toEpochMilli();
    return readers.read(s -> Statements.page(s, PROSPECTS, 3, (row, c) -> new EngagedMember(row.getLong(c),
        row.getInt(c + 1), row.getInt(c + 2), Instant.ofEpochMilli(row.getLong(c + 3)),
        Instant.ofEpochMilli(row.getLong(c + 4))), page,
        viewerId, since, viewerId, since, viewerId, viewerId, viewerId, viewerId, viewerId, viewerId, viewerId,
        viewerId, below[0], below[1], below[2]));
  }
}
