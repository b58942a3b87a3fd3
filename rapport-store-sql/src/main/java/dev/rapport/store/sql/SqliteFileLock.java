package dev.rapport.store.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a SQLite database to one process at a time ({@link SqliteStore} relies on it): an exclusive
 * lock on a file beside the database, {@code <name>.lock}, held while the store is open. The
 * operating system drops the lock when the process ends, however it ends, so a crash leaves no
 * stale lock; the empty file stays and means nothing by itself. The database file itself is not
 * locked from Java: SQLite's own locks on it are POSIX locks, which closing any other handle on the
 * file in this process would release.
 */
final class SqliteFileLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private SqliteFileLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the database in {@code database}, whose folder must exist.
   *
   * @throws IllegalStateException if another process, or another store in this one, has it
   * @throws UncheckedIOException if the lock file cannot be opened
   */
  static SqliteFileLock acquire(Path database) {
    Path path = database.resolveSibling(database.getFileName() + ".lock");
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the lock file " + path, e);
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new SqliteFileLock(channel, lock);
      }
      closeQuietly(channel);
      throw new IllegalStateException(("the SQLite database %s is in use by another process (a Rapport server "
          + "or import?); one process at a time may use it, so stop that one first").formatted(database));
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new IllegalStateException("the SQLite database %s is already open in this process".formatted(database));
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("could not lock " + path, e);
    }
  }

  /** Releases the lock. Idempotent. */
  @Override
  public void close() {
    if (channel.isOpen()) {
      try {
        lock.release();
      } catch (IOException ignored) {
        // Closing the channel below releases it as well.
      }
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing releases the lock; the operating system does too when the process ends.
    }
  }
}
