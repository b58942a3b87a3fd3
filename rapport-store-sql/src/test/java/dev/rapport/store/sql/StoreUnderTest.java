package dev.rapport.store.sql;

import dev.rapport.store.Store;

/** The backend a run of the store contract is on: how it makes, opens and reaches a database. */
interface StoreUnderTest {
  /** A new, empty database, named as {@link #open} and {@link #execute} understand. */
  String freshDatabase();

  Store open(String database);

  /** Runs SQL on the database behind the store's back (to damage or inspect it). */
  void execute(String database, String sql);

  /**
   * Whether a load of the connections reflects exactly the events up to the position it gives,
   * not also some after it (true of SQLite's one writer; on PostgreSQL a snapshot may already see a
   * transaction committed after an older one still running).
   */
  boolean loadsExactlyAtTheirPosition();
}
