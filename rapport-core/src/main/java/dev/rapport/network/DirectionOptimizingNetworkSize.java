package dev.rapport.network;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Network size (N3) by a direction-optimizing search: the 2nd degree is marked from the viewer's
 * connections, and the 3rd degree is found from whichever side costs less, outward from the 2nd
 * degree, or from each member not yet reached, stopping at its first connection in the 2nd degree.
 * The cost of the search from outside depends on how far into each list that first connection
 * lies, which differs from graph to graph by a factor of thirty, so it is measured on a sample of
 * the members outside before choosing (docs/decisions/0011). Stateless; safe from any thread.
 */
final class DirectionOptimizingNetworkSize {
  /** Which side a search starts from: chosen by cost, or forced (for tests). */
  enum Direction {
    CHOSEN,
    INSIDE,
    OUTSIDE
  }

  /** Nanoseconds a search from inside spends on an entry of the 2nd degree's lists. */
  private static final double INSIDE_NANOS_PER_ENTRY = 1.5;
  /** Nanoseconds a search from outside spends on a member, and on each entry of its list it reads. */
  private static final double OUTSIDE_NANOS_PER_MEMBER = 20;
  private static final double OUTSIDE_NANOS_PER_ENTRY = 2;
  /** How many members outside the cost of the search from outside is measured on. */
  private static final int SAMPLED = 64;

  private DirectionOptimizingNetworkSize() {}

  /**
   * The viewer's network size among the first {@code n} nodes of {@code current}. Linear in the
   * entries of the lists it reads: those of the 2nd degree, or those of the members outside it up
   * to the first in the 2nd degree.
   */
  static NetworkSize of(AdjacencyRows current, int v, int n, Direction direction) {
    AdjacencyRows.Slice first = current.slice(v);
    BitSet second = current.secondDegree(v, n);
    BitSet near = (BitSet) second.clone();
    near.set(v);
    for (int k = first.from(); k < first.to(); k++) {
      near.set(first.values()[k]);
    }
    boolean fromOutside = switch (direction) {
      case INSIDE -> false;
      case OUTSIDE -> true;
      case CHOSEN -> cheaperFromOutside(current, n, near, second);
    };
    int third = fromOutside ? thirdFromOutside(current, n, near, second) : thirdFromInside(current, n, near, second);
    return new NetworkSize(first.size(), second.cardinality(), third);
  }

  /**
   * Whether the search from outside is predicted to cost less: the entries of the 2nd degree's
   * lists against the members outside, each with the entries read before its first connection in
   * the 2nd degree, as measured on up to {@value #SAMPLED} of them spread over the nodes. The lists
   * are summed largest first (the hubs are numbered last), and only until the sum decides: past
   * the least the outside could cost, the outside is sampled, and past its predicted cost the sum
   * stops, as summing every list of a large 2nd degree cost as much as the choice saved
   * (docs/decisions/0014). Decides as {@link #cheaperFromOutsideSummingAll} does.
   */
  static boolean cheaperFromOutside(AdjacencyRows current, int n, BitSet near, BitSet second) {
    int outside = n - near.cardinality();
    if (outside <= 0) {
      return true;
    }
    // Even a first entry in the 2nd degree for everyone outside costs this much.
    double outsideCost = outside * (OUTSIDE_NANOS_PER_MEMBER + OUTSIDE_NANOS_PER_ENTRY);
    boolean sampled = false;
    long entries = 0;
    for (int u = second.previousSetBit(n - 1); u >= 0; u = second.previousSetBit(u - 1)) {
      entries += current.slice(u).size();
      if (entries * INSIDE_NANOS_PER_ENTRY > outsideCost) {
        if (sampled) {
          return true;
        }
        sampled = true;
        outsideCost = outside * outsideNanosPerMember(current, n, near, second);
        if (entries * INSIDE_NANOS_PER_ENTRY > outsideCost) {
          return true;
        }
      }
    }
    return false;
  }

  /** The rule of {@link #cheaperFromOutside} with every list summed first: for tests. */
  static boolean cheaperFromOutsideSummingAll(AdjacencyRows current, int n, BitSet near, BitSet second) {
    int outside = n - near.cardinality();
    if (outside <= 0) {
      return true;
    }
    long entries = 0;
    for (int u = second.nextSetBit(0); u >= 0 && u < n; u = second.nextSetBit(u + 1)) {
      entries += current.slice(u).size();
    }
    double fromInside = entries * INSIDE_NANOS_PER_ENTRY;
    if (outside * (OUTSIDE_NANOS_PER_MEMBER + OUTSIDE_NANOS_PER_ENTRY) >= fromInside) {
      return false;
    }
    return outside * outsideNanosPerMember(current, n, near, second) < fromInside;
  }

  /**
   * The predicted cost of the search from outside per member outside {@code near}: the entries it
   * reads before the first in {@code second}, or the whole list, as measured on up to
   * {@value #SAMPLED} of them spread over the nodes.
   */
  private static double outsideNanosPerMember(AdjacencyRows current, int n, BitSet near, BitSet second) {
    long read = 0;
    int sampled = 0;
    int stride = Math.max(1, n / SAMPLED);
    for (int w = near.nextClearBit(0); w < n && sampled < SAMPLED; w = near.nextClearBit(w + stride)) {
      AdjacencyRows.Slice s = current.slice(w);
      int k = s.to() - 1;
      while (k >= s.from() && !second.get(s.values()[k])) {
        k--;
      }
      read += s.to() - Math.max(k, s.from());
      sampled++;
    }
    return OUTSIDE_NANOS_PER_MEMBER + OUTSIDE_NANOS_PER_ENTRY * read / Math.max(1, sampled);
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
