package dev.rapport.network;

import dev.rapport.copy.CopyParts;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongPredicate;

/**
 * The connections between members, in memory, for the questions of the network rules: degree (N1),
 * mutual connections (N2), network size (N3) and People You May Know (N4) (DESIGN decision 5,
 * docs/decisions/0003). A facade over parts named for their technique: {@link AdjacencyRows} (the
 * sorted lists), {@link Compaction}, {@link GraphIndexBuilder}, {@link DegreeCaches}, {@link
 * CommonNeighbourSuggestions} and {@link DirectionOptimizingNetworkSize}.
 *
 * <p>Members are numbered densely (nodes 0, 1, 2, ...): a build numbers them in the order of their
 * ids, hubs last, and a member added later takes the next number.
 *
 * <p>One thread writes ({@link #connect}, {@link #disconnect}, the compactions), within this
 * package; any number read at the same time and never wait (see {@link NetworkReads}).
 */
public final class GraphIndex implements NetworkReads {
  static final int DEFAULT_CACHED_VIEWERS = 10_000;

  private final MemberNodes nodes;
  private volatile long[] members;
  private volatile int nodeCount;
  /**
   * The nodes below this have member ids in ascending order: those a build numbered before its
   * hubs, and, if it numbered no hubs, any added since with ids above the last (as time-ordered
   * ids are). Only grows.
   */
  private volatile int orderedNodes;
  private volatile AdjacencyRows lists;
  /** Nodes with a list in the overlay; the writer compacts when they are many. Written by the writer only. */
  private volatile int overlaid;
  private volatile long entries;
  /** The compaction under way, if any. Writer only. */
  private Compaction compacting;
  private final DegreeCaches caches;
  private final CommonNeighbourSuggestions suggestions = new CommonNeighbourSuggestions();

  /** An empty index that caches the 2nd-degree networks of up to 10,000 viewers; for tests. */
  GraphIndex() {
    this(DEFAULT_CACHED_VIEWERS);
  }

  /** An empty index that caches the 2nd-degree networks of up to {@code cachedViewers} viewers. */
  GraphIndex(int cachedViewers) {
    this(new MemberNodes(), new long[0], 0, 0, new int[] {0}, new int[0], cachedViewers);
  }

  /**
   * An index of whole rows, for nodes numbered {@code 0..n-1} whose ids are in {@code members} and
   * in {@code nodes} already, the first {@code ordered} in id order. The per-node arrays are made
   * at the size there is; the node count is written last, after everything it counts.
   */
  GraphIndex(MemberNodes nodes, long[] members, int n, int ordered, int[] offsets, int[] targets, int cachedViewers) {
    if (cachedViewers < 1) {
      throw new IllegalArgumentException("cachedViewers must be positive");
    }
    this.nodes = nodes;
    this.members = Arrays.copyOf(members, Math.max(16, n));
    this.caches = new DegreeCaches(this, cachedViewers, n);
    this.lists = new AdjacencyRows(offsets, targets, new AtomicReferenceArray<>(Math.max(16, n)));
    this.entries = targets.length;
    this.orderedNodes = ordered;
    this.nodeCount = n;
  }

  /**
   * An index of the given connections, built directly as compressed rows: the way to load a whole
   * graph at start. Each pair is one connection; duplicates and self-connections are ignored.
   */
  public static GraphIndex of(long[] from, long[] to) {
    if (from.length != to.length) {
      throw new IllegalArgumentException("from and to differ in length");
    }
    GraphIndexBuilder builder = builder();
    for (int i = 0; i < from.length; i++) {
      builder.add(from[i], to[i]);
    }
    return builder.build();
  }

  /**
   * A builder of a whole index, for loading millions of connections as they stream in, that fills
   * the upper half of a large build on {@link ForkJoinPool#commonPool()}. Not thread safe.
   */
  public static GraphIndexBuilder builder() {
    return builder(ForkJoinPool.commonPool());
  }

  /**
   * A builder that hands the upper half of a large build to {@code background}, and fills it on
   * the calling thread if that has not begun it when the lower half is done.
   */
  public static GraphIndexBuilder builder(Executor background) {
    return new GraphIndexBuilder(background);
  }

