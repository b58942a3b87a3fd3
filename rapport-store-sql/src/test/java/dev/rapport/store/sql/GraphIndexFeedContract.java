package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Settings;
import dev.rapport.network.Network;
import dev.rapport.network.NetworkReads;
import dev.rapport.problem.RapportException;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The store contract, the graph index fed from the store: loads, copies and the log, on the same answers as the store. Each backend runs it as a nested class. */
abstract class GraphIndexFeedContract extends StoreFixture {
  GraphIndexFeedContract(StoreUnderTest target) {
    super(target);
  }

  private static final int MEMBERS = 12;

  @Test
  void theIndex_followsEveryCommit_andARestartRebuildsTheSameIndex() {
    Rapport rapport = Rapport.builder().store(store).build();
    long[] ids = members(rapport);
    // A few connections exist before the index loads, so that loading and the log both count.
    connect(rapport, ids, 0, 1);
    connect(rapport, ids, 1, 2);
    Network network = Network.load(store, Runnable::run);
    assertAgrees(network.current(), store, ids);

    SplittableRandom random = new SplittableRandom(2026);
    List<long[]> invitations = new ArrayList<>(); // id and recipient
    int accepted = 0;
    for (int step = 0; step < 300; step++) {
      int a = random.nextInt(MEMBERS);
      int b = random.nextInt(MEMBERS);
      try {
        switch (random.nextInt(5)) {
          case 0, 1 -> invitations.add(new long[] {rapport.invitations().invite(ids[a],
              new SendInvitation(Handle.of("net-" + b), Optional.empty(), Optional.empty())).invitation().id(), ids[b]});
          case 2 -> {
            if (!invitations.isEmpty()) {
              long[] invitation = invitations.remove(random.nextInt(invitations.size()));
              rapport.invitations().accept(invitation[1], invitation[0]);
              accepted++;
            }
          }
          case 3 -> rapport.removeConnection(ids[a], Handle.of("net-" + b));
          default -> {
            if (random.nextBoolean()) {
              rapport.block(ids[a], Handle.of("net-" + b));
            } else {
              rapport.unblock(ids[a], Handle.of("net-" + b));
            }
          }
        }
      } catch (RapportException refused) {
        // The rules said no; the index must agree with the store either way.
      }
      awaitAgreement(network, store, ids);
    }
    NetworkReads running = network.current();
    assertThat(accepted).as("invitations accepted along the way").isGreaterThan(10);
    assertThat(running.connectionCount()).isPositive();
    store.close();

    Store reopened = open(database);
    try {
      // Restored from the copy the load before the steps saved, with the events since; and rebuilt.
      Network restored = Network.load(reopened, Runnable::run);
      assertThat(restored.restored()).as("restored from the copy saved by the load before the steps").isTrue();
      for (NetworkReads loaded : List.of(restored.current(), Network.rebuild(reopened, Runnable::run).current())) {
        assertThat(loaded.connectionCount()).isEqualTo(running.connectionCount());
        for (long id : ids) {
          assertThat(sorted(loaded.connectionsOf(id))).as("connections of %d", id).isEqualTo(sorted(running.connectionsOf(id)));
        }
        assertAgrees(loaded, reopened, ids);
      }
    } finally {
      reopened.close();
    }
  }

  /** The store keeps the parts of one copy, in order, with its position, until the next replaces it whole. */
  @Test
  void aSavedIndex_readsBackWhole_andTheNextReplacesIt() {
    assertThat(store.savedIndex()).isEmpty();
    byte[] large = new byte[3_000_000];
    new java.util.SplittableRandom(3).nextBytes(large);
    store.saveIndex(new SavedIndex(41, List.of(new byte[] {1, 2}, large, new byte[0], new byte[] {3})));
    SavedIndex kept = store.savedIndex().orElseThrow();
    assertThat(kept.position()).isEqualTo(41);
    assertThat(kept.parts()).hasSize(4);
    assertThat(kept.parts().get(0)).containsExactly(1, 2);
    assertThat(kept.parts().get(1)).isEqualTo(large);
    assertThat(kept.parts().get(2)).isEmpty();
    assertThat(kept.parts().get(3)).containsExactly(3);

    store.saveIndex(new SavedIndex(40, List.of(new byte[] {9})));
    kept = store.savedIndex().orElseThrow();
    assertThat(kept.position()).isEqualTo(40);
    assertThat(kept.parts()).hasSize(1);
    assertThat(kept.parts().getFirst()).containsExactly(9);
    store.close();
    Store reopened = open(database);
    try {
      assertThat(reopened.savedIndex().orElseThrow().parts().getFirst()).containsExactly(9);
    } finally {
      reopened.close();
    }
  }

