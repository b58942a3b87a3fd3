package dev.rapport.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code limit} suggestions offered so far, by N4's ranking (most mutual connections,
 * then the lower member id), kept in order in two arrays of primitives. An offer that makes it in
 * moves the worse ones down a slot. For pages (tens; at most {@link NetworkReads#MAX_SUGGESTIONS})
 * this beats a heap: the moves are a short loop the processor predicts, where a heap's sifts
 * branch on every comparison, and the ranking is already there at the end (docs/decisions/0003).
 *
 * <p>It keeps nodes, not member ids. Most offers lose to the worst kept on a tie of counts, and
 * among the nodes the index numbered in member id order a tie is decided by comparing the nodes,
 * without reading each offer's member id (see BENCHMARKS.md).
 */
final class BestSuggestions {
  private final int limit;
  /** The index's member ids by node. */
  private final long[] members;
  /** The nodes below this have member ids in the order of the nodes. */
  private final int ordered;
  private final int[] nodes;
  private final int[] counts;
  private int size;

  BestSuggestions(int limit, long[] members, int ordered) {
    this.limit = limit;
    this.members = members;
    this.ordered = ordered;
    this.nodes = new int[limit];
    this.counts = new int[limit];
  }

  /** The least count an offer needs to be kept now: 1 while there is room, then the worst kept. */
  int leastCount() {
    return size < limit ? 1 : counts[limit - 1];
  }

  /** Whether an offer of this node and count would be kept now. */
  boolean wouldKeep(int node, int count) {
    return size < limit || better(count, node, counts[limit - 1], nodes[limit - 1]);
  }

  /** Keeps the offer if it is among the best so far. */
  void offer(int node, int count) {
    if (!wouldKeep(node, count)) {
      return;
    }
    int slot = size < limit ? size++ : limit - 1;
    while (slot > 0 && better(count, node, counts[slot - 1], nodes[slot - 1])) {
      counts[slot] = counts[slot - 1];
      nodes[slot] = nodes[slot - 1];
      slot--;
    }
    counts[slot] = count;
    nodes[slot] = node;
  }

  int size() {
    return size;
  }

  /** The suggestions kept, best first. */
  List<Suggestion> ranked() {
    List<Suggestion> ranked = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ranked.add(new Suggestion(members[nodes[i]], counts[i]));
    }
    return ranked;
  }

  /** Whether (countA, nodeA) ranks above (countB, nodeB). */
  private boolean better(int countA, int nodeA, int countB, int nodeB) {
    return countA > countB || countA == countB && lowerId(nodeA, nodeB);
  }

  private boolean lowerId(int nodeA, int nodeB) {
    return nodeA < ordered && nodeB < ordered ? nodeA < nodeB : members[nodeA] < members[nodeB];
  }
}
