package dev.rapport.store.sql;

import dev.rapport.store.Store;
import java.nio.file.Path;

/** The graph index against a SQLite file, reopened for the restart. */
class SqliteNetworkIT extends NetworkContract {
  @Override
  protected String freshDatabase() {
    return TestStores.freshSqliteFile().toString();
  }

  @Override
  protected Store open(String database) {
    return SqliteStore.open(Path.of(database));
  }
}
