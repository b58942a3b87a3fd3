package dev.rapport.store.sql;

import java.sql.SQLException;

/** Where reads get a session. Thread safe. */
interface Readers extends AutoCloseable {

  /** Work on a session that the caller has to itself until the work returns. */
  @FunctionalInterface
  interface Work<T> {
    T on(Session session) throws SQLException;
  }

  /**
   * Runs the work on a session in autocommit mode: each statement reads the latest committed state.
   *
   * @throws dev.rapport.store.StoreUnavailableException if the database fails or the store is closed
   */
  <T> T read(Work<T> work);

  /** Whether two threads may each read on a session of their own at once. */
  default boolean lendsTwo() {
    return true;
  }

  @Override
  void close();
}
