package dev.rapport.store.sql;

import dev.rapport.contract.ProfileConcurrencyContract;
import dev.rapport.store.Store;

/** Page admins and skills under concurrent writers, on PostgreSQL's concurrent transactions. */
class PostgresProfileConcurrencyIT extends ProfileConcurrencyContract {
  @Override
  protected Store openStore() {
    return TestStores.freshPostgres();
  }
}
