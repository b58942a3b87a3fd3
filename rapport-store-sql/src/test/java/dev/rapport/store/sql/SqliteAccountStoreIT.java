package dev.rapport.store.sql;

import dev.rapport.store.Store;

/** The accounts' store contract on SQLite. */
class SqliteAccountStoreIT extends AccountStoreContract {
  @Override
  protected Store openFresh() {
    return TestStores.freshSqlite();
  }
}
