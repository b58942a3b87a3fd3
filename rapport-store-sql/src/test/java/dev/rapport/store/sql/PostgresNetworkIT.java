package dev.rapport.store.sql;

import dev.rapport.store.Store;

/** The graph index against PostgreSQL, reconnected for the restart. */
class PostgresNetworkIT extends NetworkContract {
  @Override
  protected String freshDatabase() {
    return TestStores.freshPostgresUrl();
  }

  @Override
  protected Store open(String database) {
    return PostgresStore.open(database);
  }
}