  /**
   * A start restores the index from the copy saved last and replays the events since; a copy
   * that cannot be read back, or claims a position the log has not reached, is not used: the
   * index is rebuilt and a good copy saved in its place. Every way, the index agrees with the store.
   */
  @Test
  void aStart_restoresTheSavedCopy_andOneUnfitToUse_isRebuilt() {
    Rapport rapport = Rapport.builder().store(store).build();
    long[] ids = members(rapport);
    for (int i = 1; i < 6; i++) {
      connect(rapport, ids, 0, i);
    }
    rapport.saveNetwork();
    long savedAt = store.savedIndex().orElseThrow().position();
    assertThat(savedAt).isEqualTo(store.lastPosition());
    connect(rapport, ids, 6, 7); // after the copy: replayed
    rapport.removeConnection(ids[0], Handle.of("net-1"));

    Network restored = Network.load(store, Runnable::run);
    assertThat(restored.restored()).isTrue();
    assertThat(restored.current().connected(ids[6], ids[7])).isTrue();
    assertThat(restored.current().connected(ids[0], ids[1])).isFalse();
    assertAgrees(restored.current(), store, ids);

    List<byte[]> good = store.savedIndex().orElseThrow().parts();
    byte[] damaged = good.getFirst().clone();
    damaged[damaged.length / 2] ^= 1;
    for (SavedIndex unfit : List.of(new SavedIndex(store.lastPosition(), List.of(damaged)),
        new SavedIndex(store.lastPosition() + 1_000, good))) {
      store.saveIndex(unfit);
      Network rebuilt = Network.load(store, Runnable::run);
      assertThat(rebuilt.restored()).isFalse();
      assertAgrees(rebuilt.current(), store, ids);
      assertThat(store.savedIndex().orElseThrow().position()).as("a good copy saved in its place")
          .isEqualTo(rebuilt.position());
      assertThat(Network.load(store, Runnable::run).restored()).isTrue();
    }
  }

  /** Members net-0 to net-11, their ids in that order. */
  private static long[] members(Rapport rapport) {
    long[] ids = new long[MEMBERS];
    for (int i = 0; i < MEMBERS; i++) {
      ids[i] = rapport.createMember(NewMember.person("net-" + i, "Member " + i)).member().id();
    }
    return ids;
  }

  private static void connect(Rapport rapport, long[] ids, int a, int b) {
    long invitation = rapport.invitations().invite(ids[a], new SendInvitation(Handle.of("net-" + b), Optional.empty(), Optional.empty()))
        .invitation().id();
    rapport.invitations().accept(ids[b], invitation);
  }

  /**
   * Enough connections that the index compacts while more commits arrive and are applied:
   * afterwards every member's connections are exactly those committed. The background work runs
   * on the calling thread, so each compaction is in place when the read that started it returns.
   */
  @Test
  void aCompactionInTheBackground_losesNoConnection() {
    int members = 1_500;
    Instant at = Instant.parse("2026-11-29T00:00:00Z");
    long[] ids = commitMembers(members, 7_000_000, "compact-", at);
    List<Change> changes = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    Network network = Network.load(store, Runnable::run);
    Map<Long, TreeSet<Long>> expected = new HashMap<>();
    SplittableRandom random = new SplittableRandom(29);
    for (int batch = 0; batch < 12; batch++) {
      changes.clear();
      events.clear();
      for (int k = 0; k < 400; k++) {
        long a = ids[random.nextInt(members)];
        long b = ids[random.nextInt(members)];
        if (a != b && expected.computeIfAbsent(a, _ -> new TreeSet<>()).add(b)) {
          expected.computeIfAbsent(b, _ -> new TreeSet<>()).add(a);
          changes.add(new Change.AddConnection(a, b, at));
          events.add(new Event(0, EventType.CONNECTED, at, a, b, 0));
        }
      }
      store.commit(new Commit(Map.of(), changes, events));
      network.current(); // applies the batch; past about 1,000 changed lists a compaction runs
    }
    assertThat(network.compactions()).as("compactions put in place").isPositive();
    NetworkReads index = network.current();
    for (long id : ids) {
      assertThat(sorted(index.connectionsOf(id))).as("connections of %d", id)
          .isEqualTo(expected.getOrDefault(id, new TreeSet<>()));
    }
  }

