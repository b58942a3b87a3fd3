package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The store contract on PostgreSQL, each test on a database of its own. */
class PostgresStoreIT {
  static final StoreUnderTest POSTGRES = new StoreUnderTest() {
    @Override
    public String freshDatabase() {
      return TestDatabases.freshPostgresUrl();
    }

    @Override
    public Store open(String database) {
      return PostgresStore.open(database);
    }

    @Override
    public void execute(String database, String sql) {
      try (Connection connection = DriverManager.getConnection(database);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public boolean loadsExactlyAtTheirPosition() {
      return false;
    }
  };

  @Nested
  class Commits extends CommitsContract {
    Commits() {
      super(POSTGRES);
    }
  }

  @Nested
  class EventLog extends EventLogContract {
    EventLog() {
      super(POSTGRES);
    }
  }

  @Nested
  class Reads extends ReadsContract {
    Reads() {
      super(POSTGRES);
    }
  }

  @Nested
  class Paging extends PagingContract {
    Paging() {
      super(POSTGRES);
    }
  }

  @Nested
  class GraphIndexFeed extends GraphIndexFeedContract {
    GraphIndexFeed() {
      super(POSTGRES);
    }
  }

  @Nested
  class Lifecycle extends LifecycleContract {
    Lifecycle() {
      super(POSTGRES);
    }
  }

  @Test
  void opensOnADataSource_andLeavesItOpen() throws SQLException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(TestDatabases.freshPostgresUrl());
    try (Store store = PostgresStore.open(dataSource)) {
      assertThat(store.eventsAfter(0, 10)).isEmpty();
    }
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.isValid(1)).isTrue();
    }
  }

  @Test
  void refusesAUrlOfAnotherDatabase_withoutEchoingItsPassword() {
    assertThatThrownBy(() -> PostgresStore.open("jdbc:mysql://db/rapport?user=u&password=secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }
}
