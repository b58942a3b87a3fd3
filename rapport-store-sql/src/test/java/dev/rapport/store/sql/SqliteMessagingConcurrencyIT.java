package dev.rapport.store.sql;

import dev.rapport.contract.MessagingConcurrencyContract;
import dev.rapport.store.Store;

/** InMail credits and refunds under 32 concurrent senders and repliers, on Sqlite. */
class SqliteMessagingConcurrencyIT extends MessagingConcurrencyContract {
  @Override
  protected Store openStore() {
    return TestStores.freshSqlite();
  }
}
