package dev.rapport.store.sql;

import dev.rapport.contract.FeedIndexCopyContract;
import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;

/** The feed index's saved copy on PostgreSQL. */
class PostgresFeedIndexCopyIT extends FeedIndexCopyContract {
  private String url;

  @Override
  protected Store openStore() {
    url = TestDatabases.freshPostgresUrl();
    return PostgresStore.open(url);
  }

  @Override
  protected Store reopenStore() {
    return PostgresStore.open(url);
  }

  /** Each sequence costs a database of its own. */
  @Override
  protected int tries() {
    return 6;
  }
}
