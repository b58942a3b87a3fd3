package dev.rapport.network;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every node's connections as a sorted list of nodes: the bulk in one compressed sparse row (all
 * lists end to end in {@code targets}, node v's from {@code offsets[v]} to {@code offsets[v + 1]}),
 * and the lists of nodes changed since in an overlay, each replaced whole, copied on write, so that
 * a reader always sees a whole, sorted list (docs/decisions/0003). Replaced whole when the nodes
 * outgrow the overlay or on compaction.
 */
record AdjacencyRows(int[] offsets, int[] targets, AtomicReferenceArray<int[]> overlay) {
  private static final int[] NONE = new int[0];

  /** One node's connections: {@code values[from..to)}. */
  record Slice(int[] values, int from, int to) {
    int size() {
      return to - from;
    }

    boolean contains(int node) {
      return SortedSets.contains(values, from, to, node);
    }

    /** A copy of the list with {@code node} added in its place (it must not be in it). */
    int[] with(int node) {
      int at = SortedSets.lowerBound(values, from, to, node) - from;
      int[] list = new int[size() + 1];
      System.arraycopy(values, from, list, 0, at);
      list[at] = node;
      System.arraycopy(values, from + at, list, at + 1, size() - at);
      return list;
    }

    /** A copy of the list without {@code node} (it must be in it). */
    int[] without(int node) {
      int at = SortedSets.lowerBound(values, from, to, node) - from;
      int[] list = new int[size() - 1];
      System.arraycopy(values, from, list, 0, at);
      System.arraycopy(values, from + at + 1, list, at, size() - at - 1);
      return list;
    }
  }

  /** How many nodes have a compressed row. */
  int baseNodes() {
    return offsets.length - 1;
  }

  /** A node's list: its overlay entry if it has one, else its compressed row (empty past the rows). */
  Slice slice(int node) {
    int[] replaced = node < overlay.length() ? overlay.get(node) : null;
    if (replaced != null) {
      return new Slice(replaced, 0, replaced.length);
    }
    if (node >= baseNodes()) {
      return new Slice(NONE, 0, 0);
    }
    return new Slice(targets, offsets[node], offsets[node + 1]);
  }

  /**
   * The same rows with an overlay of room for {@code capacity} nodes, for a writer adding a node.
   * Plain writes: the copy is published whole by the volatile write of the rows that follows.
   */
  AdjacencyRows withOverlayFor(int capacity) {
    AtomicReferenceArray<int[]> bigger = new AtomicReferenceArray<>(capacity);
    for (int v = 0; v < overlay.length(); v++) {
      bigger.setPlain(v, overlay.get(v));
    }
    return new AdjacencyRows(offsets, targets, bigger);
  }

  /** The nodes exactly two steps from node {@code v}; {@code nodes} sizes the set at first. */
  BitSet secondDegree(int v, int nodes) {
    BitSet marks = new BitSet(nodes);
    Slice first = slice(v);
    for (int k = first.from(); k < first.to(); k++) {
      Slice s = slice(first.values()[k]);
      for (int m = s.from(); m < s.to(); m++) {
        marks.set(s.values()[m]);
      }
    }
    marks.clear(v);
    for (int k = first.from(); k < first.to(); k++) {
      marks.clear(first.values()[k]);
    }
    return marks;
  }

  /** The bytes of the rows, the overlay's slots and the lists in it (4 bytes a reference). */
  long footprintBytes() {
    long bytes = 4L * offsets.length + 4L * targets.length + 4L * overlay.length();
    for (int v = 0; v < overlay.length(); v++) {
      int[] list = overlay.get(v);
      bytes += list == null ? 0 : 4L * list.length;
    }
    return bytes;
  }
}
