package dev.rapport.store.sql;

import dev.rapport.importing.NetworkImportContract;
import dev.rapport.store.Store;

/** Importing a network on PostgreSQL. */
class PostgresImportIT extends NetworkImportContract {
  @Override
  protected Store openStore() {
    return TestStores.freshPostgres();
  }
}
