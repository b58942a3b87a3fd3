package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Member;
import dev.rapport.store.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store contract, durability and migrations: closing, reopening, and databases of other versions. Each backend runs it as a nested class. */
abstract class LifecycleContract extends StoreFixture {
  LifecycleContract(StoreUnderTest target) {
    super(target);
  }

  @Test
  void aCommittedChange_survivesClosingAndReopening() {
    Member ada = add("ada");
    Member bob = add("bob");
    apply(new Change.AddConnection(ada.id(), bob.id(), T0));
    long lastSeq = store.eventsAfter(0, 10).getLast().seq();
    store.close();
    store = open(database);
    assertThat(store.member(ada.id()).orElseThrow().connectionCount()).isEqualTo(1);
    assertThat(store.pair(ada.id(), bob.id()).connected()).isTrue();
    Member cyd = person("cyd");
    long next = applied(Map.of(), List.of(new Change.AddMember(cyd)), event(EventType.MEMBER_CREATED, cyd.id(), 0));
    assertThat(next).isGreaterThan(lastSeq);
  }

  @Test
  void reopening_appliesNoMigrationTwice() {
    store.close();
    store = open(database);
    store.close();
    store = open(database);
    assertThat(add("ada").id()).isPositive();
  }

  @Test
  void aSchemaNewerThanTheCode_isRefused() {
    store.close();
    execute(database, "INSERT INTO schema_version (version, description, checksum, applied_at) "
        + "VALUES (99, 'from the future', 'x', 0)");
    assertThatThrownBy(() -> open(database)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("newer");
    execute(database, "DELETE FROM schema_version WHERE version = 99");
    store = open(database);
  }

  @Test
  void anAppliedMigrationThatChanged_isRefused() {
    store.close();
    execute(database, "UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
    assertThatThrownBy(() -> open(database)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("changed");
  }

  @Test
  void aClosedStore_refusesWork() {
    store.close();
    assertThatThrownBy(() -> store.member(1)).isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> store.commit(new Commit(Map.of(), List.of(), List.of())))
        .isInstanceOf(StoreUnavailableException.class);
    store = open(database);
  }
}
