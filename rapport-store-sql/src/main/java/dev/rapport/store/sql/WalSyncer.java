package dev.rapport.store.sql;

import dev.rapport.store.StoreUnavailableException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Makes the SQLite writer's committed batches durable on threads of their own, so that the writer
 * works on the next batch while the disk flushes the last one, and keeps everyone from reading a
 * batch before it is durable.
 *
 * <p>The writer commits with {@code synchronous=NORMAL}, which in WAL mode appends the batch to the
 * write-ahead log without flushing it; a flusher then flushes the log file ({@code fdatasync})
 * and only then tells the batch's callers. The log is append-only between checkpoints and SQLite
 * replays it up to the last intact commit, so what is durable is always a prefix of the batches:
 * a batch decided on an earlier one that was lost is lost with it, and neither was acknowledged.
 *
 * <p>A flush covers every batch committed before it began, whichever thread wrote or flushes
 * them, so the flushers ({@value #FLUSHERS}) may flush side by side: one that finishes makes every
 * batch up to its own durable, even one another flusher still waits on. Each has a handle of its
 * own on the log, so that a failed write-back is reported to each of them. A flusher tells the
 * writer its flush is done before it wakes the batch's callers, so the writer's next commit and
 * the callers' answers overlap (docs/decisions/0013).
 *
 * <p>Readers see a batch as soon as SQLite has committed it, which is before it is durable. So a
 * read, once done, waits until every batch that had begun committing by then is durable
 * ({@link #awaitDurable}): no answer ever shows a state that a crash could still take back. The
 * wait is one flush at most, and only while a batch is in flight.
 *
 * <p>If a flush fails the disk may have dropped writes that SQLite counts as done; nothing
 * afterwards can be trusted, so the store refuses all further reads and writes until it is
 * reopened (the way PostgreSQL stops on a failed fsync).
 */
final class WalSyncer implements AutoCloseable {
  /**
   * Two flushes side by side: the disk takes the second while it still works on the first, and a
   * flusher waking its batch's callers does not hold up the next batch's flush.
   */
  static final int FLUSHERS = 2;

  /**
   * A committed batch waiting for its flush; {@code wrote} is false when it changed nothing.
   * {@code flushed} runs as soon as the flush that covers it is over, before {@code answer}.
   */
  private record Pending(long batch, boolean wrote, Runnable flushed, Consumer<StoreUnavailableException> answer) {}

  private static final Pending STOP = new Pending(-1, false, null, null);

  private final List<FileChannel> logs;
  private final List<Thread> threads = new ArrayList<>();
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition advanced = lock.newCondition();
  /** The last batch the writer began to commit; only the writer moves it. */
  private volatile long committing;
  /** The last batch that is durable (or that failed and left nothing behind); moved under the lock. */
  private volatile long durable;
  private volatile StoreUnavailableException broken;
  private final CommitObserver observer;

  private WalSyncer(List<FileChannel> logs, CommitObserver observer) {
    this.logs = logs;
    this.observer = observer;
    for (int i = 0; i < logs.size(); i++) {
      FileChannel log = logs.get(i);
      threads.add(Thread.ofPlatform().name("rapport-sqlite-flusher-" + i).daemon().unstarted(() -> run(log)));
    }
  }

  /** Starts flushing the write-ahead log of the database in {@code databaseFile}, which must be in WAL mode. */
  static WalSyncer start(Path databaseFile, CommitObserver observer) throws IOException {
    Path log = databaseFile.resolveSibling(databaseFile.getFileName() + "-wal");
    List<FileChannel> logs = new ArrayList<>(FLUSHERS);
    try {
      for (int i = 0; i < FLUSHERS; i++) {
        logs.add(FileChannel.open(log, StandardOpenOption.READ));
      }
    } catch (IOException e) {
      for (FileChannel opened : logs) {
        closeQuietly(opened);
      }
      throw e;
    }
    return start(logs, observer);
  }

  /** Starts flushing the given handles on one file, a thread for each, which the syncer then owns. */
  static WalSyncer start(List<FileChannel> logs) {
    return start(logs, CommitObserver.none());
  }

  /** As {@link #start(List)}, telling the observer of each flush. */
  static WalSyncer start(List<FileChannel> logs, CommitObserver observer) {
    WalSyncer syncer = new WalSyncer(List.copyOf(logs), observer);
    syncer.threads.forEach(Thread::start);
    return syncer;
  }

  /**
   * Called by the writer just before it commits a batch: from now on readers may see the batch.
   *
   * @return the batch's number, to hand back with {@link #committed}
   * @throws StoreUnavailableException if an earlier flush failed
   */
  long beginCommit() {
    failIfBroken();
    committing = committing + 1;
    return committing;
  }

  /**
   * Hands over a batch the writer is done with, committed or failed; every batch begun must be
   * handed over, in order. On a flusher's thread, once the batch is durable (or cannot be made
   * durable), {@code flushed} runs, then {@code answer} with {@code null} or the failure.
   */
  void committed(long batch, boolean wrote, Runnable flushed, Consumer<StoreUnavailableException> answer) {
    queue.add(new Pending(batch, wrote, flushed, answer));
  }

  /**
   * Waits until every batch begun so far is durable; a reader calls it after reading and before
   * answering.
   *
   * @throws StoreUnavailableException if a flush failed
   */
  void awaitDurable() {
    long seen = committing;
    if (durable < seen) {
      lock.lock();
      try {
        while (durable < seen && broken == null) {
          advanced.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
    }
    failIfBroken();
  }

  private void failIfBroken() {
    StoreUnavailableException failure = broken;
    if (failure != null) {
      throw failure;
    }
  }

  private void run(FileChannel log) {
    List<Pending> pending = new ArrayList<>();
    while (true) {
      try {
        pending.add(queue.take());
      } catch (InterruptedException e) {
        continue;
      }
      queue.drainTo(pending);
      boolean stop = pending.remove(STOP);
      if (!pending.isEmpty()) {
        flushFor(log, pending);
        StoreUnavailableException failure = broken;
        pending.forEach(p -> p.flushed().run());
        pending.forEach(p -> p.answer().accept(failure));
        pending.clear();
      }
      if (stop) {
        queue.add(STOP); // for the next flusher
        return;
      }
    }
  }

  /** Flushes unless nothing needs it, then marks the batches durable, or the syncer broken. */
  private void flushFor(FileChannel log, List<Pending> pending) {
    long last = pending.stream().mapToLong(Pending::batch).max().orElseThrow();
    long first = pending.stream().mapToLong(Pending::batch).min().orElseThrow();
    // A batch that wrote nothing still waits for earlier ones another flusher may be flushing.
    boolean needed = pending.stream().anyMatch(Pending::wrote) || durable < first - 1;
    Exception failed = null;
    if (needed && broken == null) {
      long flushing = System.nanoTime();
      try {
        log.force(false);
        observer.flushed(System.nanoTime() - flushing);
      } catch (IOException | RuntimeException e) {
        failed = e;
      }
    }
    lock.lock();
    try {
      if (failed != null && broken == null) {
        broken = new StoreUnavailableException(
            "could not flush the SQLite write-ahead log; reopen the store to recover: " + failed.getMessage(), failed);
      }
      durable = Math.max(durable, last);
      advanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Flushes and answers what was handed over, then stops. The writer must have stopped first. */
  @Override
  public void close() {
    queue.add(STOP);
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    logs.forEach(WalSyncer::closeQuietly);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(FileChannel log) {
    try {
      log.close();
    } catch (IOException ignored) {
      // Everything handed over was flushed or failed; closing a read handle loses nothing.
    }
  }
}
