package dev.rapport.network;

/**
 * A fixed set of nodes, built once and then only asked about: a bitmap when the set holds a fair
 * share of all nodes (one bit per node, a lookup is one load), else the sorted array (four bytes
 * per member, a lookup is a binary search).
 */
sealed interface NodeSet {
  /** Above this share of all nodes (1 in 32), a bitmap is no larger than the sorted array. */
  int BITMAP_SHARE = 32;

  boolean contains(int node);

  /** Whether any of {@code values[from..to)} is in the set. */
  boolean containsAny(int[] values, int from, int to);

  /** The set of the given sorted nodes, out of {@code nodeCount} in all. */
  static NodeSet of(int[] sorted, int nodeCount) {
    if ((long) sorted.length * BITMAP_SHARE < nodeCount) {
      return new Sorted(sorted);
    }
    long[] words = new long[(nodeCount + 63) >>> 6];
    for (int node : sorted) {
      words[node >>> 6] |= 1L << node;
    }
    return new Bitmap(words);
  }

  record Sorted(int[] nodes) implements NodeSet {
    @Override
    public boolean contains(int node) {
      return SortedSets.contains(nodes, 0, nodes.length, node);
    }

    @Override
    public boolean containsAny(int[] values, int from, int to) {
      return SortedSets.intersects(nodes, 0, nodes.length, values, from, to);
    }
  }

  record Bitmap(long[] words) implements NodeSet {
    @Override
    public boolean contains(int node) {
      return bit(words, node) != 0;
    }

    /**
     * Four lookups at a time, their bits or-ed together: a degree batch asks this mostly of members
     * out of network, where every value is looked up, so a branch per value only costs.
     */
    @Override
    public boolean containsAny(int[] values, int from, int to) {
      long[] w = words;
      int k = from;
      for (; k + 4 <= to; k += 4) {
        if ((bit(w, values[k]) | bit(w, values[k + 1]) | bit(w, values[k + 2]) | bit(w, values[k + 3])) != 0) {
          return true;
        }
      }
      for (; k < to; k++) {
        if (bit(w, values[k]) != 0) {
          return true;
        }
      }
      return false;
    }

    /** The node's bit in its word, or 0; nodes newer than the bitmap are not in it. */
    private static long bit(long[] words, int node) {
      int word = node >>> 6;
      return word < words.length ? words[word] & (1L << node) : 0;
    }
  }
}
