package dev.rapport.store.sql;

import dev.rapport.contract.ConcurrencyContract;
import dev.rapport.store.Store;

/** Caps and quotas under concurrent writers, on SQLite's single writer with group commit. */
class SqliteConcurrencyIT extends ConcurrencyContract {
  @Override
  protected Store openStore() {
    return TestStores.freshSqlite();
  }
}
