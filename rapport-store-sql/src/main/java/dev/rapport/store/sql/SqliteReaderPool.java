package dev.rapport.store.sql;

import dev.rapport.store.StoreUnavailableException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of read-only SQLite connections, each with its prepared statements, lent to one
 * caller at a time. Callers are often virtual threads, so connections are pooled rather than kept
 * per thread. Under WAL, readers never wait for the writer, only, briefly, for the disk.
 */
final class SqliteReaderPool implements Readers {
  /** Put in the queue at close, so that callers waiting for a connection wake up and fail. */
  private static final Session CLOSED = new Session(null);
  /** The longest a read waits for a connection: past it, the caller is better told to come back. */
  private static final long MAX_WAIT_SECONDS = 5;

  private final ArrayBlockingQueue<Session> idle;
  private final WalSyncer syncer;
  private volatile boolean closed;

  SqliteReaderPool(List<Session> sessions, WalSyncer syncer) {
    // Fair: callers get connections in the order they asked, so none waits behind later ones.
    this.idle = new ArrayBlockingQueue<>(sessions.size() + 1, true, sessions);
    this.syncer = syncer;
  }

  /** Runs the work, then answers only once what it may have seen is durable (see {@link WalSyncer}). */
  @Override
  public <T> T read(Work<T> work) {
    Session session = take();
    T result;
    try {
      result = work.on(session);
    } catch (SQLException e) {
      throw StoreFailure.of("read from SQLite", e);
    } finally {
      giveBack(session);
    }
    syncer.awaitDurable();
    return result;
  }

  private Session take() {
    if (closed) {
      throw StoreFailure.closed();
    }
    Session session;
    try {
      session = idle.poll(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for a SQLite connection", e);
    }
    if (session == null) {
      throw new StoreUnavailableException(
          "no SQLite connection was free within %d s: the store is overloaded".formatted(MAX_WAIT_SECONDS));
    }
    if (session == CLOSED) {
      idle.offer(CLOSED);
      throw StoreFailure.closed();
    }
    return session;
  }

  private void giveBack(Session session) {
    idle.offer(session);
    // close() may have drained the queue between our check and our offer: then the session is ours to close.
    if (closed && idle.remove(session)) {
      closeQuietly(session);
    }
  }

  @Override
  public void close() {
    closed = true;
    Session session;
    while ((session = idle.poll()) != null) {
      if (session != CLOSED) {
        closeQuietly(session);
      }
    }
    idle.offer(CLOSED);
  }

  private static void closeQuietly(Session session) {
    try {
      session.close();
    } catch (SQLException ignored) {
      // Closing a read-only connection loses nothing.
    }
  }
}
