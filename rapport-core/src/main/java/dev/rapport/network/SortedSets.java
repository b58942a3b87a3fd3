package dev.rapport.network;

/**
 * Set algebra on ranges of sorted int arrays: the adjacency lists of the graph index (DESIGN
 * decision 5). A set is {@code values[from..to)}, strictly increasing. Nothing here allocates, so
 * a query can run millions of these without touching the heap.
 *
 * <p>Two strategies, picked by the sizes: a merge that advances both sides without branching on
 * the data (so mispredicted branches do not cost a pipeline flush at every step), and, when one set
 * is many times smaller than the other, a search for each of its elements in the larger one that
 * gallops ahead from the last position found. Set ids are never negative, which the merges' sign
 * arithmetic relies on.
 */
public final class SortedSets {
  /** Beyond this size ratio, searching the larger set beats walking it. */
  private static final int GALLOP_RATIO = 16;
  /** From this many elements in all, a count is worth splitting into two merges run side by side. */
  private static final int SPLIT_SIZE = 64;

  private SortedSets() {}

  /** How many elements the two sets share. */
  public static int intersectionCount(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
    int aSize = aTo - aFrom;
    int bSize = bTo - bFrom;
    if (aSize == 0 || bSize == 0) {
      return 0;
    }
    if ((long) aSize * GALLOP_RATIO < bSize) {
      return gallopCount(a, aFrom, aTo, b, bFrom, bTo);
    }
    if ((long) bSize * GALLOP_RATIO < aSize) {
      return gallopCount(b, bFrom, bTo, a, aFrom, aTo);
    }
    return aSize + bSize < SPLIT_SIZE
        ? mergeCount(a, aFrom, aTo, b, bFrom, bTo)
        : splitMergeCount(a, aFrom, aTo, b, bFrom, bTo);
  }

  private static int mergeCount(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
    int count = 0;
    int i = aFrom;
    int j = bFrom;
    while (i < aTo && j < bTo) {
      int x = a[i];
      int y = b[j];
      // Compiled to conditional moves: each step costs the same whether the values match or not.
      count += x == y ? 1 : 0;
      i += x <= y ? 1 : 0;
      j += y <= x ? 1 : 0;
    }
    return count;
  }

  /**
   * Splits both sets at the middle element of {@code a} and merges the two halves in one loop, then
   * finishes whichever half is left. A merge step waits for the one before it (which element comes
   * next depends on the last comparison); two independent merges let the processor overlap their
   * steps. The steps are sign arithmetic, {@code (x - y - 1) >>> 31} being 1 exactly when
   * {@code x <= y} for ids that are never negative: written as conditional expressions, the
   * compiler sometimes turned them into branches, and the loop's speed varied from run to run.
   *
   * <p>The halves are finished here rather than by {@link #mergeCount}, which keeps this method
   * over the size HotSpot inlines into a hot caller (325 bytecodes): compiled on its own it runs
   * faster than inlined into the caller's loop (see BENCHMARKS.md).
   */
  private static int splitMergeCount(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
    int aMid = (aFrom + aTo) >>> 1;
    int bMid = lowerBound(b, bFrom, bTo, a[aMid]);
    int count = 0;
    int i = aFrom;
    int j = bFrom;
    int k = aMid;
    int l = bMid;
    while (i < aMid && j < bMid && k < aTo && l < bTo) {
      int x = a[i];
      int y = b[j];
      int u = a[k];
      int v = b[l];
      count += (((x ^ y) - 1) >>> 31) + (((u ^ v) - 1) >>> 31);
      i += (x - y - 1) >>> 31;
      j += (y - x - 1) >>> 31;
      k += (u - v - 1) >>> 31;
      l += (v - u - 1) >>> 31;
    }
    while (i < aMid && j < bMid) {
      int x = a[i];
      int y = b[j];
      count += ((x ^ y) - 1) >>> 31;
      i += (x - y - 1) >>> 31;
      j += (y - x - 1) >>> 31;
    }
    while (k < aTo && l < bTo) {
      int u = a[k];
      int v = b[l];
      count += ((u ^ v) - 1) >>> 31;
      k += (u - v - 1) >>> 31;
      l += (v - u - 1) >>> 31;
    }
    return count;
  }

  /** {@link #intersectionCount} of two whole arrays. */
  public static int intersectionCount(int[] a, int[] b) {
    return intersectionCount(a, 0, a.length, b, 0, b.length);
  }

  /** Whether the two sets share any element; stops at the first. */
  public static boolean intersects(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
    if (aTo - aFrom > bTo - bFrom) {
      return intersects(b, bFrom, bTo, a, aFrom, aTo);
    }
    int j = bFrom;
    for (int i = aFrom; i < aTo && j < bTo; i++) {
      j = lowerBound(b, j, bTo, a[i]);
      if (j < bTo && b[j] == a[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes the shared elements, in order, into {@code out} from {@code outFrom}, which must have
   * room for the smaller set.
   *
   * @return how many were written
   */
  public static int intersect(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, int[] out, int outFrom) {
    int n = outFrom;
    int i = aFrom;
    int j = bFrom;
    while (i < aTo && j < bTo) {
      int x = a[i];
      int y = b[j];
      out[n] = x;
      n += x == y ? 1 : 0;
      i += x <= y ? 1 : 0;
      j += y <= x ? 1 : 0;
    }
    return n - outFrom;
  }

  /** Whether the set contains the value. */
  public static boolean contains(int[] values, int from, int to, int value) {
    int at = lowerBound(values, from, to, value);
    return at < to && values[at] == value;
  }

  private static int gallopCount(int[] small, int sFrom, int sTo, int[] large, int lFrom, int lTo) {
    int count = 0;
    int j = lFrom;
    for (int i = sFrom; i < sTo && j < lTo; i++) {
      j = lowerBound(large, j, lTo, small[i]);
      if (j < lTo && large[j] == small[i]) {
        count++;
        j++;
      }
    }
    return count;
  }

  /**
   * The first position in {@code values[from..to)} whose value is at least {@code value}: gallops
   * (1, 2, 4, ... ahead) to bracket it, then bisects the bracket. Cheap when the answer is near.
   */
  static int lowerBound(int[] values, int from, int to, int value) {
    int low = from;
    int step = 1;
    int high = from;
    while (high < to && values[high] < value) {
      low = high + 1;
      high += step;
      step <<= 1;
    }
    high = Math.min(high, to);
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (values[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