  /** Lets suggestion queries count in bytes on a network of {@code nodes} or more: for tests. */
  GraphIndex countInBytesFrom(int nodes) {
    suggestions.countInBytesFrom(nodes);
    return this;
  }

  /** The member's node, or -1 if it has none: for tests. */
  int nodeOf(long member) {
    return nodes.get(member);
  }

  /** The rows as they are now, for the parts that read them. */
  AdjacencyRows rows() {
    return lists;
  }

  // ---- a copy kept in the store (see Network) -------------------------------------------------

  /** The index as it is, in {@link IndexCopy}'s format. The writer's thread only. */
  List<byte[]> copy() {
    return copy(new CopyParts.Writer(CopyParts.PART_BYTES));
  }

  List<byte[]> copy(CopyParts.Writer out) {
    int n = nodeCount;
    return IndexCopy.write(out, n, Math.min(orderedNodes, n), entries, members, lists);
  }

  /** An index read back from a {@link #copy}. @throws CopyParts.Unreadable if it is not one */
  static GraphIndex restore(List<byte[]> parts) throws CopyParts.Unreadable {
    return IndexCopy.read(parts);
  }

  // ---- writes (one thread) ---------------------------------------------------------------------

  /** Connects two members (a no-op if they are connected or the same). */
  void connect(long a, long b) {
    if (a == b) {
      return;
    }
    int x = nodeFor(a);
    int y = nodeFor(b);
    if (!lists.slice(x).contains(y)) {
      replace(x, lists.slice(x).with(y));
      replace(y, lists.slice(y).with(x));
      entries += 2;
      caches.stampAround(x, y, lists);
    }
  }

  /** Disconnects two members (a no-op if they are not connected). */
  void disconnect(long a, long b) {
    int x = nodes.get(a);
    int y = nodes.get(b);
    if (x < 0 || y < 0 || !lists.slice(x).contains(y)) {
      return;
    }
    replace(x, lists.slice(x).without(y));
    replace(y, lists.slice(y).without(x));
    entries -= 2;
    caches.stampAround(x, y, lists);
  }

  private int nodeFor(long member) {
    int node = nodes.get(member);
    if (node >= 0) {
      return node;
    }
    int n = nodeCount;
    if (n == members.length) {
      members = Arrays.copyOf(members, n * 2);
    }
    members[n] = member;
    AdjacencyRows current = lists;
    if (n >= current.overlay().length()) {
      lists = current.withOverlayFor(Math.max(16, n * 2));
    }
    caches.makeRoomFor(n);
    // Counted before it can be found: a reader that finds the node also finds it counted.
    nodeCount = n + 1;
    nodes.put(member, n);
    if (orderedNodes == n && (n == 0 || member > members[n - 1])) {
      orderedNodes = n + 1;
    }
    return n;
  }

  private void replace(int node, int[] list) {
    if (lists.overlay().getAndSet(node, list) == null) {
      overlaid++;
    }
    if (compacting != null) {
      compacting.changed(node);
    }
  }

  /** Whether enough lists sit in the overlay that a compaction would pay off, and none is under way. */
  boolean wantsCompaction() {
    return compacting == null && overlaid > Math.max(1_024, nodeCount / 8);
  }

  /** Folds the overlay into fresh compressed rows at once. Readers go on reading the old ones meanwhile. */
  void compact() {
    Compaction compaction = beginCompaction();
    compaction.build();
    finishCompaction(compaction);
  }

  /** Begins a compaction, for any thread to build (writer only). @throws IllegalStateException if one is under way */
  Compaction beginCompaction() {
    if (compacting != null) {
      throw new IllegalStateException("a compaction is under way");
    }
    compacting = new Compaction(lists, nodeCount, entries);
    return compacting;
  }

  /**
   * Puts the built rows in place, with the lists changed since the beginning in their overlay
   * (writer only). A compaction that was not built is dropped: the index stays as it is.
   */
  void finishCompaction(Compaction compaction) {
    if (compaction != compacting) {
      throw new IllegalStateException("not the compaction under way");
    }
    compacting = null;
    AdjacencyRows compacted = compaction.finish(lists, nodeCount);
    if (compacted != null) {
      lists = compacted;
      overlaid = compaction.carried();
    }
  }

