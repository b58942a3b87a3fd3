package dev.rapport.store.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** One transaction on a connection that is otherwise in autocommit mode. */
final class Transaction {
  private Transaction() {}

  /** Work inside the transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs the work in one transaction and commits it, or rolls it back and rethrows what the work
   * threw; the connection is in autocommit mode again afterwards either way.
   */
  static <T> T run(Connection connection, Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
