package dev.rapport.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The best {@code limit} suggestions offered so far, by N4's ranking (most mutual connections,
 * then the lower member id): a bounded heap of primitives with the worst on top, so that a better
 * offer replaces it in one sift. A {@code PriorityQueue} of records with a composed comparator
 * spent half of a suggestion query adding and removing.
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
    return size < limit ? 1 : counts[0];
  }

  /** Whether an offer of this member and count would be kept now. */
  boolean wouldKeep(long member, int count) {
    return size < limit || worse(counts[0], members[0], count, member);
  }

  /** Keeps the offer if it is among the best so far. */
  void offer(long member, int count) {
    if (size < limit) {
      members[size] = member;
      counts[size] = count;
      siftUp(size++);
    } else if (worse(counts[0], members[0], count, member)) {
      members[0] = member;
      counts[0] = count;
      siftDown(0);
    }
  }

  int size() {
    return size;
  }

  /**
   * The suggestions kept, best first. Sorts the heap in place by taking its worst off the top, one
   * at a time, into the slot that leaves (a sort of records with a comparator was a tenth of a
   * query); the heap is of no further use afterwards.
   */
  List<GraphIndex.Suggestion> ranked() {
    int kept = size;
    while (size > 1) {
      swap(0, --size);
      siftDown(0);
    }
    // Each worst went to the last slot still in the heap: the best is in slot 0, the worst last.
    List<GraphIndex.Suggestion> ranked = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      ranked.add(new GraphIndex.Suggestion(members[i], counts[i]));
    }
    size = 0;
    return ranked;
  }

  /** Whether (countA, memberA) ranks below (countB, memberB). */
  private static boolean worse(int countA, long memberA, int countB, long memberB) {
    return countA < countB || countA == countB && memberA > memberB;
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(counts[i], members[i], counts[parent], members[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int right = left + 1;
      int worst = right < size && worse(counts[right], members[right], counts[left], members[left]) ? right : left;
      if (!worse(counts[worst], members[worst], counts[i], members[i])) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int i, int j) {
    long member = members[i];
    members[i] = members[j];
    members[j] = member;
    int count = counts[i];
    counts[i] = counts[j];
    counts[j] = count;
  }
}
