package dev.rapport.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What changed since an answer on many members was remembered, told from the events since or from
 * the stamps (docs/decisions/0037-a-remembered-page-reads-the-events-since-it.md): over seeded random
 * events (decision 0006), never fewer members than the events named, and an answer served again only
 * when none of its members was named.
 */
class RememberedReadsProperties {
  private static final EventType[] TYPES = {EventType.POSTED, EventType.POST_DELETED, EventType.REACTED,
      EventType.COMMENTED, EventType.FOLLOWED, EventType.BLOCKED};
  private static final int MEMBERS = 400;

  @Test
  void changedSince_andValid_neverMissAMemberTheEventsSinceNamed() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      // Few buckets, so that stamps are shared and tell more than was named; the ring tells exactly.
      RememberedReads remembered = new RememberedReads(10_000, 6);
      List<Event> log = new ArrayList<>();
      long seq = 0;
      for (int step = 0; step < 3_000; step++) {
        // Bursts of a few events between reads, now and then thousands, past what the ring keeps.
        int burst = random.nextInt(50) == 0 ? 2_000 + random.nextInt(3_000) : random.nextInt(6);
        for (int e = 0; e < burst; e++) {
          Event event = new Event(++seq, TYPES[random.nextInt(TYPES.length)], Instant.EPOCH,
              1 + random.nextInt(MEMBERS), random.nextBoolean() ? 0 : 1 + random.nextInt(MEMBERS),
              10_000 + random.nextInt(MEMBERS));
          log.add(event);
          remembered.record(event);
        }
        long position = Math.max(0, seq - random.nextInt(40));
        MemberEvents events = MemberEvents.values()[random.nextInt(3)];
        long[] ids = LongStream.rangeClosed(1, MEMBERS).filter(id -> random.nextInt(3) == 0).toArray();
        RememberedReads.Depends depends = new RememberedReads.Depends(ids, events, null);
        TreeSet<Long> truth = namedSince(log, position, events, ids);

        long[] changed = remembered.changedSince(position, depends);
        assertThat(changed).as("seed %d, step %d: in the order of the ids", seed, step).isSorted();
        assertThat(Arrays.stream(changed).boxed().toList()).as("seed %d, step %d, since %d, %s", seed, step,
            position, events).containsAll(truth);

        Object key = "answer " + step;
        remembered.remember(key, "remembered", position, depends, false, 1);
        if (!truth.isEmpty()) {
          String served = remembered.valid(key);
          assertThat(served).as("seed %d, step %d: stale", seed, step).isNull();
        }
      }
    }
  }

  private static TreeSet<Long> namedSince(List<Event> log, long position, MemberEvents events, long[] ids) {
    TreeSet<Long> named = new TreeSet<>();
    for (int i = log.size() - 1; i >= 0 && log.get(i).seq() > position; i--) {
      Event e = log.get(i);
      if ((LogStamps.memberKinds(e.type()) & 1 << events.ordinal()) != 0) {
        named.add(e.actorId());
        if (e.subjectId() != 0) {
          named.add(e.subjectId());
        }
      }
    }
    named.removeIf(id -> Arrays.binarySearch(ids, id) < 0);
    return named;
  }
}
