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
 * Makes the SQLite writer's committed batches durable on a thread of its own, so that the writer
 * works on the next batch while the disk flushes the last one, and keeps everyone from reading a
 * batch before it is durable.
 *
 * <p>The writer commits with {@code synchronous=NORMAL}, which in WAL mode appends the batch to the
 * write-ahead log without flushing it; this thread then flushes the log file ({@code fdatasync})
 * and only then tells the batch's callers. The log is append-only between checkpoints and SQLite
 * replays it up to the last intact commit, so what is durable is always a prefix of the batches:
 * a batch decided on an earlier one that was lost is lost with it, and neither was acknowledged.
 * A flush covers every batch committed before it, so one flush often serves several batches.
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
  /** A committed batch waiting for its flush; {@code wrote} is false when it changed nothing. */
  private record Pending(long batch, boolean wrote, Consumer<StoreUnavailableException> answer) {}

  private static final Pending STOP = new Pending(-1, false, null);

  private final FileChannel wal;
  private final Thread thread;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition advanced = lock.newCondition();
  /** The last batch the writer began to commit; only the writer moves it. */
  private volatile long committing;
  /** The last batch that is durable (or that failed and left nothing behind). */
  private volatile long durable;
  private volatile StoreUnavailableException broken;

  private WalSyncer(FileChannel wal) {
    this.wal = wal;
    this.thread = Thread.ofPlatform().name("rapport-sqlite-syncer").daemon().unstarted(this::run);
  }

  /** Starts flushing the write-ahead log of the database in {@code databaseFile}, which must be in WAL mode. */
  static WalSyncer start(Path databaseFile) throws IOException {
    Path log = databaseFile.resolveSibling(databaseFile.getFileName() + "-wal");
    return start(FileChannel.open(log, StandardOpenOption.READ));
  }

  /** Starts flushing the given file, which the syncer then owns. */
  static WalSyncer start(FileChannel log) {
    WalSyncer syncer = new WalSyncer(log);
    syncer.thread.start();
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
   * handed over, in order. {@code answer} runs on this thread once the batch is durable (with
   * {@code null}) or cannot be made durable (with the failure).
   */
  void committed(long batch, boolean wrote, Consumer<StoreUnavailableException> answer) {
    queue.add(new Pending(batch, wrote, answer));
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

  private void run() {
    List<Pending> pending = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      try {
        pending.add(queue.take());
      } catch (InterruptedException e) {
        continue;
      }
      queue.drainTo(pending);
      stop = pending.remove(STOP);
      if (pending.isEmpty()) {
        continue;
      }
      flushFor(pending);
      StoreUnavailableException failure = broken;
      pending.forEach(p -> p.answer().accept(failure));
      lock.lock();
      try {
        durable = pending.getLast().batch();
        advanced.signalAll();
      } finally {
        lock.unlock();
      }
      pending.clear();
    }
  }

  private void flushFor(List<Pending> pending) {
    if (broken != null || pending.stream().noneMatch(Pending::wrote)) {
      return;
    }
    try {
      wal.force(false);
    } catch (IOException | RuntimeException e) {
      lock.lock();
      try {
        broken = new StoreUnavailableException(
            "could not flush the SQLite write-ahead log; reopen the store to recover: " + e.getMessage(), e);
        advanced.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Flushes and answers what was handed over, then stops. The writer must have stopped first. */
  @Override
  public void close() {
    queue.add(STOP);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      wal.close();
    } catch (IOException ignored) {
      // Everything handed over was flushed or failed above; closing a read handle loses nothing.
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
