package dev.rapport.store.sql;

import dev.rapport.contract.ProfileConcurrencyContract;
import dev.rapport.store.Store;

/** Page admins and skills under concurrent writers, on SQLite's single writer. */
class SqliteProfileConcurrencyIT extends ProfileConcurrencyContract {
  @Override
  protected Store openStore() {
    return TestStores.freshSqlite();
  }
}
