package dev.rapport.store.sql;

import dev.rapport.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The embedded default store: one SQLite file (DESIGN decision 3).
 *
 * <p>The database runs in WAL mode. All writes go through one connection on one thread, which
 * decides commands and commits whatever has queued up in one transaction (group commit); a second
 * thread flushes the log while the writer goes on, and only then are callers answered, so a write
 * that returned has reached the disk (see {@link WalSyncer}). Reads use a small pool of read-only
 * connections and never wait for the writer; they never show what is not yet on the disk either.
 * The schema is migrated when the file is opened. One process at a time may open a file, which
 * {@link SqliteFileLock} enforces: the writer's guarantees (one writer, no answer showing what is
 * not yet durable) hold only within one process.
 *
 * <p>The returned store is thread safe, and callers may be virtual threads.
 */
public final class SqliteStore {
  private static final int READERS = 8;
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;
  private static final int WRITER_CACHE_KIB = 1024;
  private static final int CHECKPOINT_PAGES = 16_000;

  private SqliteStore() {}

  /**
   * Opens the store in the given file, creating the file and its parent folders if missing and
   * bringing the schema up to date.
   *
   * @throws UncheckedIOException if the folders cannot be created
   * @throws IllegalStateException if the database cannot be opened, is open in another process,
   *     is not a Rapport database, has a schema newer than this code knows, or has an applied
   *     migration that has since changed
   */
  public static Store open(Path file) {
    return open(file, CommitObserver.none());
  }

  /**
   * As {@link #open(Path)}, telling the observer of every batch that reached the disk and every
   * flush of the write-ahead log.
   */
  public static Store open(Path file, CommitObserver observer) {
    Path path = file.toAbsolutePath();
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the folder of " + path, e);
    }
    SqliteFileLock lock = SqliteFileLock.acquire(path);
    List<Session> opened = new ArrayList<>();
    try {
      Session writer = new Session(connect(path, Role.WRITER));
      opened.add(writer);
      Migrations.apply(writer.connection(), Migrations.load(Dialect.SQLITE.migrations()));
      List<Session> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        Session reader = new Session(connect(path, Role.READER));
        opened.add(reader);
        readers.add(reader);
      }
      // The log file exists now: the migration read the schema through it.
      WalSyncer syncer = WalSyncer.start(path, observer);
      return new SqlStore(Dialect.SQLITE, new SqliteReaderPool(readers, syncer),
          SqliteGroupCommitter.start(writer, syncer, observer), lock::close);
    } catch (IOException e) {
      closeAll(opened, e);
      lock.close();
      throw new UncheckedIOException("could not open the write-ahead log of " + path, e);
    } catch (SQLException | RuntimeException e) {
      closeAll(opened, e);
      lock.close();
      throw e instanceof SQLException sql ? StoreFailure.of("open SQLite database " + path, sql) : (RuntimeException) e;
    }
  }

  private static void closeAll(List<Session> sessions, Exception failure) {
    for (Session session : sessions) {
      try {
        session.close();
      } catch (SQLException suppressed) {
        failure.addSuppressed(suppressed);
      }
    }
  }

  /** A connection set up as the store's writer's (WAL, commits not flushed), for tests that drive a writer. */
  static Connection connectWriter(Path path) throws SQLException {
    return connect(path, Role.WRITER);
  }

  /** What a connection is for: each is set up for its one job. */
  private enum Role { WRITER, READER }

  private static Connection connect(Path path, Role role) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // Otherwise the driver runs "SELECT last_insert_rowid()" after every INSERT; we use RETURNING.
    config.setGetGeneratedKeys(false);
    // Statements that may fail part way keep a statement journal; in memory it costs no file I/O.
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    if (role == Role.WRITER) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // Commits append to the log without flushing it; the WalSyncer flushes before anyone is answered.
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      // A small cache, on purpose. Whenever a transaction splits a B-tree page, SQLite parks a page
      // under a far page number for a moment, and at the end of that transaction walks its whole
      // cache to drop pages past the end of the file: a cost that grows with the cache, paid by most
      // batches. Pages that miss come from the operating system's cache in a microsecond or two.
      config.setCacheSize(-WRITER_CACHE_KIB);
      // The writer copies the log back into the database (a checkpoint) inside a commit once the log
      // holds this many pages (64 MiB). Each page is copied once per checkpoint however often it
      // changed, so rarer checkpoints write less; but the commit that runs one waits for it. The log
      // only starts over when a write begins with every page copied, so a checkpoint beside a busy
      // writer cannot finish alone; one on a thread of its own was slower on two cores, as it copies
      // pages more often and competes for the cores and the disk (BENCHMARKS.md's history).
      config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(CHECKPOINT_PAGES));
    }
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
    try (Statement statement = connection.createStatement()) {
      if (role == Role.WRITER) {
        try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
          if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
            throw new SQLException("SQLite could not switch " + path + " to WAL mode");
          }
        }
      } else if (role == Role.READER) {
        statement.execute("PRAGMA query_only = true");
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
