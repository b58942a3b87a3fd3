package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.bindLongs;

import dev.rapport.kernel.Event;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.StoreReads.ConnectionSink;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/**
 * What the graph index loads and follows: every connection as one snapshot, the saved copies of the
 * graph and feed indexes (decision 0005), and the log of events after a position. Thread safe if the readers are.
 */
final class IndexFeedReads {
  /** By subject, and a member's own messages by the partial index of senders (schema 15), each range bounded. */
  private static final String EVENTS_ABOUT = "SELECT * FROM (SELECT " + Rows.EVENT + " FROM events e"
      + " WHERE e.subject_id = ? AND e.seq > ? AND e.seq <= ? ORDER BY e.seq LIMIT ?) about"
      + " UNION ALL SELECT * FROM (SELECT " + Rows.EVENT + " FROM events e"
      + " WHERE e.actor_id = ? AND e.type = 'MESSAGE_SENT' AND e.seq > ? AND e.seq <= ? ORDER BY e.seq LIMIT ?) sent"
      + " ORDER BY 1 LIMIT ?";
  private final Dialect dialect;
  private final Readers readers;

  IndexFeedReads(Dialect dialect, Readers readers) {
    this.dialect = dialect;
    this.readers = readers;
  }

  /** Reads in one snapshot, so that the position and the rows agree (see {@link ConnectionsLoad}). */
  long forEachConnection(ConnectionSink sink) {
    return ConnectionsLoad.read(dialect, readers, sink);
  }

  long lastPosition() {
    return readers.read(s -> {
      try (ResultSet row = s.prepare(dialect.snapshotPosition()).executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  Optional<SavedIndex> savedIndex(SavedIndexes.Kind kind) {
    return readers.read(s -> SavedIndexes.read(s, dialect, kind));
  }

  /** By the log's index of subjects (schema 14) and of senders (15), bounded above so that PostgreSQL's in-flight rows stay out. */
  List<Event> eventsAbout(long memberId, long afterSeq, long upToSeq, int limit) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(EVENTS_ABOUT);
      bindLongs(statement, memberId, afterSeq, upToSeq, limit, memberId, afterSeq, upToSeq, limit, limit);
      return Statements.all(statement, Rows::event);
    });
  }

  List<Event> eventsAfter(long afterSeq, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit + " is negative");
    }
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(dialect.eventsAfter());
      bindLongs(statement, afterSeq, limit);
      return Statements.all(statement, Rows::event);
    });
  }
}
