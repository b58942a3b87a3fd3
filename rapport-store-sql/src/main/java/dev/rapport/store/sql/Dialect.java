package dev.rapport.store.sql;

/** What differs between the SQL backends on the read side: their migrations and how the log is read. */
enum Dialect {
  SQLITE("db/migration/sqlite",
      "SELECT " + Rows.EVENT + " FROM events e WHERE e.seq > ? ORDER BY e.seq LIMIT ?"),

  /**
   * Only rows of transactions older than every running one (see the events table in the schema):
   * a row from a younger transaction could still have an uncommitted row before it.
   */
  POSTGRES("db/migration/postgres",
      "SELECT " + Rows.EVENT + " FROM events e WHERE e.seq > ? "
          + "AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.seq LIMIT ?");

  private final String migrations;
  private final String eventsAfter;

  Dialect(String migrations, String eventsAfter) {
    this.migrations = migrations;
    this.eventsAfter = eventsAfter;
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
