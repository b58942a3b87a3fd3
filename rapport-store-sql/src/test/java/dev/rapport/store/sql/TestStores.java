package dev.rapport.store.sql;

import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;

/**
 * Fresh, empty stores for this module's tests, on the databases of {@link TestDatabases}. Closing a
 * store is the caller's job.
 */
public final class TestStores {
  private TestStores() {}

  /** A store on a new SQLite file. */
  public static Store freshSqlite() {
    return SqliteStore.open(TestDatabases.freshSqliteFile());
  }

  /** A store on a new, empty PostgreSQL database. */
  public static Store freshPostgres() {
    return PostgresStore.open(TestDatabases.freshPostgresUrl());
  }
}
