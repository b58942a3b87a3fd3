package dev.rapport.store.sql;

import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Decided;
import dev.rapport.kernel.Event;
import dev.rapport.store.Command;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.StoreReads;
import dev.rapport.store.StoreUnavailableException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite has one writer at a time, so all writes go through one connection on one thread (DESIGN
 * decision 3). Callers queue their command or commit and wait; the writer takes everything queued
 * and works through it inside one transaction, and commits once: one flush of the log for the whole
 * batch, done by the {@link WalSyncer} while the writer goes on. Callers hear back only after that
 * flush, so whatever they are told is durable.
 *
 * <p>A request that fails after it began to write (a conflict, a broken constraint, a failing
 * disk) leaves its partial writes in the transaction. Rather than pay for a savepoint around every
 * request (docs/decisions/0008) for what almost never happens, the writer then
 * rolls the whole transaction back and does the batch again without that request, which keeps its
 * failure as its answer. Commands may be decided more than once ({@link Command}); plain commits are
 * applied again as they are.
 *
 * <p>Commands are decided here too, on the writer's own connection, one at a time: nothing can
 * change between a command's reads and its commit, so a command never conflicts and is never
 * decided twice, and its reads see what earlier commands of the batch wrote. Reading here is also
 * cheaper than anywhere else: the writer's page cache stays valid, while every reader connection
 * has to reload the pages that changed since its last read, and the writer keeps the members it
 * read in memory ({@link WriterReads}). A caller of {@link #commit} told
 * {@link CommitOutcome.Conflict} re-reads a state that already includes the batch.
 */
final class SqliteGroupCommitter implements Committer {
  private static final int MAX_BATCH = 256;
  private static final String INSERT_EVENT =
      "INSERT INTO events (type, at, actor_id, subject_id, ref_id) VALUES (?, ?, ?, ?, ?) RETURNING seq";
  private static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM events";
  /** Many events in one statement, for large commits (see {@link ChangeWriter}). */
  private static final String INSERT_EVENTS = "INSERT INTO events (type, at, actor_id, subject_id, ref_id) VALUES "
      + "(?, ?, ?, ?, ?)" + ", (?, ?, ?, ?, ?)".repeat(ChangeWriter.ROWS_PER_STATEMENT - 1);
  /** The position of the event this connection inserted last: events take their rowid as position. */
  private static final String LAST_INSERTED_SEQ = "SELECT last_insert_rowid()";

  /**
   * A commit to apply, a command to decide and apply, or other writes on the writer's session (the
   * graph index's copy): one of the three is set.
   */
  private record Request(Commit commit, Command<?> command, Readers.Work<?> write, CompletableFuture<Object> outcome) {}

  /** What one request of a batch comes to, told to its caller once the batch is durable. */
  private record Answer(Object outcome, RuntimeException failure) {
    void tell(Request request) {
      if (failure == null) {
        request.outcome().complete(outcome);
      } else {
        request.outcome().completeExceptionally(failure);
      }
    }
  }

  private static final Request STOP = new Request(null, null, null, null);

  /**
   * How a request went: its answer, and whether it failed after it began to write, which leaves
   * the transaction holding part of its changes.
   */
  private record Attempt(Answer answer, boolean brokeMidway) {
    static Attempt clean(Object outcome) {
      return new Attempt(new Answer(outcome, null), false);
    }
  }

  private final Session session;
  private final WalSyncer syncer;
  private final WriterReads reads;
  private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;
  /** Whether the batch being written changed anything, so that its flush is needed. Writer thread only. */
  private boolean batchWrote;

  private SqliteGroupCommitter(Session session, WalSyncer syncer) {
    this.session = session;
    this.syncer = syncer;
    this.reads = new WriterReads(session);
    this.writer = Thread.ofPlatform().name("rapport-sqlite-writer").daemon().unstarted(this::run);
  }

  /**
   * Starts the writer thread on a connection in autocommit mode with {@code synchronous=NORMAL},
   * which it then owns along with the syncer it hands its batches to.
   */
  static SqliteGroupCommitter start(Session session, WalSyncer syncer) {
    SqliteGroupCommitter committer = new SqliteGroupCommitter(session, syncer);
    committer.writer.start();
    return committer;
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    return (CommitOutcome) submit(new Request(commit, null, null, new CompletableFuture<>()));
  }

  /** Decides the command on the writer, ignoring the store's reads: see the class comment. */
  @Override
  @SuppressWarnings("unchecked") // the writer answers a command with what the command decided
  public <D extends Decided> D run(Command<D> command, StoreReads ignored) {
    return (D) submit(new Request(null, command, null, new CompletableFuture<>()));
  }

  /** Replaces the copy in a batch like any commit: the writer is the only one to write. */
  @Override
  public void saveIndex(SavedIndex index) {
    submit(new Request(null, null, session -> {
      SavedIndexes.replace(session, index);
      return null;
    }, new CompletableFuture<>()));
  }

  /** Queues the request and waits until the writer has made its batch durable. */
  private Object submit(Request request) {
    if (closed) {
      throw StoreFailure.closed();
    }
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

  /**
   * Works through the batch in one transaction and commits it without waiting for the disk; the
   * syncer answers the callers once the batch is durable, while this thread goes on with the next.
   */
  private void write(List<Request> batch) {
    // Requests that broke midway in an earlier round, with their answers: left out of the next round.
    Map<Request, Answer> brokeMidway = new IdentityHashMap<>();
    List<Answer> answers = new ArrayList<>(batch.size());
    try {
      boolean done = false;
      while (!done) {
        answers.clear();
        batchWrote = false;
        session.execute("BEGIN IMMEDIATE");
        done = true;
        for (Request request : batch) {
          Answer earlier = brokeMidway.get(request);
          if (earlier != null) {
            answers.add(earlier);
            continue;
          }
          Attempt attempt = attempt(request);
          if (attempt.brokeMidway()) {
            brokeMidway.put(request, attempt.answer());
            rollback(); // tolerant: a failing statement may have ended the transaction already
            done = false;
            break;
          }
          answers.add(attempt.answer());
        }
      }
    } catch (SQLException e) {
      failAll(batch, e);
      return;
    }
    long number = syncer.beginCommit();
    try {
      session.execute("COMMIT");
    } catch (SQLException e) {
      failAll(batch, e);
      syncer.committed(number, false, _ -> {});
      return;
    }
    List<Request> requests = List.copyOf(batch); // the writer reuses its list for the next batch
    syncer.committed(number, batchWrote, failure -> {
      for (int i = 0; i < requests.size(); i++) {
        if (failure == null) {
          answers.get(i).tell(requests.get(i));
        } else {
          requests.get(i).outcome().completeExceptionally(failure);
        }
      }
    });
  }

  /** Applies one commit, or decides and applies one command, or writes, inside the open transaction. */
  private Attempt attempt(Request request) {
    if (request.write() != null) {
      batchWrote = true;
      try {
        return Attempt.clean(request.write().on(session));
      } catch (SQLException e) {
        return new Attempt(new Answer(null, StoreFailure.of("write to SQLite", e)), true);
      } catch (RuntimeException e) {
        return new Attempt(new Answer(null, e), true);
      }
    }
    Decided decided = null;
    Commit commit = request.commit();
    if (request.command() != null) {
      try {
        decided = request.command().decide(reads);
      } catch (StoreUnavailableException e) {
        // A failed read may have ended the transaction inside SQLite: start the batch over.
        return new Attempt(new Answer(null, e), true);
      } catch (RuntimeException e) {
        return new Attempt(new Answer(null, e), false); // a refusal: the command wrote nothing
      }
      commit = decided.commit();
      if (commit.isEmpty()) {
        return Attempt.clean(decided);
      }
    }
    try {
      long lastSeq = apply(commit);
      return Attempt.clean(decided != null ? decided : new CommitOutcome.Applied(lastSeq));
    } catch (CommitConflict e) {
      return new Attempt(conflict(request, e.getMessage()), true);
    } catch (SQLException e) {
      return new Attempt(isUniqueViolation(e)
          ? conflict(request, e.getMessage())
          : new Answer(null, StoreFailure.of("write to SQLite", e)), true);
    } catch (RuntimeException e) {
      return new Attempt(new Answer(null, e), true);
    }
  }

  /** @return the log position of the commit's last event, or the latest one if it has none */
  private long apply(Commit commit) throws SQLException, CommitConflict {
    batchWrote = true;
    ChangeWriter.expectVersions(session, commit.expectedVersions());
    ChangeWriter.apply(session, commit.changes(), reads::connectionsMoved);
    reads.applied(commit);
    return appendEvents(commit.events());
  }

  /**
   * A commit's caller decides again. A command decided here cannot meet a conflict unless its rule
   * read less than it relies on: that is a bug, not a race, and deciding again would not help.
   */
  private static Answer conflict(Request request, String reason) {
    return request.command() == null
        ? new Answer(new CommitOutcome.Conflict(reason), null)
        : new Answer(null, new IllegalStateException("a command conflicted with the state it was decided on: " + reason));
  }

  private long appendEvents(List<Event> events) throws SQLException {
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

  private static boolean isUniqueViolation(SQLException e) {
    return e instanceof SQLiteException sqlite
        && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
            || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
  }

  private void failAll(List<Request> batch, SQLException cause) {
    rollback();
    StoreUnavailableException failure = StoreFailure.of("write to SQLite", cause);
    batch.forEach(r -> r.outcome().completeExceptionally(failure));
  }

  private void rollback() {
    reads.forget();
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
      syncer.close();
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
