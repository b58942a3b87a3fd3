package dev.rapport.store.sql;

import dev.rapport.contract.ContentConcurrencyContract;
import dev.rapport.store.Store;

/** P4's counts under concurrent writers, on PostgreSQL's concurrent transactions. */
class PostgresContentConcurrencyIT extends ContentConcurrencyContract {
  @Override
  protected Store openStore() {
    return TestStores.freshPostgres();
  }
}
