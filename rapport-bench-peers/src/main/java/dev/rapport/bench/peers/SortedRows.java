package dev.rapport.bench.peers;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Distinct connections sorted by counting, for {@link ChungLuGenerator}: each connection's higher
 * end in the row of its lower end, rows end to end ({@code offsets}, {@code highs}), each row
 * sorted and without repeats. Five hundred million connections sort so in a fraction of the time
 * a sort of their keys takes, and in 4 bytes each instead of 8.
 */
final class SortedRows {
  private final int[] offsets;
  private final int[] highs;
  private final int size;

  private SortedRows(int[] offsets, int[] highs, int size) {
    this.offsets = offsets;
    this.highs = highs;
    this.size = size;
  }

  /**
   * The distinct connections among the keys {@code keys[0..count)} ({@link Graph#key}) of members
   * {@code 0..members-1}. The ends of each repeat lose one from their {@code degree}. The rows are
   * filled and sorted on every processor, each taking a range of rows and reading every key.
   */
  static SortedRows of(long[] keys, int count, int members, int[] degree) {
    int[] offsets = new int[members + 1];
    for (int i = 0; i < count; i++) {
      offsets[(int) (keys[i] >>> 32) + 1]++;
    }
    for (int m = 0; m < members; m++) {
      offsets[m + 1] += offsets[m];
    }
    int[] highs = new int[count];
    int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), members / 1_024));
    int[] bounds = new int[parts + 1];
    for (int p = 1; p <= parts; p++) {
      bounds[p] = (int) ((long) members * p / parts);
    }
    IntStream.range(0, parts).parallel().forEach(p -> {
      int from = bounds[p];
      int to = bounds[p + 1];
      int[] fill = Arrays.copyOfRange(offsets, from, to);
      for (int i = 0; i < count; i++) {
        int low = (int) (keys[i] >>> 32);
        if (low >= from && low < to) {
          highs[fill[low - from]++] = (int) keys[i];
        }
      }
      for (int m = from; m < to; m++) {
        Arrays.sort(highs, offsets[m], offsets[m + 1]);
      }
    });
    // Repeats are rare: one pass drops them, moving the rest left over the gaps.
    int write = 0;
    for (int m = 0; m < members; m++) {
      int start = offsets[m];
      int end = offsets[m + 1];
      offsets[m] = write;
      for (int k = start; k < end; k++) {
        if (k > start && highs[k] == highs[k - 1]) {
          degree[m]--;
          degree[highs[k]]--;
        } else {
          highs[write++] = highs[k];
        }
      }
    }
    offsets[members] = write;
    return new SortedRows(offsets, highs, write);
  }

  /** How many distinct connections. */
  int size() {
    return size;
  }

  /** Whether the connection of this key is among the rows. */
  boolean contains(long key) {
    int low = (int) (key >>> 32);
    return Arrays.binarySearch(highs, offsets[low], offsets[low + 1], (int) key) >= 0;
  }

  /** The graph of the rows' connections and the sorted keys {@code extra}, which the rows do not hold. */
  Graph toGraph(String name, long[] extra) {
    int members = offsets.length - 1;
    int total = size + extra.length;
    int[] from = new int[total];
    int[] to = new int[total];
    int w = 0;
    int e = 0;
    for (int m = 0; m < members; m++) {
      int k = offsets[m];
      int end = offsets[m + 1];
      while (k < end || e < extra.length && (int) (extra[e] >>> 32) == m) {
        boolean fromExtra = e < extra.length && (int) (extra[e] >>> 32) == m && (k == end || (int) extra[e] < highs[k]);
        from[w] = m;
        to[w++] = fromExtra ? (int) extra[e++] : highs[k++];
      }
    }
    return new Graph(name, members, from, to);
  }
}
