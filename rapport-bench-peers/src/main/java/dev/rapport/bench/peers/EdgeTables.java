package dev.rapport.bench.peers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL peers' databases: the edge table of a graph in SQLite (one file) and in PostgreSQL 17
 * (embedded, started from its jar), loaded with batched inserts once and reused by later forks
 * ({@link LoadedStores}). Both are then read only, with caches large enough for the whole table,
 * and read once before the benchmark so that the queries are measured warm.
 */
final class EdgeTables {
  private static final int PER_BATCH = 10_000;
  private static final String DB_FILE = "edges.db";

  private EdgeTables() {}

  static SqlQueries sqlite(Graph graph) {
    Path folder = LoadedStores.folder("sqlite", graph, dir -> {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DB_FILE))) {
        try (Statement s = c.createStatement()) {
          // An interrupted load is thrown away whole (LoadedStores), so it needs no journal.
          s.execute("PRAGMA journal_mode = OFF");
          s.execute("PRAGMA synchronous = OFF");
          s.execute("CREATE TABLE edge (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID");
        }
        insertBothDirections(c, graph);
        try (Statement s = c.createStatement()) {
          s.execute("ANALYZE");
        }
      } catch (SQLException e) {
        throw new IOException(e);
      }
    });
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(DB_FILE));
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA cache_size = -2097152"); // 2 GiB of page cache, in KiB
        s.execute("PRAGMA mmap_size = 4294967296");
        s.execute("PRAGMA temp_store = MEMORY");
        s.execute("PRAGMA query_only = ON");
        s.executeQuery("SELECT count(*), sum(b) FROM edge").close();
      }
      return new SqlQueries(c, SqlQueries.Flavour.SQLITE, () -> {});
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static SqlQueries postgres(Graph graph) {
    Path folder = LoadedStores.folder("postgres", graph, dir -> {
      try (EmbeddedPostgres pg = startPostgres(dir.resolve("data"));
          Connection c = DriverManager.getConnection(
              pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true")) {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE edge (a bigint NOT NULL, b bigint NOT NULL)");
        }
        insertBothDirections(c, graph);
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          // The key is built after the rows are in, which is much faster than maintaining it row by
          // row; the table is then ordered by it, and vacuumed so that index-only scans apply.
          s.execute("ALTER TABLE edge ADD PRIMARY KEY (a, b)");
          s.execute("CLUSTER edge USING edge_pkey");
          s.execute("VACUUM (ANALYZE) edge");
          s.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
          s.execute("CHECKPOINT");
        }
      } catch (SQLException e) {
        throw new IOException(e);
      }
    });
    EmbeddedPostgres pg = null;
    try {
      pg = startPostgres(folder.resolve("data"));
      Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
      try (Statement s = c.createStatement()) {
        s.executeQuery("SELECT pg_prewarm('edge'), pg_prewarm('edge_pkey')").close();
      }
      return new SqlQueries(c, SqlQueries.Flavour.POSTGRES, pg);
    } catch (IOException | SQLException e) {
      if (pg != null) {
        try {
          pg.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new IllegalStateException(e);
    }
  }

  /**
   * A private server for the benchmark. Nothing is written after the load, so durability settings
   * only slow the load down; the planner gets memory enough to hash whole networks, and JIT
   * compilation, which would compile the bigger queries again at every run, is off.
   */
  private static EmbeddedPostgres startPostgres(Path data) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setServerConfig("max_wal_size", "2GB")
        .setServerConfig("shared_buffers", "1GB")
        .setServerConfig("work_mem", "256MB")
        .setServerConfig("maintenance_work_mem", "1GB")
        .setServerConfig("jit", "off")
        .start();
  }

  /** Every connection as two rows, in key order, in batches, in one transaction. */
  private static void insertBothDirections(Connection c, Graph graph) throws SQLException {
    Graph.Adjacency adjacency = graph.adjacency();
    c.setAutoCommit(false);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO edge (a, b) VALUES (?, ?)")) {
      int pending = 0;
      for (int m = 0; m < graph.members(); m++) {
        for (int k = 0; k < adjacency.degree(m); k++) {
          insert.setLong(1, m);
          insert.setLong(2, adjacency.neighbour(m, k));
          insert.addBatch();
          if (++pending == PER_BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
      }
      insert.executeBatch();
    }
    c.commit();
  }
}
