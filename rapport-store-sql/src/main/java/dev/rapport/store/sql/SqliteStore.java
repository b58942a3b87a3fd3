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
 * <p>The database runs in WAL mode with {@code synchronous=FULL}, so a commit that returned has
 * reached the disk. All writes go through one connection on one thread, which commits whatever has
 * queued up in one transaction (group commit: one fsync for many commits); reads use a small pool of
 * read-only connections and never wait for the writer. The schema is migrated when the file is
 * opened. One process should open a file at a time.
 *
 * <p>The returned store is thread safe, and callers may be virtual threads.
 */
public final class SqliteStore {
  private static final int READERS = 8;
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private SqliteStore() {}

  /**
   * Opens the store in the given file, creating the file and its parent folders if missing and
   * bringing the schema up to date.
   *
   * @throws UncheckedIOException if the folders cannot be created
   * @throws IllegalStateException if the database cannot be opened, is not a Rapport database,
   *     has a schema newer than this code knows, or has an applied migration that has since changed
   */
  public static Store open(Path file) {
    Path path = file.toAbsolutePath();
    try {
      Files.createDirectories(path.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the folder of " + path, e);
    }
    List<Session> opened = new ArrayList<>();
    try {
      Session writer = new Session(connect(path, true));
      opened.add(writer);
      Migrations.apply(writer.connection(), Migrations.load(Dialect.SQLITE.migrations()));
      List<Session> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        Session reader = new Session(connect(path, false));
        opened.add(reader);
        readers.add(reader);
      }
      return new SqlStore(Dialect.SQLITE, new SqliteReaderPool(readers), SqliteGroupCommitter.start(writer));
    } catch (SQLException | RuntimeException e) {
      for (Session session : opened) {
        try {
          session.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e instanceof SQLException sql ? StoreFailure.of("open SQLite database " + path, sql) : (RuntimeException) e;
    }
  }

  private static Connection connect(Path path, boolean writer) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // Otherwise the driver runs "SELECT last_insert_rowid()" after every INSERT; we use RETURNING.
    config.setGetGeneratedKeys(false);
    // Savepoints give statements journals; in memory they cost no file creation and deletion.
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    if (writer) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    }
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
    try (Statement statement = connection.createStatement()) {
      if (writer) {
        try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
          if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
            throw new SQLException("SQLite could not switch " + path + " to WAL mode");
          }
        }
      } else {
        statement.execute("PRAGMA query_only = true");
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
