package dev.rapport.network;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Network size (N3) by a direction-optimizing search: the 2nd degree is marked from the viewer's
 * connections, and the 3rd degree is found from whichever side costs less, outward from the 2nd
 * degree, or from each member not yet reached, stopping at its first connection in the 2nd degree
 * (docs/decisions/0011). The cost of each side is predicted from what it will read (the entries
 * of the 2nd degree's lists, or the members outside) times the nanoseconds each unit took in this
 * index's own earlier searches, since a member outside costs many times more on some graphs than
 * on others. Safe from any thread: the costs learnt are estimates, and a lost update loses little.
 */
final class DirectionOptimizingNetworkSize {
  /** Which side a search starts from: chosen by cost, or forced (for tests). */
  enum Direction {
    CHOSEN,
    INSIDE,
    OUTSIDE
  }

  /** Searches smaller than this many units say more about fixed costs than about the unit's. */
  private static final int LEAST_UNITS_TO_LEARN = 1_024;
  /** Each search moves a unit's cost a sixteenth of the way towards what it measured. */
  private static final double LEARNING_RATE = 1.0 / 16;
  /** Predictions closer than this try the other side now and then, so that both stay measured. */
  private static final double CLOSE = 1.5;

  /** Nanoseconds for each entry of the 2nd degree's lists that a search from inside reads. */
  private volatile double insideNanosPerEntry = 1.5;
  /** Nanoseconds for each member outside the 2nd degree that a search from outside looks at. */
  private volatile double outsideNanosPerMember = 40;
  private int closeCalls;

  /**
   * The viewer's network size among the first {@code n} nodes of {@code current}. Linear in the
   * entries of the lists it reads: those of the 2nd degree, or those of the members outside it up
   * to the first in the 2nd degree.
   */
  NetworkSize of(AdjacencyRows current, int v, int n, Direction direction) {
    AdjacencyRows.Slice first = current.slice(v);
    BitSet second = current.secondDegree(v, n);
    BitSet near = (BitSet) second.clone();
    near.set(v);
    for (int k = first.from(); k < first.to(); k++) {
      near.set(first.values()[k]);
    }
    long entries = 0; // what a search from inside reads
    for (int u = second.nextSetBit(0); u >= 0; u = second.nextSetBit(u + 1)) {
      entries += current.slice(u).size();
    }
    long outside = Math.max(0, n - near.cardinality()); // what a search from outside looks at
    boolean fromOutside = switch (direction) {
      case INSIDE -> false;
      case OUTSIDE -> true;
      case CHOSEN -> choosesOutside(entries, outside);
    };
    long started = System.nanoTime();
    int third = fromOutside ? thirdFromOutside(current, n, near, second) : thirdFromInside(current, n, near, second);
    learn(fromOutside, fromOutside ? outside : entries, System.nanoTime() - started);
    return new NetworkSize(first.size(), second.cardinality(), third);
  }

  private boolean choosesOutside(long entries, long outside) {
    double fromInside = entries * insideNanosPerEntry;
    double fromOutside = outside * outsideNanosPerMember;
    boolean cheaperOutside = fromOutside < fromInside;
    if (Math.max(fromInside, fromOutside) < CLOSE * Math.min(fromInside, fromOutside) && (++closeCalls & 255) == 0) {
      return !cheaperOutside;
    }
    return cheaperOutside;
  }

  /** Moves the unit cost of the side that ran towards what it took, unless the search was small. */
  private void learn(boolean fromOutside, long units, long nanos) {
    if (units < LEAST_UNITS_TO_LEARN) {
      return;
    }
    double was = fromOutside ? outsideNanosPerMember : insideNanosPerEntry;
    // A search stalled by a pause of the machine should not teach much: at most four times either way.
    double measured = Math.clamp((double) nanos / units, was / 4, was * 4);
    double now = was + (measured - was) * LEARNING_RATE;
    if (fromOutside) {
      outsideNanosPerMember = now;
    } else {
      insideNanosPerEntry = now;
    }
  }

  /**
   * Members outside {@code near} with a connection in {@code second}, found from their side. This
   * loop visits nearly every node of the network, so it reads the bit sets as plain words, a word
   * of outside members at a time, and each list straight from the rows and the overlay, as
   * {@link AdjacencyRows#slice} would, which was measurably faster (see BENCHMARKS.md).
   */
  private static int thirdFromOutside(AdjacencyRows current, int n, BitSet near, BitSet second) {
    long[] secondWords = second.toLongArray();
    long[] nearWords = near.toLongArray();
    int[] offsets = current.offsets();
    int[] targets = current.targets();
    AtomicReferenceArray<int[]> overlay = current.overlay();
    int overlaid = Math.min(n, overlay.length());
    int base = Math.min(n, current.baseNodes());
    int third = 0;
    int words = (n + 63) >>> 6;
    for (int word = 0; word < words; word++) {
      long outside = ~(word < nearWords.length ? nearWords[word] : 0L);
      for (; outside != 0; outside &= outside - 1) {
        int w = (word << 6) + Long.numberOfTrailingZeros(outside);
        int[] values = w < overlaid ? overlay.get(w) : null;
        int from;
        int to;
        if (values != null) {
          from = 0;
          to = values.length;
        } else if (w < base) {
          values = targets;
          from = offsets[w];
          to = offsets[w + 1];
        } else {
          continue; // no list, or a node from n on
        }
        // From the end, where a build put the hubs, the members most likely to be 2nd-degree.
        for (int k = to - 1; k >= from; k--) {
          int x = values[k];
          int xWord = x >>> 6;
          if (xWord < secondWords.length && (secondWords[xWord] & (1L << x)) != 0) {
            third++;
            break;
          }
        }
      }
    }
    return third;
  }

  /**
   * Members outside {@code near} with a connection in {@code second}, found from the 2nd degree:
   * every list of it is marked into words without a test per entry, and the marks outside
   * {@code near} are counted at the end.
   */
  private static int thirdFromInside(AdjacencyRows current, int n, BitSet near, BitSet second) {
    long[] reached = new long[(n + 63) >>> 6];
    int[] offsets = current.offsets();
    int[] targets = current.targets();
    AtomicReferenceArray<int[]> overlay = current.overlay();
    int overlaid = Math.min(n, overlay.length());
    int base = Math.min(n, current.baseNodes());
    for (int u = second.nextSetBit(0); u >= 0; u = second.nextSetBit(u + 1)) {
      int[] values = u < overlaid ? overlay.get(u) : null;
      int from;
      int to;
      if (values != null) {
        from = 0;
        to = values.length;
      } else if (u < base) {
        values = targets;
        from = offsets[u];
        to = offsets[u + 1];
      } else {
        continue;
      }
      for (int k = from; k < to; k++) {
        int w = values[k];
        if (w < n) {
          reached[w >>> 6] |= 1L << w;
        }
      }
    }
    long[] nearWords = near.toLongArray();
    int third = 0;
    for (int word = 0; word < reached.length; word++) {
      third += Long.bitCount(reached[word] & ~(word < nearWords.length ? nearWords[word] : 0L));
    }
    return third;
  }
}
