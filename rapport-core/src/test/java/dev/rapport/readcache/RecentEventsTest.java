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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The events since an answer was made tell it what changed only when they are all still known
 * (docs/decisions/0037-a-remembered-page-reads-the-events-since-it.md): an answer is told every
 * member an event of its kind named since, or that the events are not known, never fewer.
 */
class RecentEventsTest {
  private static final EventType[] TYPES = {EventType.POSTED, EventType.POST_DELETED, EventType.REACTED,
      EventType.COMMENTED, EventType.POST_EDITED, EventType.FOLLOWED, EventType.MEMBER_UPDATED};

  private static Event event(long seq, EventType type, long actor, long subject, long ref) {
    return new Event(seq, type, Instant.EPOCH, actor, subject, ref);
  }

  private static TreeSet<Long> named(RecentEvents recent, long position, MemberEvents events) {
    long[] into = new long[64];
    int count = recent.namedSince(position, events, 1_000, into);
    assertThat(count).as("known since %d", position).isNotNegative();
    TreeSet<Long> ids = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(into[i]);
    }
    return ids;
  }

  @Test
  void namedSince_givesTheMembersAndPostsNamedAfterThePosition_underTheirKinds() {
    RecentEvents recent = new RecentEvents(6);
    recent.record(event(1, EventType.POSTED, 11, 11, 501));
    recent.record(event(2, EventType.REACTED, 12, 11, 501));
    recent.record(event(3, EventType.FOLLOWED, 13, 14, 0));

    assertThat(named(recent, 0, MemberEvents.ALL)).containsExactly(11L, 12L, 13L, 14L, 501L);
    assertThat(named(recent, 0, MemberEvents.ALL_BUT_ENGAGEMENT)).containsExactly(11L, 13L, 14L);
    assertThat(named(recent, 0, MemberEvents.ALL_BUT_POSTS)).containsExactly(13L, 14L);
    assertThat(named(recent, 1, MemberEvents.ALL_BUT_ENGAGEMENT)).containsExactly(13L, 14L);
    assertThat(named(recent, 3, MemberEvents.ALL)).isEmpty();
  }

  @Test
  void namedSince_isUnknown_onceEventsAfterThePositionWereOverwritten() {
    RecentEvents recent = new RecentEvents(2);
    for (long seq = 1; seq <= 6; seq++) {
      recent.record(event(seq, EventType.POSTED, seq, seq, 0));
    }
    long[] into = new long[8];
    assertThat(recent.namedSince(1, MemberEvents.ALL, 100, into)).as("event 2 is forgotten").isEqualTo(-1);
    assertThat(recent.namedSince(2, MemberEvents.ALL, 100, into)).as("events 3 to 6 are kept").isEqualTo(4);
  }

  @Test
  void namedSince_isUnknown_pastWhatTheCallerScansOrTakes() {
    RecentEvents recent = new RecentEvents(6);
    for (long seq = 1; seq <= 10; seq++) {
      recent.record(event(seq, EventType.FOLLOWED, seq, 100 + seq, 0));
    }
    assertThat(recent.namedSince(5, MemberEvents.ALL, 9, new long[20])).as("10 namings since 5").isEqualTo(-1);
    assertThat(recent.namedSince(5, MemberEvents.ALL, 10, new long[9])).as("10 ids since 5").isEqualTo(-1);
    assertThat(recent.namedSince(5, MemberEvents.ALL, 10, new long[10])).isEqualTo(10);
  }

  /** Over seeded random events, what the ring tells equals what the events themselves name, whenever it tells. */
  @Test
  void namedSince_overRandomEvents_equalsTheEventsNamings_wheneverKnown() {
    for (long seed = 1; seed <= 30; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      RecentEvents recent = new RecentEvents(5);
      List<Event> log = new ArrayList<>();
      long seq = 0;
      int known = 0;
      for (int step = 0; step < 200; step++) {
        seq += 1 + random.nextInt(3);
        long actor = 1 + random.nextInt(20);
        long subject = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(20);
        Event e = event(seq, TYPES[random.nextInt(TYPES.length)], actor, subject, 1000 + random.nextInt(50));
        log.add(e);
        recent.record(e);
        long position = random.nextLong(seq + 1);
        MemberEvents events = MemberEvents.values()[random.nextInt(3)];
        long[] into = new long[64];
        int count = recent.namedSince(position, events, 64, into);
        if (count < 0) {
          continue;
        }
        known++;
        TreeSet<Long> told = new TreeSet<>();
        Arrays.stream(into, 0, count).forEach(told::add);
        assertThat(told).as("seed %d, since %d, %s", seed, position, events).isEqualTo(byHand(log, position, events));
      }
      assertThat(known).as("seed %d: the ring answered some", seed).isGreaterThan(20);
    }
  }

  private static TreeSet<Long> byHand(List<Event> log, long position, MemberEvents events) {
    TreeSet<Long> ids = new TreeSet<>();
    for (Event e : log) {
      if (e.seq() <= position) {
        continue;
      }
      boolean aboutAPost = LogStamps.isAboutAPost(e.type());
      boolean engagement = aboutAPost && e.type() != EventType.POSTED && e.type() != EventType.POST_DELETED;
      boolean counts = switch (events) {
        case ALL -> true;
        case ALL_BUT_ENGAGEMENT -> !engagement;
        case ALL_BUT_POSTS -> !aboutAPost;
      };
      if (counts) {
        ids.add(e.actorId());
        if (e.subjectId() != 0) {
          ids.add(e.subjectId());
        }
      }
      if (aboutAPost && events == MemberEvents.ALL) {
        ids.add(e.refId());
      }
    }
    return ids;
  }

  /**
   * Read while the log's thread writes, the ring tells every member named between a position and
   * the newest event the reader knew recorded, or that it does not know: never a partial list.
   */
  @Test
  void namedSince_readWhileTheLogWrites_neverMissesANaming() throws InterruptedException {
    // A ring of four, read three back: the log's thread overwrites what a read reads within an event or two.
    RecentEvents recent = new RecentEvents(2);
    AtomicLong recorded = new AtomicLong();
    int events = 2_000_000;
    Thread log = Thread.ofPlatform().start(() -> {
      for (long seq = 1; seq <= events; seq++) {
        // Each event names a member that tells it apart from every other.
        recent.record(event(seq, EventType.FOLLOWED, seq, 0, 0));
        recorded.set(seq);
      }
    });
    long checked = 0;
    long[] into = new long[16];
    while (recorded.get() < events) {
      long upTo = recorded.get();
      long position = Math.max(0, upTo - 3);
      int count = recent.namedSince(position, MemberEvents.ALL, 4, into);
      if (count >= 0) {
        TreeSet<Long> told = new TreeSet<>();
        Arrays.stream(into, 0, count).forEach(told::add);
        for (long seq = position + 1; seq <= upTo; seq++) {
          assertThat(told).as("since %d, recorded up to %d", position, upTo).contains(seq);
        }
        checked++;
      }
    }
    log.join();
    assertThat(checked).isPositive();
  }
}
