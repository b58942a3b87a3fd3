package dev.rapport.readcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rapport.kernel.Event;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Answers of the store, remembered with the log position they were read at and the members they
 * depend on, and served again only while no later event names one of those members
 * (docs/decisions/0012). Bounded by weight: one unit per member an answer holds. Thread safe.
 */
final class RememberedReads {
  /**
   * The newest namings kept to tell an answer on many members what changed since it was made:
   * 4,096 (68 KiB), some two thousand events: a second of a busy network, minutes of a quiet one
   * (docs/decisions/0037-a-remembered-page-reads-the-events-since-it.md).
   */
  private static final int RECENT_NAMINGS_BITS = 12;
  /** Below this many members an answer reads their stamps: as cheap as reading the events since. */
  private static final int MANY_MEMBERS = 64;
  private final Cache<Object, Entry> entries;
  private final LogStamps stamps;
  private final RecentEvents recent = new RecentEvents(RECENT_NAMINGS_BITS);
  private final boolean remembersNothing;
  /**
   * The position of the newest event recorded: any event recorded later is past it, so it is the
   * position a load started now is remembered at.
   */
  private volatile long recorded;
  /**
   * The position of the event recorded before the newest: events are applied one at a time, so
   * whatever else follows the log (the graph index, the feed index) has applied it, which the
   * newest may not be yet when a query reads.
   */
  private volatile long settled;

  /**
   * What a remembered answer depends on: the events of kind {@code events} that name any of {@code
   * ids}, and, if {@code and} is not null, what it says too.
   */
  record Depends(long[] ids, MemberEvents events, Depends and, boolean ascending) {
    Depends(long[] ids, MemberEvents events, Depends and) {
      this(ids, events, and, ids.length >= MANY_MEMBERS && isAscending(ids));
    }

    /**
     * On {@code ids}' events of the kind {@code events}: the held answer's own when it was made on
     * these very ids, which spares checking again that a thousand authors are in order.
     */
    static Depends of(Held<?> held, long[] ids, MemberEvents events) {
      Depends before = held == null ? null : held.depends();
      return before != null && before.ids() == ids && before.events() == events && before.and() == null ? before
          : new Depends(ids, events, null);
    }

    static Depends onAll(long... ids) {
      return new Depends(ids, MemberEvents.ALL, null);
    }

