package dev.rapport.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The server store: a PostgreSQL database (DESIGN decision 3), reached through a HikariCP pool.
 *
 * <p>Commits are concurrent transactions that lock the rows of the members they expect, in
 * ascending id order; a commit that lost a race (version moved, uniqueness, serialisation failure,
 * deadlock) reports a conflict and the engine decides again. With PostgreSQL's default
 * {@code synchronous_commit} a commit that returned is durable. Several Rapport nodes may share one
 * database: the event log reads back in one order for all of them. The schema is migrated at open,
 * under an advisory lock so that nodes starting together do not race.
 *
 * <p>The returned store is thread safe, and callers may be virtual threads. It holds up to
 * {@value #POOL_SIZE} connections.
 */
public final class PostgresStore {
  static final int POOL_SIZE = 16;
  /** Held while migrating; the event log uses another key. */
  private static final long MIGRATION_LOCK = 7_260_100L;

  private PostgresStore() {}

  /**
   * Opens the store at a JDBC URL such as {@code jdbc:postgresql://host:5432/rapport?user=u&password=p}
   * and brings the schema up to date.
   *
   * @throws IllegalStateException if the database cannot be reached, has a schema newer than this
   *     code knows, or has an applied migration that has since changed
   */
  public static Store open(String jdbcUrl) {
    return open(jdbcUrl, CommitObserver.none());
  }

  /** As {@link #open(String)}, telling the observer of every commit that reached the database. */
  public static Store open(String jdbcUrl, CommitObserver observer) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + redacted(jdbcUrl));
    }
    HikariConfig config = config();
    config.setJdbcUrl(jdbcUrl);
    return open(config, redacted(jdbcUrl), observer);
  }

  /**
   * Opens the store on connections from a data source (pooled here; closing the store does not
   * close the data source) and brings the schema up to date.
   *
   * @throws IllegalStateException as {@link #open(String)}
   */
  public static Store open(DataSource dataSource) {
    HikariConfig config = config();
    config.setDataSource(dataSource);
    return open(config, dataSource.toString(), CommitObserver.none());
  }

  private static HikariConfig config() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("rapport-postgres");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(2);
    config.setAutoCommit(true);
    // Hikari hands connections to waiters first come, first served; the wait itself is bounded here.
    config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
    return config;
  }

  private static Store open(HikariConfig config, String where, CommitObserver observer) {
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("could not connect to PostgreSQL at " + where + ": " + e.getMessage(), e);
    }
    try {
      migrate(pool);
      return new SqlStore(Dialect.POSTGRES, new PooledReaders(pool), new PostgresCommitter(pool, observer));
    } catch (SQLException e) {
      pool.close();
      throw StoreFailure.of("migrate PostgreSQL at " + where, e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static void migrate(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      lock(connection, "SELECT pg_advisory_lock(?)");
      try {
        Migrations.apply(connection, Migrations.load(Dialect.POSTGRES.migrations()));
      } finally {
        lock(connection, "SELECT pg_advisory_unlock(?)");
      }
    }
  }

  private static void lock(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, MIGRATION_LOCK);
      statement.execute();
    }
  }

  /** The URL without its query, where a password may be. */
  private static String redacted(String jdbcUrl) {
    if (jdbcUrl == null) {
      return "null";
    }
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?...";
  }
}
