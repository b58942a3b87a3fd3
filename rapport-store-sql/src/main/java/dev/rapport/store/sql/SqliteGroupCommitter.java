package dev.rapport.store.sql;

import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Decided;
import dev.rapport.store.Command;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.StoreReads;
import dev.rapport.store.StoreUnavailableException;
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
 * decision 3). Callers queue their command or commit and wait; the writer applies each in the open
 * transaction as it arrives, and commits once for the batch: one flush of the log for all of it,
 * done by the {@link WalSyncer} while the writer goes on. Callers hear back only after that flush,
 * so whatever they are told is durable.
 *
 * <p>The writer commits when a flusher can take the batch at once ({@link #mayCommit}); until then
 * it keeps applying what arrives in the same transaction. Nothing on a batch's way waits for a
 * timer: the writer wakes for a request or for a flush that ended, so the rate follows the disk's
 * flushes and the writer's own work, and each commit holds everything that arrived meanwhile
 * (docs/decisions/0013).
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
  /** Put in the queue by a flusher when a batch's flush is over. */
  private static final Request FLUSHED = new Request(null, null, null, null);

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
  private final CommitObserver observer;
  private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;
  // The open transaction, on the writer's thread only: the requests applied in it, in order, their
  // answers, those that broke midway, and whether it changed anything (so that its flush is needed).
  private final List<Request> open = new ArrayList<>(MAX_BATCH);
  private final List<Answer> answers = new ArrayList<>(MAX_BATCH);
  private final Map<Request, Answer> brokeMidway = new IdentityHashMap<>();
  private boolean inTransaction;
  private boolean batchWrote;
  /** Batches handed to the syncer whose flush is not over yet. Writer thread only. */
  private int inFlight;

  private SqliteGroupCommitter(Session session, WalSyncer syncer, CommitObserver observer) {
    this.session = session;
    this.syncer = syncer;
    this.observer = observer;
    this.reads = new WriterReads(session);
    this.writer = Thread.ofPlatform().name("rapport-sqlite-writer").daemon().unstarted(this::run);
  }

  /**
   * Starts the writer thread on a connection in autocommit mode with {@code synchronous=NORMAL},
   * which it then owns along with the syncer it hands its batches to.
   */
  static SqliteGroupCommitter start(Session session, WalSyncer syncer) {
    return start(session, syncer, CommitObserver.none());
  }

  /** As {@link #start(Session, WalSyncer)}, telling the observer of each batch that reached the disk. */
  static SqliteGroupCommitter start(Session session, WalSyncer syncer, CommitObserver observer) {
    SqliteGroupCommitter committer = new SqliteGroupCommitter(session, syncer, observer);
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
  public void saveIndex(SavedIndexes.Kind kind, SavedIndex index) {
    submit(new Request(null, null, session -> {
      SavedIndexes.replace(session, kind, index);
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

  /** Takes what has queued, applies it in the open transaction, and commits it when {@link #mayCommit} says so. */
  private void run() {
    List<Request> arrived = new ArrayList<>(MAX_BATCH);
    List<Request> requests = new ArrayList<>(MAX_BATCH);
    boolean stop = false;
    while (!stop) {
      try {
        arrived.add(queue.take());
      } catch (InterruptedException e) {
        continue;
      }
      queue.drainTo(arrived, MAX_BATCH);
      for (Request request : arrived) {
        if (request == FLUSHED) {
          inFlight--;
        } else if (request == STOP) {
          stop = true;
        } else {
          requests.add(request);
        }
      }
      try {
        apply(requests);
        if (!open.isEmpty() && (mayCommit() || stop)) {
          commit();
        }
      } catch (SQLException e) {
        failOpen(requests, StoreFailure.of("write to SQLite", e));
      } catch (RuntimeException | Error e) {
        // Whatever broke, the writer must live on: a dead writer would leave every later caller waiting.
        failOpen(requests, e);
      }
      arrived.clear();
      requests.clear();
    }
  }

  /** Applies each request in the open transaction, beginning one if none is open. */
  private void apply(List<Request> requests) throws SQLException {
    if (requests.isEmpty()) {
      return;
    }
    if (!inTransaction) {
      session.execute("BEGIN IMMEDIATE");
      inTransaction = true;
      batchWrote = false;
    }
    for (Request request : requests) {
      open.add(request);
      Attempt attempt = attempt(request);
      if (attempt.brokeMidway()) {
        brokeMidway.put(request, attempt.answer());
        applyAgain();
      } else {
        answers.add(attempt.answer());
      }
    }
  }

  /**
   * Rolls the open transaction back and applies its requests again, without those that broke
   * midway, which keep their failure as their answer.
   */
  private void applyAgain() throws SQLException {
    boolean done = false;
    while (!done) {
      rollback(); // tolerant: a failing statement may have ended the transaction already
      answers.clear();
      batchWrote = false;
      session.execute("BEGIN IMMEDIATE");
      done = true;
      for (Request request : open) {
        Answer earlier = brokeMidway.get(request);
        if (earlier != null) {
          answers.add(earlier);
          continue;
        }
        Attempt attempt = attempt(request);
        if (attempt.brokeMidway()) {
          brokeMidway.put(request, attempt.answer());
          done = false;
          break;
        }
        answers.add(attempt.answer());
      }
    }
  }

  /**
   * Commits the open transaction without waiting for the disk and hands the batch to the syncer,
   * which answers its callers once it is durable.
   */
  private void commit() {
    long started = System.nanoTime();
    long number = syncer.beginCommit();
    List<Request> requests = List.copyOf(open);
    List<Answer> told = List.copyOf(answers);
    boolean wrote = batchWrote;
    open.clear();
    answers.clear();
    brokeMidway.clear();
    inTransaction = false;
    inFlight++;
    try {
      session.execute("COMMIT");
    } catch (SQLException e) {
      rollback();
      StoreUnavailableException failure = StoreFailure.of("write to SQLite", e);
      requests.forEach(r -> r.outcome().completeExceptionally(failure));
      syncer.committed(number, false, this::flushed, _ -> {});
      return;
    }
    syncer.committed(number, wrote, this::flushed, failure -> {
      if (failure == null && wrote) {
        observer.committed(requests.size(), System.nanoTime() - started);
      }
      for (int i = 0; i < requests.size(); i++) {
        if (failure == null) {
          told.get(i).tell(requests.get(i));
        } else {
          requests.get(i).outcome().completeExceptionally(failure);
        }
      }
    });
  }

  /** Runs on a flusher once a batch's flush is over: the writer may commit the next one. */
  private void flushed() {
    queue.add(FLUSHED);
  }

  /**
   * Whether to commit the open transaction now: when a flusher is free to take it at once. While
   * both are busy the writer keeps applying what arrives, and the batch grows instead of waiting
   * in line for the disk (docs/decisions/0013).
   */
  private boolean mayCommit() {
    return inFlight < WalSyncer.FLUSHERS || open.size() >= MAX_BATCH;
  }

  /** Rolls the open transaction back and fails its requests and those not yet applied. */
  private void failOpen(List<Request> notYetApplied, Throwable failure) {
    rollback();
    open.forEach(r -> r.outcome().completeExceptionally(failure));
    notYetApplied.forEach(r -> r.outcome().completeExceptionally(failure));
    open.clear();
    answers.clear();
    brokeMidway.clear();
    inTransaction = false;
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
    return SqliteEvents.append(session, commit.events());
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

  private static boolean isUniqueViolation(SQLException e) {
    return e instanceof SQLiteException sqlite
        && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
            || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
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
      if (left != STOP && left != FLUSHED) {
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
