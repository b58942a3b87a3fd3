package dev.rapport.network;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;

/**
 * People You May Know (N4) by counting common neighbours: each member two steps from the viewer is
 * counted once per connection they share, in pooled per-node arrays, and the best counts are kept
 * by {@link BestSuggestions}. Three ways, picked per query (docs/decisions/0003): no counting for a
 * viewer with one connection, int counts with a histogram threshold for a viewer who reaches a
 * small part of the network, byte counts read in node order for one who reaches a large part.
 *
 * <p>Thread safe: any number of queries run at once, each with arrays of its own from the pools.
 */
final class CommonNeighbourSuggestions {
  /**
   * A query whose viewer's connections have at least one connection per this many nodes counts in
   * bytes and reads the counts in node order (see {@link #suggestFromMany}).
   */
  private static final int DENSE_FRACTION = 8;
  /**
   * On a network of {@link #LARGE_NETWORK} nodes or more, whose int counts (16 MB and up) far
   * outgrow the processor's 2 MB cache, so that each count misses it, a query counts in bytes from
   * one connection per this many nodes (docs/decisions/0014).
   */
  private static final int DENSE_FRACTION_LARGE = 64;

  private static final int LARGE_NETWORK = 1 << 22;
  /** Columns of a query's histogram of counts (a power of two; see its use). */
  private static final int HISTOGRAM_COLUMNS = 4;

