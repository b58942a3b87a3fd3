package dev.rapport.store.sql;

import dev.rapport.contract.ConcurrencyContract;
import dev.rapport.store.Store;

/** Caps and quotas under concurrent writers, on PostgreSQL's concurrent transactions. */
class PostgresConcurrencyIT extends ConcurrencyContract {
  @Override
  protected Store openStore() {
    return TestStores.freshPostgres();
  }
}
