package dev.rapport.network;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Folding the overlay of the adjacency rows back into fresh compressed rows without stopping the
 * writer (docs/decisions/0003): the writer begins it ({@link GraphIndex#beginCompaction}), any
 * thread {@link #build builds} the rows (the long part, a copy of every list), and the writer
 * finishes it ({@link GraphIndex#finishCompaction}) by putting them in place. Lists the writer
 * changed after the beginning stay in the overlay of the new rows, so no write is lost whichever
 * version of them the build read.
 *
 * <p>{@link #build} runs on any one thread, once, while the writer goes on; everything else is
 * the writer's.
 */
final class Compaction {
  private final AdjacencyRows from;
  private final int nodes;
  private final long expectedEntries;
  private int[] offsets;
  private int[] targets;
  private volatile boolean built;
  /** Nodes whose lists changed since the beginning, as many times as they did. Writer only. */
  private int[] changed = new int[64];
  private int changedCount;
  /** How many lists the new rows carry in their overlay. Writer only. */
  private int carried;

  /** A compaction of {@code from}'s first {@code nodes} nodes, which hold about {@code expectedEntries}. */
  Compaction(AdjacencyRows from, int nodes, long expectedEntries) {
    this.from = from;
    this.nodes = nodes;
    this.expectedEntries = expectedEntries;
  }

  /** Copies every list into new compressed rows, in time linear in the entries. Any one thread, once; takes no lock. */
  void build() {
    if (built) {
      throw new IllegalStateException("this compaction is built already");
    }
    int[] rowStarts = new int[nodes + 1];
    int[] values = new int[Math.toIntExact(Math.max(16, expectedEntries))];
    int write = 0;
    for (int v = 0; v < nodes; v++) {
      rowStarts[v] = write;
      AdjacencyRows.Slice s = from.slice(v); // read once: the writer may replace it meanwhile
      if (write + s.size() > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, write + s.size()));
      }
      System.arraycopy(s.values(), s.from(), values, write, s.size());
      write += s.size();
    }
    rowStarts[nodes] = write;
    offsets = rowStarts;
    targets = write == values.length ? values : Arrays.copyOf(values, write);
    built = true;
  }

  /** Notes that the writer replaced a node's list after the beginning. Writer only. */
  void changed(int node) {
    if (changedCount == changed.length) {
      changed = Arrays.copyOf(changed, changedCount * 2);
    }
    changed[changedCount++] = node;
  }

  /**
   * The built rows, with the lists changed since the beginning copied from {@code current} into
   * their overlay of room for {@code nodeCount} nodes; null if the compaction was not built, which
   * drops it. Writer only.
   */
  AdjacencyRows finish(AdjacencyRows current, int nodeCount) {
    if (!built) {
      return null;
    }
    AtomicReferenceArray<int[]> overlay = new AtomicReferenceArray<>(Math.max(16, nodeCount));
    for (int i = 0; i < changedCount; i++) {
      int v = changed[i];
      if (overlay.get(v) == null) {
        AdjacencyRows.Slice s = current.slice(v);
        overlay.set(v, Arrays.copyOfRange(s.values(), s.from(), s.to()));
        carried++;
      }
    }
    return new AdjacencyRows(offsets, targets, overlay);
  }

  /** How many lists the rows {@link #finish} gave carry in their overlay. */
  int carried() {
    return carried;
  }
}
