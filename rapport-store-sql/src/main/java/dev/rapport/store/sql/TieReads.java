package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.bindLongs;

import dev.rapport.model.Invitation;
import dev.rapport.store.ConnectionList;
import dev.rapport.store.MemberTies;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What ties one member to others ({@link MemberTies}), and their connections in list order.
 * Thread safe if the readers are.
 */
final class TieReads {
  private static final int FOLLOWS = 0;
  private static final int BLOCKS = 1;
  private static final int WITHDRAWAL = 2;
  private static final int OPEN = 3;

  /**
   * Every tie of one member, in one statement so that it reads one snapshot: a row a tie, its kind
   * first, then the other member and a time, or an open invitation's columns. The first branch
   * types the columns, which PostgreSQL needs for the nulls.
   */
  private static final String TIES = """
      SELECT 0, followee_id, CAST(NULL AS BIGINT), %1$s FROM follows WHERE follower_id = ?
      UNION ALL SELECT 1, blocked_id, NULL, %2$s FROM blocks WHERE blocker_id = ?
      UNION ALL SELECT 2, recipient_id, max(updated_at), %2$s FROM invitations
        WHERE sender_id = ? AND state = 'WITHDRAWN' GROUP BY recipient_id
      UNION ALL SELECT 3, 0, NULL, %3$s FROM invitations i WHERE i.sender_id = ? AND i.state IN ('PENDING', 'IGNORED')
      UNION ALL SELECT 3, 0, NULL, %3$s FROM invitations i WHERE i.recipient_id = ? AND i.state IN ('PENDING', 'IGNORED')
      """.formatted(
          "CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS TEXT), CAST(NULL AS TEXT), "
              + "CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)",
          "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL", Rows.INVITATION);
  private static final int INVITATION_FROM = 4;
  private static final String CONNECTIONS =
      "SELECT other_id, created_at FROM connections WHERE member_id = ? ORDER BY created_at DESC, other_id DESC";

  private final Readers readers;

  TieReads(Readers readers) {
    this.readers = readers;
  }

  MemberTies memberTies(long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(TIES);
      bindLongs(statement, memberId, memberId, memberId, memberId, memberId);
      List<Long> following = new ArrayList<>();
      List<Long> blocking = new ArrayList<>();
      List<Invitation> open = new ArrayList<>();
      Map<Long, Instant> withdrawals = new HashMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          switch (rows.getInt(1)) {
            case FOLLOWS -> following.add(rows.getLong(2));
            case BLOCKS -> blocking.add(rows.getLong(2));
            case WITHDRAWAL -> withdrawals.put(rows.getLong(2), Instant.ofEpochMilli(rows.getLong(3)));
            case OPEN -> open.add(Rows.invitation(rows, INVITATION_FROM));
            default -> throw new IllegalStateException("a tie of unknown kind " + rows.getInt(1));
          }
        }
      }
      return new MemberTies(memberId, sorted(following), sorted(blocking), open, withdrawals);
    });
  }

  ConnectionList connectionList(long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(CONNECTIONS);
      statement.setLong(1, memberId);
      List<Long> ids = new ArrayList<>();
      List<Long> since = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
          since.add(rows.getLong(2));
        }
      }
      return new ConnectionList(ids.stream().mapToLong(Long::longValue).toArray(),
          since.stream().mapToLong(Long::longValue).toArray());
    });
  }

  private static long[] sorted(List<Long> ids) {
    return ids.stream().mapToLong(Long::longValue).sorted().toArray();
  }
}
