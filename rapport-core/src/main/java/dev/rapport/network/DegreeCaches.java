package dev.rapport.network;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Degrees (N1) against cached networks: each viewer's 2nd-degree network is computed on first use
 * and kept in a bounded cache, so that a degree is a lookup, and a large batch also caches the
 * viewer's 3rd-degree network (docs/decisions/0003). A write stamps the members whose networks it
 * may change (both ends and their connections); a cached network older than the stamps that
 * concern it is computed again.
 *
 * <p>One thread (the index's writer) stamps; any number of readers look up and fill the caches at
 * the same time, without locks.
 */
final class DegreeCaches {
  /** A viewer's network as of write number {@code stamp}. */
  private record Cached(NodeSet members, long stamp) {}

  /** From this many targets on, a degree batch uses (and caches) the viewer's 3rd-degree network. */
  static final int THIRD_DEGREE_BATCH = 64;

  /** Whose rows and node count the networks are computed from. */
  private final GraphIndex index;
  private final int cachedViewers;
  /** How many writes have completed: the clock of the caches. */
  private volatile long writes;
  /** Per node, the write that last may have changed its 2nd-degree network. */
  private volatile AtomicLongArray changedAt;
  private final Map<Integer, Cached> secondDegree = new ConcurrentHashMap<>();
  /** Viewers' 3rd-degree networks, for degree batches; a tenth as many viewers as the 2nd degree. */
  private final Map<Integer, Cached> thirdDegree = new ConcurrentHashMap<>();

  /** Caches for up to {@code cachedViewers} viewers of {@code index}, which has {@code nodes} nodes. */
  DegreeCaches(GraphIndex index, int cachedViewers, int nodes) {
    this.index = index;
    this.cachedViewers = cachedViewers;
    this.changedAt = new AtomicLongArray(Math.max(16, nodes));
  }

  /**
   * Fills {@code degrees[i]} with the degree of {@code targets[i]} as viewer node {@code v} sees it
   * (1, 2 or 3; left 0 out of network, unknown or the viewer): a lookup each in the viewer's cached
   * networks, plus, in a batch too small for the 3rd degree, a look at each connection of a target
   * beyond the 2nd.
   */
  void degrees(int v, long[] targets, MemberNodes nodes, int[] degrees) {
    NodeSet second = secondDegreeOf(v);
    // A batch is mostly members beyond the 2nd degree; without their set, each costs a look at
    // every connection of theirs.
    NodeSet third = targets.length >= THIRD_DEGREE_BATCH ? thirdDegreeOf(v) : null;
    AdjacencyRows current = index.rows();
    AdjacencyRows.Slice mine = current.slice(v);
    // Every target's node first, in a loop of lookups alone: on a large network each misses the
    // processor's caches, and with nothing between them the processor overlaps those misses.
    int[] found = new int[targets.length];
    for (int i = 0; i < targets.length; i++) {
      found[i] = nodes.get(targets[i]);
    }
    for (int i = 0; i < targets.length; i++) {
      int t = found[i];
      if (t < 0 || t == v) {
        continue;
      }
      if (mine.contains(t)) {
        degrees[i] = 1;
      } else if (second.contains(t)) {
        degrees[i] = 2;
      } else if (third != null) {
        degrees[i] = third.contains(t) ? 3 : 0;
      } else {
        AdjacencyRows.Slice theirs = current.slice(t);
        degrees[i] = second.containsAny(theirs.values(), theirs.from(), theirs.to()) ? 3 : 0;
      }
    }
  }

  /**
   * The viewer's 3rd-degree network, from the cache when no write has changed it since. A write
   * stamps its two ends and their connections; it can change who is within three steps of the
   * viewer only if one end is within two, that is, only if it stamps the viewer or one of their
   * connections.
   */
  private NodeSet thirdDegreeOf(int v) {
    Cached cached = thirdDegree.get(v);
    if (cached != null && unchangedAround(v, cached.stamp())) {
      return cached.members();
    }
    long stamp = writes; // before reading the lists, as for the 2nd degree
    AdjacencyRows current = index.rows();
    BitSet second = current.secondDegree(v, index.size());
    BitSet third = new BitSet(index.size());
    for (int u = second.nextSetBit(0); u >= 0; u = second.nextSetBit(u + 1)) {
      AdjacencyRows.Slice s = current.slice(u);
      for (int k = s.from(); k < s.to(); k++) {
        third.set(s.values()[k]);
      }
    }
    third.andNot(second);
    third.clear(v);
    AdjacencyRows.Slice first = current.slice(v);
    for (int k = first.from(); k < first.to(); k++) {
      third.clear(first.values()[k]);
    }
    NodeSet members = NodeSet.of(third.stream().toArray(), index.size());
    if (thirdDegree.size() >= Math.max(1, cachedViewers / 10)) {
      thirdDegree.clear();
    }
    thirdDegree.put(v, new Cached(members, stamp));
    return members;
  }

  /** Whether no write since {@code stamp} stamped the viewer or one of their connections. */
  private boolean unchangedAround(int v, long stamp) {
    AtomicLongArray stamps = changedAt;
    if (stamps.get(v) > stamp) {
      return false;
    }
    AdjacencyRows.Slice first = index.rows().slice(v);
    for (int k = first.from(); k < first.to(); k++) {
      int x = first.values()[k];
      // A node newer than the stamps read is a change.
      if (x >= stamps.length() || stamps.get(x) > stamp) {
        return false;
      }
    }
    return true;
  }

  /** The viewer's 2nd-degree network, from the cache when no write has changed it since. */
  private NodeSet secondDegreeOf(int v) {
    Cached cached = secondDegree.get(v);
    if (cached != null && cached.stamp() >= changedAt.get(v)) {
      return cached.members();
    }
    long stamp = writes; // before reading the lists: a write after this makes the entry stale
    NodeSet members = NodeSet.of(index.rows().secondDegree(v, index.size()).stream().toArray(), index.size());
    if (secondDegree.size() >= cachedViewers) {
      evictSome();
    }
    secondDegree.put(v, new Cached(members, stamp));
    return members;
  }

  /** Drops about a quarter of the cache, in no particular order: cheap, and fair enough at random. */
  private void evictSome() {
    int drop = Math.max(1, cachedViewers / 4);
    var it = secondDegree.keySet().iterator();
    while (it.hasNext() && drop-- > 0) {
      it.next();
      it.remove();
    }
  }

  // ---- the writer ------------------------------------------------------------------------------

  /**
   * After the lists changed: who is two steps from whom changes only for the two ends and their
   * connections. Counting the write first means a reader that began computing before it sees a
   * stamp newer than its own. Writer only.
   */
  void stampAround(int x, int y, AdjacencyRows current) {
    long write = writes + 1;
    writes = write;
    AtomicLongArray stamps = changedAt;
    for (int end : new int[] {x, y}) {
      stamps.set(end, write);
      AdjacencyRows.Slice s = current.slice(end);
      for (int k = s.from(); k < s.to(); k++) {
        stamps.set(s.values()[k], write);
      }
    }
  }

  /**
   * Makes room for the stamp of node {@code n}, the next one, before it is counted. Writer only;
   * plain writes, as the copy is published whole by the volatile write of {@code changedAt}.
   */
  void makeRoomFor(int n) {
    if (n == changedAt.length()) {
      AtomicLongArray bigger = new AtomicLongArray(n * 2);
      for (int v = 0; v < n; v++) {
        bigger.setPlain(v, changedAt.get(v));
      }
      changedAt = bigger;
    }
  }

  /** The bytes of the stamps; the caches themselves are bounded by viewers, and left out. */
  long footprintBytes() {
    return 8L * changedAt.length();
  }
}
