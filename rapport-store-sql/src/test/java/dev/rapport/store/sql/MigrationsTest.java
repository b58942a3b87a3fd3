package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {
  @Test
  void bothBackends_haveTheSameVersions_fromOne() {
    List<Migrations.Migration> sqlite = Migrations.load(Dialect.SQLITE.migrations());
    List<Migrations.Migration> postgres = Migrations.load(Dialect.POSTGRES.migrations());
    assertThat(sqlite).extracting(Migrations.Migration::version).startsWith(1)
        .isEqualTo(postgres.stream().map(Migrations.Migration::version).toList());
    assertThat(sqlite.getFirst().description()).isEqualTo("schema");
  }

  @Test
  void theChecksum_ignoresLineEndings() {
    Migrations.Migration v1 = Migrations.load(Dialect.SQLITE.migrations()).getFirst();
    assertThat(v1.checksum()).hasSize(64);
    assertThat(v1.script()).doesNotContain("\r");
  }

  @Test
  void everyScript_splitsIntoStatements() {
    assertThat(SqlScript.statements(Migrations.load(Dialect.POSTGRES.migrations()).getFirst().script()))
        .anySatisfy(s -> assertThat(s).startsWith("CREATE FUNCTION append_events").endsWith("$$"))
        .allSatisfy(s -> assertThat(s).doesNotEndWith(";"));
  }
}
