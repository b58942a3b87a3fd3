package dev.rapport.bench;

import dev.rapport.store.Store;
import dev.rapport.store.sql.PostgresStore;
import dev.rapport.store.sql.SqliteStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The stores benchmarks run on, configured for durability exactly as in production: SQLite in WAL
 * mode, its log flushed before any answer; PostgreSQL with {@code fsync} and {@code synchronous_commit} on
 * (the embedded server's test-friendly defaults are overridden and then checked).
 */
final class BenchStores implements AutoCloseable {
  private final Store store;
  private final EmbeddedPostgres postgres;
  private final Path dir;

  private BenchStores(Store store, EmbeddedPostgres postgres, Path dir) {
    this.store = store;
    this.postgres = postgres;
    this.dir = dir;
  }

  static BenchStores open(String kind) {
    try {
      Path dir = Files.createTempDirectory("rapport-bench-");
      return switch (kind) {
        case "sqlite" -> new BenchStores(SqliteStore.open(dir.resolve("rapport.db")), null, dir);
        case "postgres" -> {
          EmbeddedPostgres pg = EmbeddedPostgres.builder()
              .setDataDirectory(dir.resolve("pg"))
              .setCleanDataDirectory(true)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "100")
              .start();
          requireDurable(pg);
          yield new BenchStores(PostgresStore.open(pg.getJdbcUrl("postgres", "postgres")), pg, dir);
        }
        default -> throw new IllegalArgumentException("no store '" + kind + "'; use sqlite or postgres");
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory the store keeps its files in. */
  Path dir() {
    return dir;
  }

  private static void requireDurable(EmbeddedPostgres pg) {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      for (String setting : new String[] {"fsync", "synchronous_commit"}) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          rs.next();
          if (!"on".equals(rs.getString(1))) {
            throw new IllegalStateException(setting + " is " + rs.getString(1) + "; benchmarks must be durable");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  Store store() {
    return store;
  }

  /** The JDBC address of the PostgreSQL server, for a plain-SQL peer beside the store in the same run. */
  String postgresUrl() {
    if (postgres == null) {
      throw new IllegalStateException("not a PostgreSQL store");
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() throws IOException {
    store.close();
    if (postgres != null) {
      postgres.close();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
