package dev.rapport.network;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Network size (N3) by a direction-optimizing search: the 2nd degree is marked from the viewer's
 * connections, and the 3rd degree is found from whichever side reads less, outward from the 2nd
 * degree or, when its lists hold more entries than there are members, from each member not yet
 * reached, stopping at its first connection in the 2nd degree (docs/decisions/0003). Stateless;
 * safe from any thread.
 */
final class DirectionOptimizingNetworkSize {
  private DirectionOptimizingNetworkSize() {}

  /**
   * The viewer's network size among the first {@code n} nodes of {@code current}. Linear in the
   * entries of the lists it reads: those of the 2nd degree, or those of the members outside it.
   */
  static NetworkSize of(AdjacencyRows current, int v, int n) {
    AdjacencyRows.Slice first = current.slice(v);
    BitSet second = current.secondDegree(v, n);
    BitSet near = (BitSet) second.clone();
    near.set(v);
    long outward = 0; // the lists a search outward from the 2nd degree would read, entry by entry
    for (int k = first.from(); k < first.to(); k++) {
      near.set(first.values()[k]);
    }
    for (int u = second.nextSetBit(0); u >= 0; u = second.nextSetBit(u + 1)) {
      outward += current.slice(u).size();
    }
    // When the 2nd degree is large, most members are 3rd-degree: asking each member outside
    // whether one of its connections is 2nd-degree stops at the first that is, and reads far less
    // than every list of the 2nd degree.
    int third = outward > n ? thirdFromOutside(current, n, near, second) : thirdFromInside(current, near, second);
    return new NetworkSize(first.size(), second.cardinality(), third);
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

  /** Members outside {@code near} with a connection in {@code second}, found from the 2nd degree. */
  private static int thirdFromInside(AdjacencyRows current, BitSet near, BitSet second) {
    BitSet seen = near; // taken over: marks the 3rd degree as it is found
    int third = 0;
    for (int u = second.nextSetBit(0); u >= 0; u = second.nextSetBit(u + 1)) {
      AdjacencyRows.Slice s = current.slice(u);
      for (int k = s.from(); k < s.to(); k++) {
        int w = s.values()[k];
        if (!seen.get(w)) {
          seen.set(w);
          third++;
        }
      }
    }
    return third;
  }
}