  /**
   * Copies of the index saved again and again while three threads commit connections (on SQLite
   * each copy goes through the one writer, batched with their commits): every commit is
   * acknowledged and applied, and the copy kept last, restored and brought up to date, holds
   * exactly the connections committed, as a rebuild does.
   */
  @Test
  void copiesSavedWhileOthersCommit_loseNothing() throws Exception {
    int members = 300;
    Instant at = Instant.parse("2026-11-29T00:00:00Z");
    long[] ids = commitMembers(members, 8_000_000, "copy-", at);
    Network network = Network.load(store, Runnable::run);
    int writers = 3;
    int perWriter = 150;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
    List<java.util.concurrent.Future<?>> commits = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      commits.add(pool.submit(() -> {
        // Each writer connects its own third of the members to the next ones: no pair twice.
        for (int k = 0; k < perWriter; k++) {
          long a = ids[writer * 100 + k % 100];
          long b = ids[(writer * 100 + k % 100 + 1 + k / 100) % members];
          assertThat(store.commit(new Commit(Map.of(), List.of(new Change.AddConnection(a, b, at)),
              List.of(new Event(0, EventType.CONNECTED, at, a, b, 0))))).isInstanceOf(CommitOutcome.Applied.class);
        }
        return null;
      }));
    }
    pool.shutdown();
    int saves = 0;
    while (!pool.isTerminated() || saves == 0) {
      network.save();
      saves++;
    }
    for (java.util.concurrent.Future<?> commit : commits) {
      commit.get();
    }
    network.save();
    Network restored = Network.load(store, Runnable::run);
    assertThat(restored.restored()).isTrue();
    NetworkReads rebuilt = Network.rebuild(store, Runnable::run).current();
    assertThat(rebuilt.connectionCount()).isEqualTo((long) writers * perWriter);
    assertThat(restored.current().connectionCount()).isEqualTo(rebuilt.connectionCount());
    for (long id : ids) {
      assertThat(sorted(restored.current().connectionsOf(id))).as("connections of %d", id)
          .isEqualTo(sorted(rebuilt.connectionsOf(id)));
    }
  }

  /** Commits {@code count} members, ids from {@code firstId} on and handles {@code prefix + i}, in one commit. */
  private long[] commitMembers(int count, long firstId, String prefix, Instant at) {
    long[] ids = new long[count];
    List<Change> changes = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids[i] = firstId + i;
      changes.add(new Change.AddMember(new Member(ids[i], Handle.of(prefix + i), MemberKind.PERSON,
          "Member " + i, "", Optional.empty(), "basic", at, Settings.DEFAULTS, 0, 0)));
      events.add(new Event(0, EventType.MEMBER_CREATED, at, ids[i], 0, 0));
    }
    store.commit(new Commit(Map.of(), changes, events));
    return ids;
  }

  /**
   * The index agrees with the store once the log shows it the commit: at once on SQLite, and on
   * PostgreSQL once no transaction begun before the commit is still open anywhere (the log's
   * visibility rule, docs/decisions/0036-the-live-stream-follows-the-log.md), such as a copy of the
   * index that the facade saves in the background. Asked again for up to five seconds.
   */
  private static void awaitAgreement(Network network, Store store, long[] ids) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!agrees(network.current(), store, ids) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertAgrees(network.current(), store, ids);
  }

  private static boolean agrees(NetworkReads index, Store store, long[] ids) {
    for (int i = 0; i < ids.length; i++) {
      for (int j = i + 1; j < ids.length; j++) {
        if (index.connected(ids[i], ids[j]) != store.pair(ids[i], ids[j]).connected()) {
          return false;
        }
      }
    }
    return true;
  }

  private static void assertAgrees(NetworkReads index, Store store, long[] ids) {
    for (int i = 0; i < ids.length; i++) {
      for (int j = i + 1; j < ids.length; j++) {
        assertThat(index.connected(ids[i], ids[j])).as("net-%d and net-%d", i, j)
            .isEqualTo(store.pair(ids[i], ids[j]).connected());
      }
    }
  }

  private static TreeSet<Long> sorted(long[] values) {
    TreeSet<Long> set = new TreeSet<>();
    for (long v : values) {
      set.add(v);
    }
    return set;
  }
}
