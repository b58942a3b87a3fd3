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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The store contract on SQLite files, and what only SQLite does. */
class SqliteStoreIT {
  static final StoreUnderTest SQLITE = new StoreUnderTest() {
    @Override
    public String freshDatabase() {
      return TestDatabases.freshSqliteFile().toString();
    }

    @Override
    public Store open(String database) {
      return SqliteStore.open(Path.of(database));
    }

    @Override
    public void execute(String database, String sql) {
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public boolean loadsExactlyAtTheirPosition() {
      return true;
    }
  };

  @Nested
  class Commits extends CommitsContract {
    Commits() {
      super(SQLITE);
    }
  }

  @Nested
  class EventLog extends EventLogContract {
    EventLog() {
      super(SQLITE);
    }
  }

  @Nested
  class Reads extends ReadsContract {
    Reads() {
      super(SQLITE);
    }
  }

  @Nested
  class Paging extends PagingContract {
    Paging() {
      super(SQLITE);
    }
  }

  @Nested
  class GraphIndexFeed extends GraphIndexFeedContract {
    GraphIndexFeed() {
      super(SQLITE);
    }
  }

  @Nested
  class Lifecycle extends LifecycleContract {
    Lifecycle() {
      super(SQLITE);
    }
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
