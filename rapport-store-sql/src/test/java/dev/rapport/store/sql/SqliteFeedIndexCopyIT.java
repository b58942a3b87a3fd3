package dev.rapport.store.sql;

import dev.rapport.contract.FeedIndexCopyContract;
import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import java.nio.file.Path;

/** The feed index's saved copy on SQLite. */
class SqliteFeedIndexCopyIT extends FeedIndexCopyContract {
  private Path file;

  @Override
  protected Store openStore() {
    file = TestDatabases.freshSqliteFile();
    return SqliteStore.open(file);
  }

  @Override
  protected Store reopenStore() {
    return SqliteStore.open(file);
  }
}
