package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The store contract, the event log and the loads the graph index starts from. Each backend runs it as a nested class. */
abstract class EventLogContract extends StoreFixture {
  EventLogContract(StoreUnderTest target) {
    super(target);
  }

  /**
   * The graph index loads from this: every connection once, and a position from which the log
   * holds exactly what the snapshot does not reflect yet.
   */
  @Test
  void forEachConnection_givesEachConnectionOnce_andThePositionItReflects() {
    Member ada = add("ada");
    Member bob = add("bob");
    Member cyd = add("cyd");
    applied(Map.of(), List.of(new Change.AddConnection(ada.id(), bob.id(), T0)),
        event(EventType.CONNECTED, ada.id(), bob.id()));
    applied(Map.of(), List.of(new Change.AddConnection(cyd.id(), bob.id(), T0)),
        event(EventType.CONNECTED, cyd.id(), bob.id()));
    List<Set<Long>> seen = new ArrayList<>();
    long position = store.forEachConnection((a, b) -> seen.add(Set.of(a, b)));
    assertThat(seen).containsExactlyInAnyOrder(Set.of(ada.id(), bob.id()), Set.of(cyd.id(), bob.id()));
    assertThat(position).isEqualTo(store.eventsAfter(0, 100).getLast().seq());

    long disconnected = applied(Map.of(), List.of(new Change.RemoveConnection(ada.id(), bob.id())),
        event(EventType.DISCONNECTED, ada.id(), bob.id()));
    assertThat(store.eventsAfter(position, 100)).extracting(Event::seq).containsExactly(disconnected);
  }

