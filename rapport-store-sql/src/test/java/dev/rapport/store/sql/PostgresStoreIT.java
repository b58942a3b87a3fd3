package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The store contract on PostgreSQL, each test on a database of its own. */
class PostgresStoreIT extends StoreContract {
  @Override
  protected String freshDatabase() {
    return TestDatabases.freshPostgresUrl();
  }

  @Override
  protected Store open(String database) {
    return PostgresStore.open(database);
  }

  @Override
  protected void execute(String database, String sql) {
    try (Connection connection = DriverManager.getConnection(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
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
