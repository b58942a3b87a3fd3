package dev.rapport.store.sql;

import dev.rapport.store.StoreReads.ConnectionSink;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGStatement;

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
     * fetching a row through the driver costs far more than an id. In member id order, from the
     * bottom or from the top.
     */
    private static final String CONNECTIONS_FROM_BOTTOM = "SELECT member_id, group_concat(other_id) FROM connections"
        + " WHERE member_id < other_id GROUP BY member_id ORDER BY member_id";
    private static final String CONNECTIONS_FROM_TOP = CONNECTIONS_FROM_BOTTOM + " DESC";

    /**
     * The two ends of the table: one session reads its members from the lowest id up, the other
     * from the highest down, until they meet, wherever that is. Ranges of ids cut in advance could
     * not be of equal work: ids grow with the time a member joined, and an import creates its
     * best-connected members first, so that one range of eight held most of an imported
     * network's connections.
     */
    @Override
    List<Part> connectionParts(Session session, int parts) {
      return List.of(new Part(Long.MIN_VALUE, Long.MAX_VALUE, End.BOTTOM),
          new Part(Long.MIN_VALUE, Long.MAX_VALUE, End.TOP));
    }

    @Override
    void readConnections(Session session, Part part, PartSink sink) throws SQLException {
      PreparedStatement statement = session.prepare(part.end() == End.TOP ? CONNECTIONS_FROM_TOP : CONNECTIONS_FROM_BOTTOM);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long member = rows.getLong(1);
          if (!sink.wants(member)) {
            break;
          }
          forEachId(rows.getString(2), member, sink);
        }
      }
    }

    /**
     * Hands the sink a connection of the member to each id of a comma-separated list of
     * non-negative ids, read in one pass over its characters. With the service's 18-digit ids,
     * finding each comma and then parsing the digits between took a tenth of email-Enron's load.
     */
    private static void forEachId(String ids, long member, ConnectionSink sink) throws SQLException {
      long id = 0;
      int digits = 0;
      for (int i = 0; i < ids.length(); i++) {
        char c = ids.charAt(i);
        if (c >= '0' && c <= '9' && digits < 19) {
          id = id * 10 + (c - '0');
          digits++;
        } else if (c == ',' && digits > 0) {
          sink.connection(member, id);
          id = 0;
          digits = 0;
        } else {
          throw new SQLException("unexpected '" + c + "' in the connections of member " + member);
        }
      }
      if (digits == 0) {
        throw new SQLException("the connections of member " + member + " end without an id");
      }
      sink.connection(member, id);
    }

    /** SQLite has no way to share a snapshot: {@link ConnectionsLoad} compares log positions instead. */
    @Override
    String shareSnapshot(Session session) {
      return null;
    }

    @Override
    void joinSnapshot(Session session, String snapshot) {}

    @Override
    void readBytesAsTheyAre(PreparedStatement statement) {}
  },

  /**
   * Only rows of transactions older than every running one (see the events table in the schema):
   * a row from a younger transaction could still have an uncommitted row before it.
   */
  POSTGRES("db/migration/postgres",
      "SELECT " + Rows.EVENT + " FROM events e WHERE e.seq > ? "
          + "AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.seq LIMIT ?",
      "SELECT coalesce(max(seq), 0) FROM events WHERE tx < pg_snapshot_xmin(pg_current_snapshot())") {
    /** The last block number a table can have (PostgreSQL's are unsigned 32-bit, the largest invalid). */
    private static final long LAST_BLOCK = 0xFFFF_FFFEL;
    /** The most blocks of the table a part covers (see {@link #connectionParts}). */
    private static final long BLOCKS_PER_PART = 8192;

    /**
     * Ranges of the table's blocks, each with about as many rows, the last one open: at least
     * {@code parts}, and more on a large table, so that no part's row of the copy (see {@link
     * #readConnections}) holds more than about {@value #BLOCKS_PER_PART} blocks' worth of
     * connections (ten megabytes or so, at 150 rows of 48 bytes a block).
     */
    @Override
    List<Part> connectionParts(Session session, int parts) throws SQLException {
      try (ResultSet row = session.prepare(
          "SELECT pg_relation_size('connections') / current_setting('block_size')::bigint").executeQuery()) {
        row.next();
        long blocks = row.getLong(1);
        int count = (int) Math.max(parts, (blocks + BLOCKS_PER_PART - 1) / BLOCKS_PER_PART);
        return Part.cut(0, Math.max(0, blocks - 1), count, 0, LAST_BLOCK);
      }
    }

    /**
     * Copied out in PostgreSQL's binary format ({@link ConnectionsCopy}), the whole part as one
     * value: each connection's two ids as 16 bytes, end to end. Rows cost the driver more than
     * their ids, and aggregating the ids into one text per member took PostgreSQL longer still. A
     * part is a range of blocks, which PostgreSQL reads alone (a scan of a range of tuple ids).
     */
    @Override
    void readConnections(Session session, Part part, PartSink sink) throws SQLException {
      ConnectionsCopy.copy(session.connection(), "COPY (SELECT string_agg(int8send(member_id) || int8send(other_id), ''::bytea)"
          + " FROM connections WHERE ctid >= '(" + part.first() + ",0)' AND ctid < '(" + (part.last() + 1) + ",0)'"
          + " AND member_id < other_id) TO STDOUT (FORMAT binary)", sink);
    }

    @Override
    String shareSnapshot(Session session) throws SQLException {
      try (ResultSet row = session.prepare("SELECT pg_export_snapshot()").executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }

    /**
     * The driver asks for a statement's results in binary only once it has run it a few times;
     * until then a bytea comes as hexadecimal text, twice its size, to be decoded. A threshold
     * below zero asks for binary from the first run.
     */
    @Override
    void readBytesAsTheyAre(PreparedStatement statement) throws SQLException {
      statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }

    @Override
    void joinSnapshot(Session session, String snapshot) throws SQLException {
      if (!snapshot.matches("[0-9A-Fa-f-]+")) {
        throw new SQLException("unexpected snapshot id '" + snapshot + "'");
      }
      try (Statement statement = session.connection().createStatement()) {
        statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
      }
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

  /**
   * A part of the connections table for the index's load: a range of blocks, {@code first} to
   * {@code last} included, read whole (PostgreSQL), or one end of the table, read until the
   * reading from the other end is met (SQLite).
   */
  record Part(long first, long last, End end) {
    /**
     * At most {@code count} ranges of equal width covering {@code low..high} (fewer if it holds
     * fewer values), the first widened down to {@code floor} and the last up to {@code ceiling}, so
     * that they cover those too.
     */
    static List<Part> cut(long low, long high, int count, long floor, long ceiling) {
      long span = high - low;
      long width = span / count + 1;
      // Every cut inside the range: i * width <= span, which cannot overflow.
      long cuts = Math.min(count - 1, span / width);
      List<Part> parts = new ArrayList<>(count);
      long first = floor;
      for (long i = 1; i <= cuts; i++) {
        parts.add(new Part(first, low + i * width - 1, End.NONE));
        first = low + i * width;
      }
      parts.add(new Part(first, ceiling, End.NONE));
      return parts;
    }
  }

  /** Where a part of the table starts: a range of its own, or one end of the whole table. */
  enum End { NONE, BOTTOM, TOP }

  /** Takes a part's connections; for the ends of a table, says where the other end's reading is. */
  interface PartSink extends ConnectionSink {
    /** Whether this member's connections are still to read from this end: not once the ends have met. */
    boolean wants(long member);
  }

  /**
   * Parts of the connections table that together hold every row once: about {@code count} pieces
   * of equal work, or the table's two ends. Read in the caller's transaction.
   */
  abstract List<Part> connectionParts(Session session, int count) throws SQLException;

  /**
   * Hands the sink the connections of the part, inside the caller's transaction (its snapshot): a
   * range whole, an end in member id order until the sink wants no more.
   */
  abstract void readConnections(Session session, Part part, PartSink sink) throws SQLException;

  /**
   * Lets other sessions read in the caller's snapshot (a repeatable-read transaction, before its
   * first query): the id they join it by, or null where the backend cannot share one.
   */
  abstract String shareSnapshot(Session session) throws SQLException;

  /** Joins a shared snapshot, before the first query of the caller's transaction (nothing if null). */
  abstract void joinSnapshot(Session session, String snapshot) throws SQLException;

  /** Has the statement's byte columns come as the bytes they are, not as text to decode. */
  abstract void readBytesAsTheyAre(PreparedStatement statement) throws SQLException;

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
