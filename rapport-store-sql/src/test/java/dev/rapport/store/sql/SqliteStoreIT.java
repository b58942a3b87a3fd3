package dev.rapport.store.sql;

import dev.rapport.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The store contract on SQLite files. */
class SqliteStoreIT extends StoreContract {
  @Override
  protected String freshDatabase() {
    return TestStores.freshSqliteFile().toString();
  }

  @Override
  protected Store open(String database) {
    return SqliteStore.open(Path.of(database));
  }

  @Override
  protected void execute(String database, String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
