package dev.rapport.server.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A handler that only queues records on the thread that logs, and formats and writes them on a
 * thread of its own, one write and flush for all that queued meanwhile: an access-log line costs a
 * request a record and a queue slot, not a formatting and a system call (docs/decisions/0021).
 *
 * <p>When the queue is full (the output cannot keep up), records are dropped rather than making
 * requests wait, and a line says how many once there is room again. {@link #flush} waits until
 * what was queued before it is written. Thread safe.
 */
final class AsyncLogHandler extends Handler {
  static final int CAPACITY = 16_384;
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);
  private static final long LINGER_NANOS = Duration.ofMillis(20).toNanos();

  private final Writer out;
  private final BlockingQueue<LogRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition progressed = lock.newCondition();
  /** Records taken off the queue and written (or dropped) so far; moved under the lock. */
  private long done;
  private final Thread writer;
  private volatile boolean closed;

  AsyncLogHandler(OutputStream stream, Formatter formatter) {
    this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    setFormatter(formatter);
    this.writer = Thread.ofPlatform().name("rapport-log-writer").daemon().unstarted(this::run);
    writer.start();
  }

  @Override
  public void publish(LogRecord record) {
    if (closed || !isLoggable(record)) {
      return;
    }
    if (queue.offer(record)) {
      queued.incrementAndGet();
    } else {
      dropped.incrementAndGet();
    }
  }

  /** How many records were dropped because the queue was full. */
  long dropped() {
    return dropped.get();
  }

  private void run() {
    List<LogRecord> batch = new ArrayList<>(256);
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        if (closed && queue.isEmpty()) {
          return;
        }
        continue;
      }
      queue.drainTo(batch);
      write(batch);
      lock.lock();
      try {
        done += batch.size();
        progressed.signalAll();
      } finally {
        lock.unlock();
      }
      batch.clear();
      // Waking the writer for every line cost the requests a hand-over each: it rests a moment
      // and takes what queued meanwhile in one go (the queue holds far more than arrives in it).
      if (!closed) {
        LockSupport.parkNanos(LINGER_NANOS);
      }
    }
  }

  private void write(List<LogRecord> batch) {
    try {
      for (LogRecord record : batch) {
        try {
          out.write(getFormatter().format(record));
        } catch (RuntimeException e) {
          reportError("could not format a log record", e, ErrorManager.FORMAT_FAILURE);
        }
      }
      long lost = dropped.getAndSet(0);
      if (lost > 0) {
        LogRecord notice = new LogRecord(java.util.logging.Level.WARNING,
            lost + " log records were dropped: the log output could not keep up");
        notice.setLoggerName(AsyncLogHandler.class.getName());
        out.write(getFormatter().format(notice));
      }
      out.flush();
    } catch (IOException e) {
      reportError("could not write the log", e, ErrorManager.WRITE_FAILURE);
    }
  }

  /** Waits (up to five seconds) until every record queued before the call is written. */
  @Override
  public void flush() {
    long target = queued.get();
    long deadline = System.nanoTime() + FLUSH_WAIT.toNanos();
    lock.lock();
    try {
      while (done < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        progressed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /** Writes what is queued, then stops the writer thread; later records are ignored. */
  @Override
  public void close() {
    flush();
    closed = true;
    writer.interrupt();
  }
}
