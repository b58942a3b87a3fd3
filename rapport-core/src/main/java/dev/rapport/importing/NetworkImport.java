package dev.rapport.importing;

import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A network to bring into Rapport, as read from elsewhere (a file): people, each with the handle
 * they have here, and the connections between them, with the time they connected where known.
 * {@link dev.rapport.Rapport#importNetwork} imports it.
 *
 * <p>People are kept by handle: adding a handle again answers the first one's index and keeps its
 * name. A connection is kept once per pair, whichever way round and however often it is given (some
 * files list each one both ways), with the time it was first given. Not thread safe.
 */
public final class NetworkImport {
  private static final long NO_TIME = Long.MIN_VALUE;

  private final List<NewMember> people = new ArrayList<>();
  private final Map<Handle, Integer> indexes = new HashMap<>();
  private final PairSet pairs = new PairSet();
  private int[] ends = new int[2 * 1024];
  private long[] times = new long[1024];
  private int connections;

  /**
   * Adds a person unless one with the same handle is there already.
   *
   * @return the person's index, for {@link #connect}
   * @throws IllegalArgumentException if the member to create is a company page (CP1: pages are
   *     never connected)
   */
  public int person(NewMember person) {
    if (person.kind() != MemberKind.PERSON) {
      throw new IllegalArgumentException("an import brings people, not company pages: " + person.handle());
    }
    Integer known = indexes.get(person.handle());
    if (known != null) {
      return known;
    }
    people.add(person);
    indexes.put(person.handle(), people.size() - 1);
    return people.size() - 1;
  }

  /** Connects two people by index, at whatever time the import runs. See {@link #connect(int, int, Instant)}. */
  public void connect(int a, int b) {
    add(a, b, NO_TIME);
  }

  /**
   * Connects two people by index; the connection is dated {@code since}, when they connected
   * elsewhere. A person may be given on both ends: the import counts that as skipped (C11).
   *
   * @throws IndexOutOfBoundsException if either is not the index of a person
   */
  public void connect(int a, int b, Instant since) {
    add(a, b, since.toEpochMilli());
  }

  private void add(int a, int b, long time) {
    Objects.checkIndex(a, people.size());
    Objects.checkIndex(b, people.size());
    if (!pairs.add(Math.min(a, b), Math.max(a, b))) {
      return;
    }
    if (connections == times.length) {
      times = Arrays.copyOf(times, 2 * connections);
      ends = Arrays.copyOf(ends, 4 * connections);
    }
    ends[2 * connections] = a;
    ends[2 * connections + 1] = b;
    times[connections] = time;
    connections++;
  }

  /** How many people the network has. */
  public int peopleCount() {
    return people.size();
  }

  /** How many distinct connections the network has. */
  public int connectionCount() {
    return connections;
  }

  List<NewMember> people() {
    return people;
  }

  /** One end of connection {@code c}: {@code side} 0 or 1. */
  int end(int c, int side) {
    return ends[2 * c + side];
  }

  Optional<Instant> since(int c) {
    return times[c] == NO_TIME ? Optional.empty() : Optional.of(Instant.ofEpochMilli(times[c]));
  }

  /**
   * The pairs of indexes seen, as an open-addressing hash set of longs. A {@code HashSet<Long>} of
   * the packed pairs hashes {@code low ^ high}, which collides for most pairs of a graph.
   */
  private static final class PairSet {
    private static final long EMPTY = -1;
    private long[] slots = filled(1 << 12);
    private int size;

    /** @return whether the pair was new */
    boolean add(int low, int high) {
      if (2 * (size + 1) > slots.length) {
        grow();
      }
      long key = (long) low << 32 | high;
      if (!insert(slots, key)) {
        return false;
      }
      size++;
      return true;
    }

    private static boolean insert(long[] slots, long key) {
      int mask = slots.length - 1;
      int slot = (int) (mix(key) & mask);
      while (slots[slot] != EMPTY) {
        if (slots[slot] == key) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      slots[slot] = key;
      return true;
    }

    private void grow() {
      long[] bigger = filled(2 * slots.length);
      for (long key : slots) {
        if (key != EMPTY) {
          insert(bigger, key);
        }
      }
      slots = bigger;
    }

    private static long mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return h ^ (h >>> 29);
    }

    private static long[] filled(int length) {
      long[] slots = new long[length];
      Arrays.fill(slots, EMPTY);
      return slots;
    }
  }
}
