package dev.rapport.store.sql;

/** What differs between the SQL backends on the read side: their migrations and how the log is read. */
enum Dialect {
  SQLITE("db/migration/sqlite",
      "SELECT " + Rows.EVENT + " FROM events e WHERE e.seq > ? ORDER BY e.seq LIMIT ?",
      "SELECT coalesce(max(seq), 0) FROM events",
      "group_concat(other_id)"),

  /**
   * Only rows of transactions older than every running one (see the events table in the schema):
   * a row from a younger transaction could still have an uncommitted row before it.
   */
  POSTGRES("db/migration/postgres",
      "SELECT " + Rows.EVENT + " FROM events e WHERE e.seq > ? "
          + "AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.seq LIMIT ?",
      "SELECT coalesce(max(seq), 0) FROM events WHERE tx < pg_snapshot_xmin(pg_current_snapshot())",
      "string_agg(other_id::text, ',')");

  private final String migrations;
  private final String eventsAfter;
  private final String snapshotPosition;
  private final String connectionsByMember;

  Dialect(String migrations, String eventsAfter, String snapshotPosition, String joinOtherIds) {
    this.migrations = migrations;
    this.eventsAfter = eventsAfter;
    this.snapshotPosition = snapshotPosition;
    // One row per member: fetching a row costs far more than an id, so a row carries all of them.
    this.connectionsByMember = "SELECT member_id, " + joinOtherIds
        + " FROM connections WHERE member_id < other_id GROUP BY member_id";
  }

  /**
   * Every connection once, as one row per member: its id, and the ids of the connections with a
   * greater id, joined by commas.
   */
  String connectionsByMember() {
    return connectionsByMember;
  }

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
