package dev.rapport.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code limit} suggestions offered so far, by N4's ranking (most mutual connections,
 * then the lower member id), kept in order in two arrays of primitives. An offer that makes it in
 * moves the worse ones down a slot. For pages (tens; at most {@link GraphIndex#MAX_SUGGESTIONS})
 * this beats a heap: the moves are a short loop the processor predicts, where a heap's sifts
 * branch on every comparison, and the ranking is already there at the end. A {@code
 * PriorityQueue} of records with a composed comparator spent half of a query adding and removing.
 */
final class BestSuggestions {
  private final int limit;
  private final long[] members;
  private final int[] counts;
  private int size;

  BestSuggestions(int limit) {
    this.limit = limit;
    this.members = new long[limit];
    this.counts = new int[limit];
  }

  /** The least count an offer needs to be kept now: 1 while there is room, then the worst kept. */
  int leastCount() {
    return size < limit ? 1 : counts[limit - 1];
  }

  /** Whether an offer of this member and count would be kept now. */
  boolean wouldKeep(long member, int count) {
    return size < limit || better(count, member, counts[limit - 1], members[limit - 1]);
  }

  /** Keeps the offer if it is among the best so far. */
  void offer(long member, int count) {
    if (!wouldKeep(member, count)) {
      return;
    }
    int slot = size < limit ? size++ : limit - 1;
    while (slot > 0 && better(count, member, counts[slot - 1], members[slot - 1])) {
      counts[slot] = counts[slot - 1];
      members[slot] = members[slot - 1];
      slot--;
    }
    counts[slot] = count;
    members[slot] = member;
  }

  int size() {
    return size;
  }

  /** The suggestions kept, best first. */
  List<GraphIndex.Suggestion> ranked() {
    List<GraphIndex.Suggestion> ranked = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ranked.add(new GraphIndex.Suggestion(members[i], counts[i]));
    }
    return ranked;
  }

  /** Whether (countA, memberA) ranks above (countB, memberB). */
  private static boolean better(int countA, long memberA, int countB, long memberB) {
    return countA > countB || countA == countB && memberA < memberB;
  }
}