    private static boolean isAscending(long[] ids) {
      for (int i = 1; i < ids.length; i++) {
        if (ids[i - 1] >= ids[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** A remembered answer: valid while nothing it depends on has changed since {@code position}. */
  private record Entry(Object value, long position, Depends depends, boolean onProfiles, int weight) {}

  /**
   * @param maxWeight how many members' worth of answers to keep at most
   * @param bucketBits as for {@link LogStamps}
   */
  RememberedReads(long maxWeight, int bucketBits) {
    this.stamps = new LogStamps(bucketBits);
    this.remembersNothing = maxWeight == 0;
    this.entries = Caffeine.newBuilder()
        .maximumWeight(maxWeight)
        .weigher((Object key, Entry entry) -> entry.weight())
        .executor(Runnable::run) // evictions are a few pointer moves: not worth a hand-off
        .build();
  }

  /** Called for each event of the log, in log order. */
  void record(Event event) {
    stamps.record(event);
    recent.record(event);
    settled = recorded;
    recorded = event.seq();
  }

  /**
   * The remembered answer for the key if it is still valid, else the loaded one, remembered unless
   * {@code dependsOn} gives null for it (an answer no event would make stale, such as "no such member").
   *
   * @param dependsOn the members whose events make the answer stale
   * @param onProfiles whether any member's profile change makes it stale (an answer that hides
   *     members by their settings, who are then not among {@code dependsOn})
   * @param weight how many members the answer holds
   */
  <T> T read(Object key, Supplier<T> load, Function<T, long[]> dependsOn, boolean onProfiles,
      ToIntFunction<T> weight) {
    T remembered = valid(key);
    if (remembered != null) {
      return remembered;
    }
    long position = position();
    T value = load.get();
    long[] members = dependsOn.apply(value);
    if (members != null) {
      remember(key, value, position, Depends.onAll(members), onProfiles, weight.applyAsInt(value));
    }
    return value;
  }

  /** The remembered answer for the key, or null if there is none or it may be stale. */
  <T> T valid(Object key) {
    Entry entry = entries.getIfPresent(key);
    if (entry == null || entry.onProfiles() && !stamps.noProfileChangedSince(entry.position())) {
      return null;
    }
    for (Depends d = entry.depends(); d != null; d = d.and()) {
      if (!unchangedSince(entry.position(), d)) {
        return null;
      }
    }
    @SuppressWarnings("unchecked") // every key is remembered with the type its read loads
    T value = (T) entry.value();
    return value;
  }

  /** The position to {@link #remember} a load at: read before the load, whatever it sees is at least this new. */
  long position() {
    return recorded;
  }

  /**
   * The position to remember an answer derived from other indexes at: one that the graph and feed
   * indexes have applied, which may be older than {@link #position}.
   */
  long settledPosition() {
    return settled;
  }

  void remember(Object key, Object value, long position, long[] dependsOn, boolean onProfiles, int weight) {
    remember(key, value, position, Depends.onAll(dependsOn), onProfiles, weight);
  }

  void remember(Object key, Object value, long position, Depends depends, boolean onProfiles, int weight) {
    if (remembersNothing) {
      return;
    }
    entries.put(key, new Entry(value, position, depends, onProfiles, 1 + weight));
  }

  /** An answer as remembered, current or not, the log position it was remembered at and what it depends on. */
  record Held<T>(T value, long position, Depends depends) {}

  /** The answer remembered for the key, current or not, or null. */
  <T> Held<T> held(Object key) {
    Entry entry = entries.getIfPresent(key);
    @SuppressWarnings("unchecked") // every key is remembered with the type its read loads
    Held<T> held = entry == null ? null : new Held<>((T) entry.value(), entry.position(), entry.depends());
    return held;
  }

  /**
   * The members and posts of {@code depends} (not those of its {@code and}) that an event of its kind
   * named after {@code position}, in their order there, or too many when their stamps are shared;
   * never too few. Read from the events since when the answer depends on many members, in ascending
   * order, and the ring still holds those events and they are fewer than half its members; else from
   * each member's stamp, in one pass.
   */
  long[] changedSince(long position, Depends depends) {
    long[] ids = depends.ids();
    if (depends.ascending()) {
      long[] named = new long[Math.min(ids.length / 4, 256)];
      int count = recent.namedSince(position, depends.events(), ids.length / 2, named);
      if (count >= 0) {
        return among(ids, named, count);
      }
    }
    return stamps.changedSince(position, ids, depends.events());
  }

  /**
   * As {@link #changedSince}, for the few ids of an answer's parts (ascending, some forty for a page
   * of twenty posts): read from the newest {@value #FEW_NAMINGS} namings when the events since are
   * that few, which reads less than a stamp per id, else from the stamps.
   */
  long[] changedAmong(long position, long[] ascendingIds, MemberEvents events) {
    long[] named = new long[FEW_NAMINGS];
    int count = recent.namedSince(position, events, FEW_NAMINGS, named);
    return count >= 0 ? among(ascendingIds, named, count) : stamps.changedSince(position, ascendingIds, events);
  }

  /** How many namings since a part was made are read before its ids' stamps are read instead. */
  private static final int FEW_NAMINGS = 32;

  /** Whether no event of its kind after {@code position} named a member or post of {@code depends}: as {@link #changedSince}, stopping at the first. */
  private boolean unchangedSince(long position, Depends depends) {
    long[] ids = depends.ids();
    if (depends.ascending()) {
      long[] named = new long[Math.min(ids.length / 4, 256)];
      int count = recent.namedSince(position, depends.events(), ids.length / 2, named);
      if (count >= 0) {
        for (int i = 0; i < count; i++) {
          if (Arrays.binarySearch(ids, named[i]) >= 0) {
            return false;
          }
        }
        return true;
      }
    }
    return stamps.unchangedSince(position, ids, depends.events());
  }

  /** Those of {@code ids}, ascending, that are among the first {@code count} of {@code named}, ascending. */
  private static long[] among(long[] ids, long[] named, int count) {
    int found = 0;
    for (int i = 0; i < count; i++) {
      if (Arrays.binarySearch(ids, named[i]) >= 0) {
        named[found++] = named[i];
      }
    }
    if (found == 0) {
      return NONE;
    }
    Arrays.sort(named, 0, found);
    int distinct = 1;
    for (int i = 1; i < found; i++) {
      if (named[i] != named[distinct - 1]) {
        named[distinct++] = named[i];
      }
    }
    return Arrays.copyOf(named, distinct);
  }

  private static final long[] NONE = {};

  /** Whether no member's profile or settings changed after {@code position}. */
  boolean noProfileChangedSince(long position) {
    return stamps.noProfileChangedSince(position);
  }

  /** Whether an answer is remembered for the key, current or not. */
  boolean holds(Object key) {
    return entries.getIfPresent(key) != null;
  }

  /** Drops the key's answer: the next read loads it again. */
  void forget(Object key) {
    entries.invalidate(key);
  }

  long stampBytes() {
    return stamps.bytes() + recent.bytes();
  }
}
