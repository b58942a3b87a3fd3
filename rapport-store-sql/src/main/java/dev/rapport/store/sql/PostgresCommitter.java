package dev.rapport.store.sql;

import dev.rapport.store.Command;
import dev.rapport.store.Commit;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.Event;
import dev.rapport.store.OptimisticRun;
import dev.rapport.store.StoreReads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Commits on PostgreSQL as concurrent READ COMMITTED transactions: the version updates lock the
 * members' rows (in ascending id order), so two commits about one member are serialised by the
 * database while commits about different members run side by side and share WAL flushes. Each
 * transaction appends its events first, through {@code append_events}, which keeps log positions in
 * transaction order so that readers of the log never skip an event (see the schema).
 */
final class PostgresCommitter implements Committer {
  /** unique_violation, serialization_failure, deadlock_detected: another commit got there first. */
  private static final Set<String> CONFLICTS = Set.of("23505", "40001", "40P01");
  private static final String APPEND_EVENTS = "SELECT append_events(?, ?, ?, ?, ?)";
  private static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM events";

  private final DataSource pool;
  private volatile boolean closed;

  PostgresCommitter(DataSource pool) {
    this.pool = pool;
  }

  /** Decides on the pool's latest committed state, optimistically: row locks are held only while committing. */
  @Override
  public <D extends Command.Decided> D run(Command<D> command, StoreReads reads) {
    return OptimisticRun.run(reads, this::commit, command);
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    if (closed) {
      throw StoreFailure.closed();
    }
    try (Session session = new Session(pool.getConnection())) {
      Connection connection = session.connection();
      connection.setAutoCommit(false);
      try {
        CommitOutcome outcome = apply(session, commit);
        if (outcome instanceof CommitOutcome.Applied) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return outcome;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        if (e instanceof SQLException sql && isConflict(sql)) {
          return new CommitOutcome.Conflict(sql.getMessage());
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw StoreFailure.of("commit to PostgreSQL", e);
    }
  }

  /** A batch reports its statement's failure as the next exception of its own. */
  private static boolean isConflict(SQLException e) {
    for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
      if (CONFLICTS.contains(cause.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Events first: append_events has to be the transaction's first write (see the schema). */
  private static CommitOutcome apply(Session session, Commit commit) throws SQLException {
    long lastSeq = commit.events().isEmpty() ? -1 : appendEvents(session, commit.events());
    try {
      ChangeWriter.expectVersions(session, commit.expectedVersions());
      ChangeWriter.apply(session, commit.changes());
    } catch (CommitConflict e) {
      return new CommitOutcome.Conflict(e.getMessage());
    }
    if (lastSeq < 0) {
      try (ResultSet row = session.prepare(LAST_SEQ).executeQuery()) {
        row.next();
        lastSeq = row.getLong(1);
      }
    }
    return new CommitOutcome.Applied(lastSeq);
  }

  private static long appendEvents(Session session, List<Event> events) throws SQLException {
    int n = events.size();
    String[] types = new String[n];
    Long[] ats = new Long[n];
    Long[] actors = new Long[n];
    Long[] subjects = new Long[n];
    Long[] refs = new Long[n];
    for (int i = 0; i < n; i++) {
      Event event = events.get(i);
      types[i] = event.type().name();
      ats[i] = event.at().toEpochMilli();
      actors[i] = event.actorId();
      subjects[i] = event.subjectId();
      refs[i] = event.refId();
    }
    Connection connection = session.connection();
    PreparedStatement append = session.prepare(APPEND_EVENTS);
    append.setArray(1, connection.createArrayOf("text", types));
    append.setArray(2, connection.createArrayOf("bigint", ats));
    append.setArray(3, connection.createArrayOf("bigint", actors));
    append.setArray(4, connection.createArrayOf("bigint", subjects));
    append.setArray(5, connection.createArrayOf("bigint", refs));
    try (ResultSet row = append.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * Rolls back, and drops any session-level advisory lock append_events may still hold if it failed
   * half way, so that the pooled connection cannot block every later commit.
   */
  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
      try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
        unlock.execute();
      }
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Refuses further commits; the pool is closed with the readers, after this. */
  @Override
  public void close() {
    closed = true;
  }
}