  /** Eight byte counts as one word, for the scan of the counts in node order. */
  private static final VarHandle EIGHT_COUNTS = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.LITTLE_ENDIAN);

  /** Counts per node, lent and handed back zeroed. */
  private final Scratch<int[]> intCounts = Scratch.ofInts();
  private final Scratch<byte[]> byteCounts = Scratch.ofBytes();
  /** Lists of the nodes a query counted: written before they are read, lent back as they are. */
  private final Scratch<int[]> touchedLists = Scratch.ofInts();
  /** The counts of the nodes in a touched list, beside them: also written before they are read. */
  private final Scratch<int[]> touchedCountLists = Scratch.ofInts();
  /**
   * The fewest nodes at which a query may count in bytes (see {@link #suggestFromMany}): below it
   * the int counts fit the processor's fast caches anyway. Tests lower it.
   */
  private int countInBytesFrom = 1 << 18;

  /** Lets queries count in bytes on a network of {@code nodes} or more: for tests. */
  void countInBytesFrom(int nodes) {
    countInBytesFrom = nodes;
  }

  /**
   * The best {@code limit} suggestions for viewer node {@code v} among the first {@code n} nodes of
   * {@code current}, whose ids are {@code members} (the first {@code ordered} in id order), ranked
   * after {@code after} if it is not null, leaving out those {@code excluded} accepts. About linear
   * in the entries of the lists of the viewer's connections (plus the nodes, when counting in bytes).
   */
  List<Suggestion> suggest(int v, int n, int ordered, AdjacencyRows current, long[] members, int limit,
      Suggestion after, LongPredicate excluded) {
    AdjacencyRows.Slice first = current.slice(v);
    Question question = new Question(v, first, n, ordered, members, limit, after, excluded);
    BestSuggestions best;
    if (first.size() == 1) {
      best = suggestFromOne(current, question);
    } else if (n >= countInBytesFrom && reachesMany(current, first, n)) {
      best = suggestFromMany(current, question);
    } else {
      best = suggestFromFew(current, question);
    }
    return best.ranked();
  }

  /**
   * Whether the lists of a viewer's connections hold at least one entry per {@value DENSE_FRACTION}
   * nodes ({@value DENSE_FRACTION_LARGE} on a large network). Only to choose the way of counting: the lists are read again, as they may be by then.
   */
  private static boolean reachesMany(AdjacencyRows current, AdjacencyRows.Slice first, int n) {
    long paths = 0;
    for (int k = first.from(); k < first.to(); k++) {
      paths += current.slice(first.values()[k]).size();
    }
    return paths >= n / (n >= LARGE_NETWORK ? DENSE_FRACTION_LARGE : DENSE_FRACTION);
  }

  /** One query: the viewer's node and list, the nodes it may see, and what it asks. */
  private record Question(int viewer, AdjacencyRows.Slice first, int nodes, int ordered, long[] members, int limit,
      Suggestion after, LongPredicate excluded) {
    /** An empty page of the best suggestions for this question. */
    BestSuggestions best() {
      return new BestSuggestions(limit, members, ordered);
    }

    /**
     * Offers a node to the best so far, unless ranked before the page's start or excluded. Its
     * member id is read only if the offer would be kept, or the page starts after a suggestion.
     */
    void offer(BestSuggestions best, int node, int count) {
      if ((after == null || rankedAfter(count, members[node], after)) && best.wouldKeep(node, count)
          && !excluded.test(members[node])) {
        best.offer(node, count);
      }
    }

    /** The end of a list's nodes below {@link #nodes}: a list is sorted, so any others are at its end. */
    int endBelowNodes(AdjacencyRows.Slice s) {
      int to = s.to();
      while (to > s.from() && s.values()[to - 1] >= nodes) {
        to--;
      }
      return to;
    }
  }

  /**
   * Suggestions for a viewer with one connection, as most new members are: everyone else that
   * connection knows shares exactly it, so nothing needs counting and the ranking is by member id.
   */
  private static BestSuggestions suggestFromOne(AdjacencyRows current, Question question) {
    AdjacencyRows.Slice s = current.slice(question.first().values()[question.first().from()]);
    int[] values = s.values();
    int to = question.endBelowNodes(s);
    BestSuggestions best = question.best();
    for (int m = s.from(); m < to; m++) {
      if (values[m] != question.viewer()) {
        question.offer(best, values[m], 1);
      }
    }
    return best;
  }

  /**
   * Suggestions for a viewer whose connections reach a small part of the network: the counts are
   * ints, and every node counted is listed the first time, so that only those are looked at again.
   */
  private BestSuggestions suggestFromFew(AdjacencyRows current, Question question) {
    int n = question.nodes();
    AdjacencyRows.Slice first = question.first();
    int[] counts = intCounts.take(n);
    // Each node below n is listed once at most, and one more slot is written past the last.
    int[] touched = touchedLists.take(n + 1);
    int[] touchedCounts = touchedCountLists.take(n);
    int touchedCount = 0;
    for (int k = first.from(); k < first.to(); k++) {
      // Each list is read once: the writer may replace it between two reads.
      AdjacencyRows.Slice s = current.slice(first.values()[k]);
      int[] values = s.values();
      int to = question.endBelowNodes(s);
      for (int m = s.from(); m < to; m++) {
        int u = values[m];
        int c = counts[u];
        counts[u] = c + 1;
        // Listed when first counted (c == 0), without a branch: whether a node was seen before is
        // as good as random to the processor.
        touched[touchedCount] = u;
        touchedCount += ((c - 1) & ~c) >>> 31;
      }
    }
    forViewerAndConnections(question, u -> counts[u] = 0);
    // The one pass that reads the counts at random: it copies each count beside its node, in the
    // order counted, clears it, and takes a histogram of the counts (none exceeds the viewer's
    // connections). The viewer's own nodes keep a count of 0, below any threshold, which costs less
    // than leaving them out of the lists. The histogram has four columns, taken in turn: most
    // counts are 1 or 2, and with one column each increment waited for the last one to reach memory.
    int[] histogram = new int[HISTOGRAM_COLUMNS * (first.size() + 1)];
    for (int i = 0; i < touchedCount; i++) {
      int u = touched[i];
      int c = counts[u];
      counts[u] = 0;
      touchedCounts[i] = c;
      if (question.after() == null || rankedAfter(c, question.members()[u], question.after())) {
        histogram[c * HISTOGRAM_COLUMNS + (i & (HISTOGRAM_COLUMNS - 1))]++;
      }
    }
    intCounts.give(counts);
    // Candidates below the count the best `limit` reach are not looked at; if exclusions leave
    // fewer than `limit` above it, a second pass looks at everyone.
    int threshold = threshold(histogram, question.limit());
    BestSuggestions best = question.best();
    offerAtLeast(threshold, best, touched, touchedCounts, touchedCount, question);
    if (best.size() < question.limit() && threshold > 1) {
      best = question.best();
      offerAtLeast(1, best, touched, touchedCounts, touchedCount, question);
    }
    touchedLists.give(touched);
    touchedCountLists.give(touchedCounts);
    return best;
  }

  /**
   * Suggestions for a viewer whose connections reach a large part of the network (a hub viewer on
   * a large graph walks a million paths to most of it). Each count is a byte, so that the counts of
   * a million nodes fit the processor's 2 MiB cache. A byte that wraps around carries 256 to the
   * node's int, which happens once in 256 counts at most. The counts are then read in node order,
   * which the processor streams, not at random.
   */
  private BestSuggestions suggestFromMany(AdjacencyRows current, Question question) {
    int n = question.nodes();
    AdjacencyRows.Slice first = question.first();
    byte[] counts = byteCounts.take(n);
    int[] carries = intCounts.take(n);
    // Nodes whose count wrapped around, once per wrap.
    int[] carried = new int[64];
    int carriedCount = 0;
    for (int k = first.from(); k < first.to(); k++) {
      // Each list is read once: the writer may replace it between two reads.
      AdjacencyRows.Slice s = current.slice(first.values()[k]);
      int[] values = s.values();
      int to = question.endBelowNodes(s);
      for (int m = s.from(); m < to; m++) {
        int u = values[m];
        byte c = (byte) (counts[u] + 1);
        counts[u] = c;
        if (c == 0) {
          carries[u] += 256;
          if (carriedCount == carried.length) {
            carried = Arrays.copyOf(carried, carriedCount * 2);
          }
          carried[carriedCount++] = u;
        }
      }
    }
    forViewerAndConnections(question, u -> {
      counts[u] = 0;
      carries[u] = 0;
    });
    BestSuggestions best = question.best();
    // Nodes with a carry first, cleared, so that the byte scan below does not see them again.
    for (int i = 0; i < carriedCount; i++) {
      int u = carried[i];
      if (carries[u] != 0) {
        question.offer(best, u, carries[u] + (counts[u] & 0xff));
        carries[u] = 0;
        counts[u] = 0;
      }
    }
    intCounts.give(carries);
    // A node is looked at only when its count could be kept, which soon stops being true of most:
    // eight counts are read as one word, and looked at one by one only if one of them could be.
    int u = 0;
    for (; u + 8 <= n; u += 8) {
      long eight = (long) EIGHT_COUNTS.get(counts, u);
      if (eight != 0 && anyAtLeast(eight, best.leastCount())) {
        offerEach(question, best, counts, u, u + 8);
      }
    }
    offerEach(question, best, counts, u, n);
    Arrays.fill(counts, 0, n, (byte) 0);
    byteCounts.give(counts);
    return best;
  }

  /** Offers each node from {@code from} to {@code to} whose byte count could be kept. */
  private static void offerEach(Question question, BestSuggestions best, byte[] counts, int from, int to) {
    for (int u = from; u < to; u++) {
      int count = counts[u] & 0xff;
      if (count >= best.leastCount()) {
        question.offer(best, u, count);
      }
    }
  }

  /**
   * Whether any of the eight unsigned byte counts in {@code eight} is at least {@code least} (1 or
   * more), or {@code least} is above 128: adding {@code 128 - least} to each count's low seven bits
   * sets its high bit exactly when they reach {@code least}, without a carry into the next count.
   */
  static boolean anyAtLeast(long eight, int least) {
    if (least > 128) {
      return true;
    }
    long sum = (eight & 0x7f7f_7f7f_7f7f_7f7fL) + (128 - least) * 0x0101_0101_0101_0101L;
    return ((sum | eight) & 0x8080_8080_8080_8080L) != 0;
  }

  /**
   * Runs for the viewer and each of their connections: counted like anyone (the viewer is in each
   * connection's list), but no candidates, so their counts are cleared before the ranking.
   */
  private static void forViewerAndConnections(Question question, IntConsumer action) {
    action.accept(question.viewer());
    AdjacencyRows.Slice first = question.first();
    for (int k = first.from(); k < first.to(); k++) {
      if (first.values()[k] < question.nodes()) {
        action.accept(first.values()[k]);
      }
    }
  }

  /** Offers every node listed (node {@code touched[i]}, counted {@code counts[i]}) counted at least {@code threshold}. */
  private static void offerAtLeast(int threshold, BestSuggestions best, int[] touched, int[] counts, int listed,
      Question question) {
    for (int i = 0; i < listed; i++) {
      if (counts[i] >= threshold) {
        question.offer(best, touched[i], counts[i]);
      }
    }
  }

  /**
   * The highest count that at least {@code limit} candidates reach, from the histogram of their
   * counts (count c in slots c * HISTOGRAM_COLUMNS on); 1 if fewer are counted.
   */
  private static int threshold(int[] histogram, int limit) {
    int reached = 0;
    for (int count = histogram.length / HISTOGRAM_COLUMNS - 1; count > 1; count--) {
      for (int column = 0; column < HISTOGRAM_COLUMNS; column++) {
        reached += histogram[count * HISTOGRAM_COLUMNS + column];
      }
      if (reached >= limit) {
        return count;
      }
    }
    return 1;
  }

  private static boolean rankedAfter(int count, long member, Suggestion after) {
    return count < after.mutualCount() || count == after.mutualCount() && member > after.member();
  }
}
