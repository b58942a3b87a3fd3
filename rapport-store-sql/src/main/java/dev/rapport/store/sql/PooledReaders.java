package dev.rapport.store.sql;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;

/**
 * Reads on connections borrowed from a pool for the length of one read. The PostgreSQL driver keeps
 * server-side prepared statements per physical connection, so nothing is lost by closing ours.
 */
final class PooledReaders implements Readers {
  private final HikariDataSource pool;
  private volatile boolean closed;

  /** Takes over the pool: closing the readers closes it. */
  PooledReaders(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public <T> T read(Work<T> work) {
    if (closed) {
      throw StoreFailure.closed();
    }
    try (Session session = new Session(pool.getConnection())) {
      return work.on(session);
    } catch (SQLException e) {
      throw StoreFailure.of("read from PostgreSQL", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    pool.close();
  }
}
