package dev.rapport.store.sql;

import dev.rapport.kernel.Event;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Appends a commit's events to the SQLite log, on the writer's session inside its transaction. */
final class SqliteEvents {
  private static final String INSERT_EVENT =
      "INSERT INTO events (type, at, actor_id, subject_id, ref_id) VALUES (?, ?, ?, ?, ?) RETURNING seq";
  private static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM events";
  /** Many events in one statement, for large commits (see {@link ChangeWriter}). */
  private static final String INSERT_EVENTS = "INSERT INTO events (type, at, actor_id, subject_id, ref_id) VALUES "
      + "(?, ?, ?, ?, ?)" + ", (?, ?, ?, ?, ?)".repeat(ChangeWriter.ROWS_PER_STATEMENT - 1);
  /** The position of the event this connection inserted last: events take their rowid as position. */
  private static final String LAST_INSERTED_SEQ = "SELECT last_insert_rowid()";

  private SqliteEvents() {}

  /** @return the log position of the last event appended, or the latest one if there are none */
  static long append(Session session, List<Event> events) throws SQLException {
    if (events.isEmpty()) {
      try (ResultSet row = session.prepare(LAST_SEQ).executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
    // Whole statements of many rows first, then the rest one by one: the log keeps the commit's order.
    int bulk = events.size() / ChangeWriter.ROWS_PER_STATEMENT * ChangeWriter.ROWS_PER_STATEMENT;
    if (bulk > 0) {
      PreparedStatement insert = session.prepare(INSERT_EVENTS);
      for (int from = 0; from < bulk; from += ChangeWriter.ROWS_PER_STATEMENT) {
        int p = 1;
        for (Event event : events.subList(from, from + ChangeWriter.ROWS_PER_STATEMENT)) {
          p = bindEvent(insert, p, event);
        }
        insert.executeUpdate();
      }
      if (bulk == events.size()) {
        try (ResultSet row = session.prepare(LAST_INSERTED_SEQ).executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    }
    PreparedStatement insert = session.prepare(INSERT_EVENT);
    long seq = 0;
    for (Event event : events.subList(bulk, events.size())) {
      bindEvent(insert, 1, event);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        seq = row.getLong(1);
      }
    }
    return seq;
  }

  /** Binds an event's columns from parameter {@code from} on; returns the next parameter's index. */
  private static int bindEvent(PreparedStatement insert, int from, Event event) throws SQLException {
    insert.setString(from, event.type().name());
    insert.setLong(from + 1, event.at().toEpochMilli());
    insert.setLong(from + 2, event.actorId());
    insert.setLong(from + 3, event.subjectId());
    insert.setLong(from + 4, event.refId());
    return from + 5;
  }
}
