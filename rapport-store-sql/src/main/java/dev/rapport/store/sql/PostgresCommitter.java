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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Commits on PostgreSQL as concurrent READ COMMITTED transactions, each one call of
 * {@code apply_commit} (schema 3) in autocommit mode: one round trip per commit. Its version
 * updates lock the members' rows (in ascending id order), so two commits about one member are
 * serialised by the database while commits about different members run side by side and share WAL
 * flushes. Each transaction appends its events first, through {@code append_events}, which keeps
 * log positions in transaction order so that readers of the log never skip an event (see schema 1).
 */
final class PostgresCommitter implements Committer {
  /**
   * unique_violation, serialization_failure, deadlock_detected, and apply_commit's own RP409 (a
   * version moved, or a row to update is gone): another commit got there first.
   */
  private static final Set<String> CONFLICTS = Set.of("23505", "40001", "40P01", "RP409");
  private static final String APPLY_COMMIT = "SELECT apply_commit(?, ?, ?::jsonb, ?, ?, ?, ?, ?)";

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
      try {
        return new CommitOutcome.Applied(applyCommit(session, commit));
      } catch (SQLException e) {
        unlockEventLog(session.connection(), e);
        if (isConflict(e)) {
          return new CommitOutcome.Conflict(e.getMessage());
        }
        throw e;
      }
    } catch (SQLException e) {
      throw StoreFailure.of("commit to PostgreSQL", e);
    }
  }

  private static boolean isConflict(SQLException e) {
    for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
      if (CONFLICTS.contains(cause.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** @return the log position of the commit's last event, or the latest one if it has none */
  private static long applyCommit(Session session, Commit commit) throws SQLException {
    List<Map.Entry<Long, Long>> versions = List.copyOf(new TreeMap<>(commit.expectedVersions()).entrySet());
    List<Event> events = commit.events();
    Connection connection = session.connection();
    PreparedStatement call = session.prepare(APPLY_COMMIT);
    call.setArray(1, connection.createArrayOf("bigint", versions.stream().map(Map.Entry::getKey).toArray()));
    call.setArray(2, connection.createArrayOf("bigint", versions.stream().map(Map.Entry::getValue).toArray()));
    call.setString(3, ChangesJson.of(commit.changes()));
    call.setArray(4, connection.createArrayOf("text", events.stream().map(e -> e.type().name()).toArray()));
    call.setArray(5, connection.createArrayOf("bigint", events.stream().map(e -> e.at().toEpochMilli()).toArray()));
    call.setArray(6, connection.createArrayOf("bigint", events.stream().map(Event::actorId).toArray()));
    call.setArray(7, connection.createArrayOf("bigint", events.stream().map(Event::subjectId).toArray()));
    call.setArray(8, connection.createArrayOf("bigint", events.stream().map(Event::refId).toArray()));
    try (ResultSet row = call.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * Drops the session-level advisory lock append_events may still hold if it failed half way, so
   * that the pooled connection cannot block every later commit. The failed call's transaction is
   * already rolled back: it was a single statement in autocommit mode.
   */
  private static void unlockEventLog(Connection connection, Exception cause) {
    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
      unlock.execute();
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
