package dev.rapport.store.sql;

import dev.rapport.store.Store;

/** The accounts' store contract on PostgreSQL. */
class PostgresAccountStoreIT extends AccountStoreContract {
  @Override
  protected Store openFresh() {
    return TestStores.freshPostgres();
  }
}
