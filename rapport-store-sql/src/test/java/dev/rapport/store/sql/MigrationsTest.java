package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {
  private static final String WITH_A_VIEW = "migrations-with-a-view";

  @Test
  void bothBackends_haveTheSameVersions_fromOne() {
    List<Migrations.Migration> sqlite = Migrations.load(Dialect.SQLITE.migrations()).versioned();
    List<Migrations.Migration> postgres = Migrations.load(Dialect.POSTGRES.migrations()).versioned();
    assertThat(sqlite).extracting(Migrations.Migration::version).startsWith(1)
        .isEqualTo(postgres.stream().map(Migrations.Migration::version).toList());
    assertThat(sqlite.getFirst().description()).isEqualTo("schema");
  }

  @Test
  void applyCommit_isPostgresOnlyRepeatableScript() {
    assertThat(Migrations.load(Dialect.POSTGRES.migrations()).repeatable())
        .extracting(Migrations.Repeatable::name).containsExactly("apply_commit");
    assertThat(Migrations.load(Dialect.SQLITE.migrations()).repeatable()).isEmpty();
  }

  @Test
  void theChecksum_ignoresLineEndings() {
    Migrations.Migration v1 = Migrations.load(Dialect.SQLITE.migrations()).versioned().getFirst();
    assertThat(v1.checksum()).hasSize(64);
    assertThat(v1.script()).doesNotContain("\r");
  }

  @Test
  void everyScript_splitsIntoStatements() {
    assertThat(SqlScript.statements(Migrations.load(Dialect.POSTGRES.migrations()).versioned().getFirst().script()))
        .anySatisfy(s -> assertThat(s).startsWith("CREATE FUNCTION append_events").endsWith("$$"))
        .allSatisfy(s -> assertThat(s).doesNotEndWith(";"));
    assertThat(SqlScript.statements(Migrations.load(Dialect.POSTGRES.migrations()).repeatable().getFirst().script()))
        .singleElement().satisfies(s -> assertThat(s).startsWith("CREATE OR REPLACE FUNCTION apply_commit"));
  }

  @Test
  void aRepeatableScript_runsAfterTheVersionedOnes_andAgainOnlyWhenItChanges() throws SQLException {
    Migrations.Scripts scripts = Migrations.load(WITH_A_VIEW);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      Migrations.apply(connection, scripts);
      List<String> first = rows(connection, "SELECT name, checksum, applied_at FROM schema_repeatable");
      assertThat(first).singleElement().asString().startsWith("long_notes " + scripts.repeatable().getFirst().checksum());
      execute(connection, "INSERT INTO notes (id, body) VALUES (1, 'short'), (2, 'rather longer')");
      assertThat(rows(connection, "SELECT id FROM long_notes")).containsExactly("2");

      // Unchanged: nothing runs again (a view dropped by hand stays dropped).
      execute(connection, "DROP VIEW long_notes");
      Migrations.apply(connection, scripts);
      assertThat(rows(connection, "SELECT name, checksum, applied_at FROM schema_repeatable")).isEqualTo(first);
      assertThat(rows(connection, "SELECT name FROM sqlite_schema WHERE name = 'long_notes'")).isEmpty();

      // Recorded with another checksum, as by an older definition: it runs again.
      execute(connection, "UPDATE schema_repeatable SET checksum = 'older'");
      Migrations.apply(connection, scripts);
      assertThat(rows(connection, "SELECT name, checksum FROM schema_repeatable"))
          .containsExactly("long_notes " + scripts.repeatable().getFirst().checksum());
      assertThat(rows(connection, "SELECT id FROM long_notes")).containsExactly("2");
    }
  }

  @Test
  void withoutRepeatableScripts_noTableIsAddedForThem() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      Migrations.apply(connection, Migrations.load(Dialect.SQLITE.migrations()));
      assertThat(rows(connection, "SELECT name FROM sqlite_schema WHERE name = 'schema_repeatable'")).isEmpty();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Each row's columns joined by spaces. */
  static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          row.append(c > 1 ? " " : "").append(result.getString(c));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
