package dev.rapport.store.sql;

import dev.rapport.contract.LiveStreamContract;
import dev.rapport.store.Store;

/** NT2's live stream on PostgreSQL: engines sharing the store as servers do, one started later as after a restart. */
class PostgresLiveStreamIT extends LiveStreamContract {
  @Override
  protected Store openStore() {
    return TestStores.freshPostgres();
  }
}
