package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The store contract on SQLite files, and what only SQLite does. */
class SqliteStoreIT extends StoreContract {
  @Override
  protected String freshDatabase() {
    return TestDatabases.freshSqliteFile().toString();
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

  @Override
  protected boolean loadsExactlyAtTheirPosition() {
    return true;
  }

  @Test
  void aSecondStoreOnTheSameFile_isRefused_untilTheFirstIsClosed() {
    Path file = TestDatabases.freshSqliteFile();
    try (Store first = SqliteStore.open(file)) {
      assertThatThrownBy(() -> SqliteStore.open(file))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("already open");
      assertThat(first.eventsAfter(0, 1)).isEmpty();
    }
    try (Store again = SqliteStore.open(file)) {
      assertThat(again.eventsAfter(0, 1)).isEmpty();
    }
  }
}
