package dev.rapport.store.sql;

import dev.rapport.contract.ContentConcurrencyContract;
import dev.rapport.store.Store;

/** P4's counts under concurrent writers, on SQLite's one writer. */
class SqliteContentConcurrencyIT extends ContentConcurrencyContract {
  @Override
  protected Store openStore() {
    return TestStores.freshSqlite();
  }
}