  /**
   * The load reads the table in parts (PostgreSQL) or from both ends (SQLite), on two sessions
   * at once where it can. Every connection still comes once, including those of the lowest and
   * highest member ids, from both sessions, and the sink is never called by two threads at once.
   * The sink pauses every 4,096 connections (a block of the load's), so that the second session
   * surely has something left to read by the time it starts: from the top of SQLite's table, a
   * block spans many more members, and the first session could otherwise read it all alone.
   */
  @Test
  void forEachConnection_readsEveryPartOnce_onTwoSessions_oneCallAtATime() {
    List<Member> members = IntStream.range(0, 400).mapToObj(i -> add("part-" + i)).toList();
    // 12,000 connections: a few hundred pages of PostgreSQL's table, so that every part has some,
    // and several of the load's blocks of 4,096 from each end of SQLite's, most of them ending
    // inside a member's connections. The lowest and highest ids are connected, to each other and
    // to others.
    Set<Set<Long>> expected = new HashSet<>();
    List<Change> changes = new ArrayList<>();
    long lowest = members.getFirst().id();
    long highest = members.getLast().id();
    for (long[] pair : new long[][] {{lowest, highest}, {lowest, members.get(1).id()}, {highest, members.get(1).id()}}) {
      expected.add(Set.of(pair[0], pair[1]));
      changes.add(new Change.AddConnection(pair[0], pair[1], T0));
    }
    SplittableRandom random = new SplittableRandom(42);
    while (expected.size() < 12_000) {
      long a = members.get(random.nextInt(members.size())).id();
      long b = members.get(random.nextInt(members.size())).id();
      if (a != b && expected.add(Set.of(a, b))) {
        changes.add(new Change.AddConnection(a, b, T0));
      }
    }
    for (int from = 0; from < changes.size(); from += 500) {
      apply(changes.subList(from, Math.min(changes.size(), from + 500)).toArray(Change[]::new));
    }

    List<Set<Long>> seen = new ArrayList<>();
    Set<Thread> threads = new HashSet<>();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger pauses = new AtomicInteger();
    store.forEachConnection((a, b) -> {
      if (inside.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      // A slow sink, until the second session has handed something over (at most 30 s of pauses,
      // paid only while it has not): on a loaded machine the first could otherwise take every
      // part before the second starts, as it did once in 5 s at a load average of 7.
      if (threads.size() < 2 && seen.size() % 100 == 0 && pauses.incrementAndGet() <= 1_500) {
        slowly();
      }
      seen.add(Set.of(a, b));
      threads.add(Thread.currentThread());
      inside.decrementAndGet();
    });
    assertThat(overlaps).hasValue(0);
    assertThat(seen).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(threads).as("threads that handed connections to the sink").hasSize(2);
  }

  /**
   * Ids as the service gives them (time-ordered, 18 digits) and up to the largest come out whole:
   * PostgreSQL's copy sends them as 8 bytes each, SQLite's as text.
   */
  @Test
  void forEachConnection_givesLargeIdsWhole() {
    long[] ids = {252_679_144_465_244_160L, 252_679_144_465_244_161L, 252_679_145_316_692_239L,
        Long.MAX_VALUE - 1, Long.MAX_VALUE};
    for (long id : ids) {
      add(person(id, "large-" + Long.toString(id, 36)));
    }
    Set<Set<Long>> expected = new HashSet<>();
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      for (int j = i + 1; j < ids.length; j++) {
        expected.add(Set.of(ids[i], ids[j]));
        changes.add(new Change.AddConnection(ids[i], ids[j], T0));
      }
    }
    apply(changes.toArray(Change[]::new));
    List<Set<Long>> seen = new ArrayList<>();
    store.forEachConnection((a, b) -> seen.add(Set.of(a, b)));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * Loads taken while others commit: the events after each one's position, replayed onto it, give
   * the connections at the end. Where a load reflects exactly its position (SQLite: one writer),
   * it also equals the log replayed up to that position. Each load's sink is slow to take its
   * first connection, so that commits land while the second session starts: on SQLite, whose
   * sessions cannot share a snapshot, that session must then sit out.
   */
  @Test
  void aLoadWhileOthersCommit_givesTheConnectionsOfItsPosition() throws Exception {
    List<Member> members = IntStream.range(0, 60).mapToObj(i -> add("busy-" + i)).toList();
    for (int i = 0; i < members.size(); i++) {
      List<Change> row = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      for (int j = i + 3; j < members.size(); j += 3) {
        row.add(new Change.AddConnection(members.get(i).id(), members.get(j).id(), T0));
        events.add(event(EventType.CONNECTED, members.get(i).id(), members.get(j).id()));
      }
      applied(Map.of(), row, events.toArray(Event[]::new));
    }
    int writers = 4;
    record Load(Set<Set<Long>> connections, long position) {}
    List<Load> loads = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < writers; t++) {
        // Each writer toggles a pair of its own, far apart in id, not connected at the start.
        Member a = members.get(t);
        Member b = members.get(members.size() - 1 - t * 3);
        running.add(pool.submit(() -> {
          for (int i = 0; i < 80; i++) {
            if (i % 2 == 0) {
              applied(Map.of(), List.of(new Change.AddConnection(a.id(), b.id(), T0)),
                  event(EventType.CONNECTED, a.id(), b.id()));
            } else {
              applied(Map.of(), List.of(new Change.RemoveConnection(a.id(), b.id())),
                  event(EventType.DISCONNECTED, a.id(), b.id()));
            }
          }
          return null;
        }));
      }
      while (!running.stream().allMatch(Future::isDone)) {
        Set<Set<Long>> connections = new HashSet<>();
        long position = store.forEachConnection((a, b) -> {
          if (connections.isEmpty()) {
            slowly();
          }
          connections.add(Set.of(a, b));
        });
        loads.add(new Load(connections, position));
      }
      for (Future<?> writer : running) {
        writer.get();
      }
    }
    Set<Set<Long>> end = new HashSet<>();
    store.forEachConnection((a, b) -> end.add(Set.of(a, b)));
    List<Event> log = store.eventsAfter(0, Integer.MAX_VALUE);
    assertThat(loads).isNotEmpty();
    for (Load load : loads) {
      assertThat(replay(load.connections(), log, load.position(), Long.MAX_VALUE))
          .as("load at position %d, and every event after it", load.position()).isEqualTo(end);
      if (loadsExactlyAtTheirPosition()) {
        assertThat(load.connections()).as("load at position %d", load.position())
            .isEqualTo(replay(Set.of(), log, 0, load.position()));
      }
    }
  }

  /** The connections after the log's events in (after, upTo] are applied to {@code start}. */
  private static Set<Set<Long>> replay(Set<Set<Long>> start, List<Event> log, long after, long upTo) {
    Set<Set<Long>> connections = new HashSet<>(start);
    for (Event e : log) {
      if (e.seq() > after && e.seq() <= upTo) {
        switch (e.type()) {
          case CONNECTED -> connections.add(Set.of(e.actorId(), e.subjectId()));
          case DISCONNECTED -> connections.remove(Set.of(e.actorId(), e.subjectId()));
          default -> { }
        }
      }
    }
    return connections;
  }

  /** A sink's pause: long enough for a thread to start and a few commits to land. */
  private static void slowly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A consumer that follows the log with {@code eventsAfter(last seen)} while others commit must
   * end up with every event: a position may never appear below one it has already been given.
   */
  @Test
  void aReaderFollowingTheLog_whileManyCommit_missesNoEvent() throws Exception {
    List<Member> members = IntStream.range(0, 16).mapToObj(i -> add("writer-" + i)).toList();
    int threads = 8;
    int commitsEach = 60;
    List<Long> seen = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads + 1)) {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Member a = members.get(2 * t);
        Member b = members.get(2 * t + 1);
        writers.add(pool.submit(() -> {
          for (int i = 0; i < commitsEach; i++) {
            applied(Map.of(), List.of(new Change.AddRefusal(a.id(), T0)),
                event(EventType.INVITATION_REFUSED, a.id(), b.id()), event(EventType.INVITATION_REFUSED, b.id(), a.id()));
          }
          return null;
        }));
      }
      Future<?> reader = pool.submit(() -> {
        long last = 0;
        while (!writers.stream().allMatch(Future::isDone) || !store.eventsAfter(last, 1).isEmpty()) {
          for (Event e : store.eventsAfter(last, 50)) {
            seen.add(e.seq());
            last = e.seq();
          }
        }
        return null;
      });
      for (Future<?> writer : writers) {
        writer.get();
      }
      reader.get();
    }
    List<Long> all = store.eventsAfter(0, Integer.MAX_VALUE).stream().map(Event::seq).toList();
    assertThat(all).hasSize(members.size() + threads * commitsEach * 2);
    assertThat(seen).isEqualTo(all);
  }
}
