package dev.rapport.store.sql;

import dev.rapport.store.Commit;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.Event;
import dev.rapport.store.StoreUnavailableException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite has one writer at a time, so all commits go through one connection on one thread (DESIGN
 * decision 3). Callers queue their commit and wait; the writer takes everything queued, applies
 * each commit in its own savepoint inside one transaction (a conflicting commit rolls back to its
 * savepoint alone) and commits once: one fsync for the whole batch. Callers hear back only after
 * that fsync, so an answer of {@link CommitOutcome.Applied} is durable, and a caller told
 * {@link CommitOutcome.Conflict} re-reads a state that already includes the batch.
 */
final class SqliteGroupCommitter implements Committer {
  private static final int MAX_BATCH = 256;
  private static final String INSERT_EVENT =
      "INSERT INTO events (type, at, actor_id, subject_id, ref_id) VALUES (?, ?, ?, ?, ?) RETURNING seq";
  private static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM events";

  private record Request(Commit commit, CompletableFuture<CommitOutcome> outcome) {}

  /** What one commit of a batch comes to, told to its caller once the batch is durable. */
  private record Answer(CommitOutcome outcome, RuntimeException failure) {
    void tell(Request request) {
      if (failure == null) {
        request.outcome().complete(outcome);
      } else {
        request.outcome().completeExceptionally(failure);
      }
    }
  }

  private static final Request STOP = new Request(null, null);

  /** Ends the batch: the transaction can no longer be trusted, so none of its commits count. */
  private static final class BatchAborted extends Exception {
    final SQLException cause;

    BatchAborted(SQLException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  private final Session session;
  private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  private SqliteGroupCommitter(Session session) {
    this.session = session;
    this.writer = Thread.ofPlatform().name("rapport-sqlite-writer").daemon().unstarted(this::run);
  }

  /** Starts the writer thread on a connection in autocommit mode, which it then owns. */
  static SqliteGroupCommitter start(Session session) {
    SqliteGroupCommitter committer = new SqliteGroupCommitter(session);
    committer.writer.start();
    return committer;
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    if (closed) {
      throw StoreFailure.closed();
    }
    Request request = new Request(commit, new CompletableFuture<>());
    queue.add(request);
    // Queued after close() stopped the writer: take it back, nobody will write it.
    if (closed && queue.remove(request)) {
      throw StoreFailure.closed();
    }
    try {
      return request.outcome().join();
    } catch (CompletionException e) {
      switch (e.getCause()) {
        case RuntimeException failure -> throw failure;
        case Error error -> throw error;
        default -> throw new StoreUnavailableException("could not write to SQLite", e.getCause());
      }
    }
  }

  private void run() {
    List<Request> batch = new ArrayList<>(MAX_BATCH);
    boolean stop = false;
    while (!stop) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stop = batch.remove(STOP);
      try {
        if (!batch.isEmpty()) {
          write(batch);
        }
      } catch (RuntimeException | Error e) {
        // Whatever broke, the writer must live on: a dead writer would leave every later caller waiting.
        rollback();
        batch.forEach(r -> r.outcome().completeExceptionally(e));
      }
      batch.clear();
    }
  }

  private void write(List<Request> batch) {
    List<Answer> answers = new ArrayList<>(batch.size());
    try {
      session.execute("BEGIN IMMEDIATE");
      for (Request request : batch) {
        answers.add(applyInSavepoint(request.commit()));
      }
      session.execute("COMMIT");
    } catch (SQLException e) {
      failAll(batch, e);
      return;
    } catch (BatchAborted e) {
      failAll(batch, e.cause);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      answers.get(i).tell(batch.get(i));
    }
  }

  /** Applies one commit, or undoes it alone when it conflicts or fails. */
  private Answer applyInSavepoint(Commit commit) throws SQLException, BatchAborted {
    session.execute("SAVEPOINT c");
    try {
      ChangeWriter.expectVersions(session, commit.expectedVersions());
      ChangeWriter.apply(session, commit.changes());
      long lastSeq = appendEvents(commit.events());
      session.execute("RELEASE c");
      return new Answer(new CommitOutcome.Applied(lastSeq), null);
    } catch (CommitConflict e) {
      rollbackToSavepoint();
      return new Answer(new CommitOutcome.Conflict(e.getMessage()), null);
    } catch (SQLException e) {
      rollbackToSavepoint();
      return isUniqueViolation(e)
          ? new Answer(new CommitOutcome.Conflict(e.getMessage()), null)
          : new Answer(null, StoreFailure.of("write to SQLite", e));
    } catch (RuntimeException e) {
      rollbackToSavepoint();
      return new Answer(null, e);
    }
  }

  private long appendEvents(List<Event> events) throws SQLException {
    if (events.isEmpty()) {
      try (ResultSet row = session.prepare(LAST_SEQ).executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
    PreparedStatement insert = session.prepare(INSERT_EVENT);
    long seq = 0;
    for (Event event : events) {
      insert.setString(1, event.type().name());
      insert.setLong(2, event.at().toEpochMilli());
      insert.setLong(3, event.actorId());
      insert.setLong(4, event.subjectId());
      insert.setLong(5, event.refId());
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        seq = row.getLong(1);
      }
    }
    return seq;
  }

  private static boolean isUniqueViolation(SQLException e) {
    return e instanceof SQLiteException sqlite
        && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
            || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
  }

  private void rollbackToSavepoint() throws BatchAborted {
    try {
      session.execute("ROLLBACK TO c");
      session.execute("RELEASE c");
    } catch (SQLException e) {
      throw new BatchAborted(e);
    }
  }

  private void failAll(List<Request> batch, SQLException cause) {
    rollback();
    StoreUnavailableException failure = StoreFailure.of("write to SQLite", cause);
    batch.forEach(r -> r.outcome().completeExceptionally(failure));
  }

  private void rollback() {
    try {
      session.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // No transaction was open (BEGIN failed), or SQLite already rolled it back.
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(STOP);
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    Request left;
    while ((left = queue.poll()) != null) {
      if (left != STOP) {
        left.outcome().completeExceptionally(StoreFailure.closed());
      }
    }
    try {
      session.close();
    } catch (SQLException e) {
      throw StoreFailure.of("close the SQLite database", e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