  // ---- reads (any thread) ----------------------------------------------------------------------

  @Override
  public int size() {
    return nodeCount;
  }

  /** Nodes with a list in the overlay, awaiting a compaction (for monitoring). O(1). */
  int overlaid() {
    return overlaid;
  }

  @Override
  public long footprintBytes() {
    return lists.footprintBytes() + 8L * members.length + caches.footprintBytes() + nodes.footprintBytes();
  }

  @Override
  public long connectionCount() {
    return entries / 2;
  }

  @Override
  public boolean connected(long a, long b) {
    int x = nodes.get(a);
    int y = nodes.get(b);
    return x >= 0 && y >= 0 && lists.slice(x).contains(y);
  }

  @Override
  public long[] connectionsOf(long member) {
    int x = nodes.get(member);
    if (x < 0) {
      return new long[0];
    }
    AdjacencyRows.Slice s = lists.slice(x);
    long[] ids = new long[s.size()];
    long[] known = members;
    for (int k = 0; k < ids.length; k++) {
      ids[k] = known[s.values()[s.from() + k]];
    }
    return ids;
  }

  @Override
  public int mutualCount(long a, long b) {
    int x = nodes.get(a);
    int y = nodes.get(b);
    if (x < 0 || y < 0) {
      return 0;
    }
    AdjacencyRows current = lists;
    AdjacencyRows.Slice sa = current.slice(x);
    AdjacencyRows.Slice sb = current.slice(y);
    return SortedSets.intersectionCount(sa.values(), sa.from(), sa.to(), sb.values(), sb.from(), sb.to());
  }

  @Override
  public long[] mutuals(long a, long b, int skip, int limit) {
    int x = nodes.get(a);
    int y = nodes.get(b);
    if (x < 0 || y < 0 || skip < 0 || limit <= 0) {
      return new long[0];
    }
    AdjacencyRows current = lists;
    AdjacencyRows.Slice sa = current.slice(x);
    AdjacencyRows.Slice sb = current.slice(y);
    int[] shared = new int[Math.min(sa.size(), sb.size())];
    int n = SortedSets.intersect(sa.values(), sa.from(), sa.to(), sb.values(), sb.from(), sb.to(), shared, 0);
    int from = Math.min(skip, n);
    int to = (int) Math.min(n, (long) from + limit);
    long[] known = members;
    long[] ids = new long[to - from];
    for (int k = from; k < to; k++) {
      ids[k - from] = known[shared[k]];
    }
    return ids;
  }

  @Override
  public int[] degrees(long viewer, long[] targets) {
    int[] degrees = new int[targets.length];
    int v = nodes.get(viewer);
    if (v >= 0) {
      caches.degrees(v, targets, nodes, degrees);
    }
    return degrees;
  }

  @Override
  public List<Suggestion> suggestions(long viewer, int limit, LongPredicate excluded, Suggestion after) {
    if (limit > MAX_SUGGESTIONS) {
      throw new IllegalArgumentException("at most " + MAX_SUGGESTIONS + " suggestions a page, not " + limit);
    }
    int v = nodes.get(viewer);
    if (v < 0 || limit <= 0) {
      return List.of();
    }
    // Nodes from n on belong to writes still running when this read began: it may leave them out.
    // Read n before the lists, and the member ids after n, so that both cover every node below n.
    int n = nodeCount;
    int ordered = Math.min(orderedNodes, n);
    return suggestions.suggest(v, n, ordered, lists, members, limit, after, excluded);
  }

  @Override
  public NetworkSize networkSize(long viewer) {
    return networkSize(viewer, DirectionOptimizingNetworkSize.Direction.CHOSEN);
  }

  /** N3 searched from the side given: for tests, which check both sides against a plain search. */
  NetworkSize networkSize(long viewer, DirectionOptimizingNetworkSize.Direction direction) {
    int v = nodes.get(viewer);
    if (v < 0) {
      return new NetworkSize(0, 0, 0);
    }
    // n before the lists: nodes from n on belong to writes still running, and are left out.
    int n = nodeCount;
    return DirectionOptimizingNetworkSize.of(lists, v, n, direction);
  }
}
