package dev.rapport.store.sql;

import dev.rapport.store.StoreReads.ConnectionSink;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What differs between the SQL backends on the read side: their migrations, how the log is read,
 * and how the graph index reads every connection at start.
 */
enum Dialect {
  SQLITE("db/migration/sqlite",
      "SELECT " + Rows.EVENT + " FROM events e WHERE e.seq > ? ORDER BY e.seq LIMIT ?",
      "SELECT coalesce(max(seq), 0) FROM events") {
    /**
     * One row per member, with the ids of its connections that are greater joined by commas:
     * fetching a row through the driver costs far more than an id (17.3 against 20.5 ms for
     * ego-Facebook).
     */
    private static final String CONNECTIONS_BY_MEMBER =
        "SELECT member_id, group_concat(other_id) FROM connections WHERE member_id < other_id GROUP BY member_id";

    @Override
    void readConnections(Session session, ConnectionSink sink) throws SQLException {
      try (ResultSet rows = session.prepare(CONNECTIONS_BY_MEMBER).executeQuery()) {
        while (rows.next()) {
          long member = rows.getLong(1);
          String others = rows.getString(2);
          for (int from = 0; from < others.length(); ) {
            int to = others.indexOf(',', from);
            to = to < 0 ? others.length() : to;
            sink.connection(member, Long.parseLong(others, from, to, 10));
            from = to + 1;
          }
        }
      }
    }
  },

  /**
   * Only rows of transactions older than every running one (see the events table in the schema):
   * a row from a younger transaction could still have an uncommitted row before it.
   */
  POSTGRES("db/migration/postgres",
      "SELECT " + Rows.EVENT + " FROM events e WHERE e.seq > ? "
          + "AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.seq LIMIT ?",
      "SELECT coalesce(max(seq), 0) FROM events WHERE tx < pg_snapshot_xmin(pg_current_snapshot())") {
    /**
     * Copied out as text lines ({@link ConnectionsCopy}): rows cost the driver more than their
     * ids, and aggregating them into one text per member took PostgreSQL longer still (48 ms for
     * ego-Facebook, against 40 ms for rows and 26 ms for the copy).
     */
    private static final String CONNECTIONS_COPY =
        "COPY (SELECT member_id, other_id FROM connections WHERE member_id < other_id) TO STDOUT";

    @Override
    void readConnections(Session session, ConnectionSink sink) throws SQLException {
      ConnectionsCopy.copy(session.connection(), CONNECTIONS_COPY, sink);
    }
  };

  private final String migrations;
  private final String eventsAfter;
  private final String snapshotPosition;

  Dialect(String migrations, String eventsAfter, String snapshotPosition) {
    this.migrations = migrations;
    this.eventsAfter = eventsAfter;
    this.snapshotPosition = snapshotPosition;
  }

  /** Hands every connection to the sink once, inside the caller's transaction (its snapshot). */
  abstract void readConnections(Session session, ConnectionSink sink) throws SQLException;

  /**
   * The log position a snapshot reflects: every event up to it belongs to a transaction the
   * snapshot sees. On PostgreSQL positions follow transaction order (see the schema), so that is
   * the last event of the transactions older than every one still running when it was taken.
   */
  String snapshotPosition() {
    return snapshotPosition;
  }

  /** The classpath folder of this backend's migration scripts. */
  String migrations() {
    return migrations;
  }

  /** Events after a position ({@code ?}), in log order, at most a limit ({@code ?}). */
  String eventsAfter() {
    return eventsAfter;
  }
}
