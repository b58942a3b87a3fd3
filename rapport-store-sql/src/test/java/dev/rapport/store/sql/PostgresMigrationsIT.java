package dev.rapport.store.sql;

import static dev.rapport.store.sql.MigrationsTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The PostgreSQL migrations, apply_commit's repeatable definition above all, on databases of their own. */
class PostgresMigrationsIT {
  private static final Migrations.Scripts SCRIPTS = Migrations.load(Dialect.POSTGRES.migrations());
  private static final String FUNCTION = "SELECT pg_get_functiondef('apply_commit'::regproc)";

  /** The scripts an older Rapport had: the first {@code versions}, and no repeatable ones. */
  private static Migrations.Scripts upTo(int versions) {
    return new Migrations.Scripts(SCRIPTS.versioned().subList(0, versions), List.of());
  }

  @Test
  void aFreshDatabase_andOnesMigratedFromOlderSchemas_endWithTheSameFunction() throws SQLException {
    List<String> fresh;
    try (Connection connection = DriverManager.getConnection(TestDatabases.freshPostgresUrl())) {
      Migrations.apply(connection, SCRIPTS);
      fresh = rows(connection, FUNCTION);
    }
    String script = SCRIPTS.repeatable().getFirst().script();
    String body = script.substring(script.indexOf("$$") + 2, script.lastIndexOf("$$"));
    assertThat(fresh).as("the repeatable script's definition").singleElement().asString().contains(body);
    for (int older = 3; older <= SCRIPTS.versioned().size(); older++) {
      try (Connection connection = DriverManager.getConnection(TestDatabases.freshPostgresUrl())) {
        Migrations.apply(connection, upTo(older));
        if (older == 3) {
          assertThat(rows(connection, FUNCTION)).as("schema 3's own function").isNotEqualTo(fresh);
        }
        Migrations.apply(connection, SCRIPTS);
        assertThat(rows(connection, FUNCTION)).as("migrated from schema %d", older).isEqualTo(fresh);
        assertThat(rows(connection, "SELECT name, checksum FROM schema_repeatable"))
            .containsExactly("apply_commit " + SCRIPTS.repeatable().getFirst().checksum());
      }
    }
  }

  @Test
  void migratingAgain_changesNothing() throws SQLException {
    try (Connection connection = DriverManager.getConnection(TestDatabases.freshPostgresUrl())) {
      Migrations.apply(connection, SCRIPTS);
      List<String> before = state(connection);
      Migrations.apply(connection, SCRIPTS);
      assertThat(state(connection)).isEqualTo(before);
    }
  }

  /** What a migration may write: its records, and the function's row (a new one on replacing it). */
  private static List<String> state(Connection connection) throws SQLException {
    List<String> state = new ArrayList<>();
    state.addAll(rows(connection, "SELECT version, checksum, applied_at FROM schema_version ORDER BY version"));
    state.addAll(rows(connection, "SELECT name, checksum, applied_at FROM schema_repeatable ORDER BY name"));
    state.addAll(rows(connection, "SELECT xmin, ctid FROM pg_proc WHERE proname = 'apply_commit'"));
    return state;
  }

  @Test
  void serversStartingAtOnce_onOneDatabase_allOpenIt_andTheFunctionIsAppliedOnce() throws Exception {
    String url = TestDatabases.freshPostgresUrl();
    int servers = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(servers);
    try {
      List<Future<Store>> opened = new ArrayList<>();
      for (int i = 0; i < servers; i++) {
        opened.add(threads.submit(() -> {
          start.await();
          return PostgresStore.open(url);
        }));
      }
      start.countDown();
      for (Future<Store> store : opened) {
        try (Store open = store.get()) {
          assertThat(open.lastPosition()).isZero();
        }
      }
    } finally {
      threads.shutdownNow();
    }
    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(rows(connection, "SELECT count(*) FROM schema_version"))
          .containsExactly(String.valueOf(SCRIPTS.versioned().size()));
      assertThat(rows(connection, "SELECT name FROM schema_repeatable")).containsExactly("apply_commit");
    }
  }
}
