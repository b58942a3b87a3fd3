package dev.rapport.network;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;

/**
 * The connections between members, in memory, for the questions of the network rules: degree (N1),
 * mutual connections (N2), network size (N3) and People You May Know (N4) (DESIGN decision 5).
 * It knows connections only; blocks, privacy and pending invitations are the caller's to apply.
 *
 * <p>Members are numbered densely (nodes 0, 1, 2, ...): a build numbers them in the order of their
 * ids, hubs last, and a member added later takes the next number (see {@code Builder}).
 * Each node's connections are a sorted {@code int[]} of nodes, so that the questions are set algebra
 * on sorted lists ({@link SortedSets}). The bulk lives in one compressed sparse row: all lists end
 * to end in one array, with each node's start in another; a node changed since then has its whole
 * list replaced in a small overlay ("the delta"), copied on write. {@link #compact} folds the
 * overlay back into a fresh compressed row.
 *
 * <p>Each viewer's 2nd-degree network (the members exactly two steps away) is computed on first
 * use and kept in a bounded cache, so that a degree badge is a lookup. A write stamps the members
 * whose 2nd-degree network it may change (both ends and their connections); a cached network older
 * than its viewer's stamp is computed again.
 *
 * <p>One thread writes ({@link #connect}, {@link #disconnect}, {@link #compact}); any number read
 * at the same time and never wait. A read sees every write that returned before it began. A read
 * that runs while a connection is being added or removed may see it on one end only.
 */
public final class GraphIndex {
  /** The compressed rows and the overlay: replaced whole when the nodes outgrow it or on compaction. */
  private record Lists(int[] offsets, int[] targets, AtomicReferenceArray<int[]> overlay) {
    int baseNodes() {
      return offsets.length - 1;
    }
  }

  /** One node's connections: {@code values[from..to)}. */
  private record Slice(int[] values, int from, int to) {
    int size() {
      return to - from;
    }
  }

  /** A viewer's 2nd-degree network as of write number {@code stamp}. */
  private record Cached(NodeSet members, long stamp) {}

  private static final int[] NONE = new int[0];
  private static final int DEFAULT_CACHED_VIEWERS = 10_000;
  /**
   * A suggestion query whose viewer's connections have at least one connection per this many nodes
   * counts in bytes and reads the counts in node order (see {@link #suggestFromMany}).
   */
  private static final int DENSE_FRACTION = 8;
  /** Columns of a suggestion query's histogram of counts (a power of two; see its use). */
  private static final int HISTOGRAM_COLUMNS = 4;

  private final MemberNodes nodes = new MemberNodes();
  private volatile long[] members = new long[16];
  private volatile int nodeCount;
  /**
   * The nodes below this have member ids in ascending order: those a build numbered before its
   * hubs, and, if it numbered no hubs, any added since with ids above the last (as time-ordered
   * ids are). Only grows.
   */
  private volatile int orderedNodes;
  private volatile Lists lists = new Lists(new int[] {0}, NONE, new AtomicReferenceArray<>(16));
  /** Nodes with a list in the overlay; the writer compacts when they are many. Writer only. */
  private int overlaid;
  private volatile long entries;
  /** How many writes have completed: the clock of the 2nd-degree cache. */
  private volatile long writes;
  /** Per node, the write that last may have changed its 2nd-degree network. */
  private volatile AtomicLongArray changedAt = new AtomicLongArray(16);
  private final Map<Integer, Cached> secondDegree = new ConcurrentHashMap<>();
  /** Viewers' 3rd-degree networks, for degree batches; a tenth as many viewers as the 2nd degree. */
  private final Map<Integer, Cached> thirdDegree = new ConcurrentHashMap<>();
  /** Counts per node for suggestion queries, lent and handed back zeroed. */
  private final Scratch<int[]> intCounts = Scratch.ofInts();
  private final Scratch<byte[]> byteCounts = Scratch.ofBytes();
  /** Lists of the nodes a suggestion query counted: written before they are read, lent back as they are. */
  private final Scratch<int[]> touchedLists = Scratch.ofInts();
  /** The counts of the nodes in a touched list, beside them: also written before they are read. */
  private final Scratch<int[]> touchedCountLists = Scratch.ofInts();
  private final int cachedViewers;
  /**
   * The fewest nodes at which a suggestion query may count in bytes (see {@link #suggestFromMany}):
   * below it the int counts fit the processor's fast caches anyway. Tests lower it.
   */
  private int countInBytesFrom = 1 << 18;

  /** An empty index that caches the 2nd-degree networks of up to 10,000 viewers. */
  public GraphIndex() {
    this(DEFAULT_CACHED_VIEWERS);
  }

  /** An empty index that caches the 2nd-degree networks of up to {@code cachedViewers} viewers. */
  public GraphIndex(int cachedViewers) {
    if (cachedViewers < 1) {
      throw new IllegalArgumentException("cachedViewers must be positive");
    }
    this.cachedViewers = cachedViewers;
  }

  /** A build numbers last, as hubs, the members with this many times the average connections... */
  private static final int HUB_FACTOR = 8;
  /** ... and at least this many. */
  private static final int HUB_LEAST = 1024;
  /** A build of at least this many entries fills its rows in two halves at once. */
  static final int BUILD_IN_HALVES_FROM = 1 << 16;

  /** Lets suggestion queries count in bytes on a network of {@code nodes} or more: for tests. */
  GraphIndex countInBytesFrom(int nodes) {
    countInBytesFrom = nodes;
    return this;
  }

  /**
   * An index of the given connections, built directly as compressed rows: the way to load a whole
   * graph at start. Each pair is one connection; duplicates and self-connections are ignored.
   */
  public static GraphIndex of(long[] from, long[] to) {
    if (from.length != to.length) {
      throw new IllegalArgumentException("from and to differ in length");
    }
    Builder builder = new Builder();
    for (int i = 0; i < from.length; i++) {
      builder.add(from[i], to[i]);
    }
    return builder.build();
  }

  /**
   * Collects connections, two ints each, and builds the compressed rows in one pass at the end:
   * for loading millions of connections as they stream in. Not thread safe.
   */
  public static final class Builder {
    private final GraphIndex index = new GraphIndex();
    /**
     * The members by node, and how many: the builder's own until {@link #build} hands them to the
     * index, so that a new member costs no volatile write and no growth of the index's other
     * per-node arrays, which are made once at the end.
     */
    private long[] members = new long[1 << 10];
    private int nodeCount;
    private int[] a = new int[1 << 12];
    private int[] b = new int[1 << 12];
    private int count;
    /** The last first member added and its node: stores give a member's connections one after another. */
    private long lastMember = MemberNodes.FREE;
    private int lastNode;

    /** Adds a connection; duplicates and self-connections are ignored when building. */
    public Builder add(long memberA, long memberB) {
      if (count == a.length) {
        a = Arrays.copyOf(a, count * 2);
        b = Arrays.copyOf(b, count * 2);
      }
      if (memberA != lastMember) {
        lastNode = nodeFor(memberA);
        lastMember = memberA;
      }
      a[count] = lastNode;
      b[count] = nodeFor(memberB);
      count++;
      return this;
    }

    private int nodeFor(long member) {
      int node = index.nodes.get(member);
      if (node < 0) {
        if (nodeCount == members.length) {
          members = Arrays.copyOf(members, nodeCount * 2);
        }
        node = nodeCount++;
        members[node] = member;
        index.nodes.putUnpublished(member, node);
      }
      return node;
    }

    /**
     * The index; the builder must not be used afterwards. On a large graph the rows are filled and
     * sorted in two halves at once, the upper one on a thread of its own: a load ends here, with
     * the store's sessions done and a processor free (email-Enron, this last part of a build alone,
     * in a loop, medians: 4.5-5.0 ms in one, 3.8-3.9 ms in two halves).
     */
    public GraphIndex build() {
      int n = nodeCount;
      int[] offsets = numberByIdHubsLast();
      for (int v = 0; v < n; v++) {
        offsets[v + 1] += offsets[v];
      }
      int[] targets = new int[offsets[n]];
      int middle = targets.length >= BUILD_IN_HALVES_FROM ? nodeHalfway(offsets) : n;
      CompletableFuture<Boolean> upper = middle == n
          ? CompletableFuture.completedFuture(false)
          : CompletableFuture.supplyAsync(() -> fillRows(offsets, targets, middle, n),
              work -> Thread.ofPlatform().name("rapport-index-build").start(work));
      boolean shortened = fillRows(offsets, targets, 0, middle);
      shortened |= upper.join(); // and every row the other thread wrote is seen from here on
      a = null;
      b = null;
      int size = shortened ? closeGaps(offsets, targets, n) : targets.length;
      // Without duplicates (as a store gives them) the rows fill the array: no copy.
      index.install(members, n, index.orderedNodes, offsets, size == targets.length ? targets : Arrays.copyOf(targets, size));
      members = null;
      return index;
    }

    /** The first node whose row starts at or past half the entries. */
    private static int nodeHalfway(int[] offsets) {
      int half = offsets[offsets.length - 1] / 2;
      int found = Arrays.binarySearch(offsets, half);
      if (found < 0) {
        return -found - 1;
      }
      while (found > 0 && offsets[found - 1] == half) {
        found--; // rows of no entries share an offset
      }
      return found;
    }

    /**
     * Fills the rows of the nodes {@code from} to {@code to} (excluded) from every pair, sorts each,
     * and keeps each entry once: a row that had duplicates ends in -1s. Whether any row did.
     * Writes only these rows, so the two halves are filled at once without a lock; each reads
     * every pair, which costs far less than the writes it skips.
     */
    private boolean fillRows(int[] offsets, int[] targets, int from, int to) {
      int[] fill = Arrays.copyOfRange(offsets, from, to);
      for (int i = 0; i < count; i++) {
        int x = a[i];
        int y = b[i];
        if (x != y) {
          if (x >= from && x < to) {
            targets[fill[x - from]++] = y;
          }
          if (y >= from && y < to) {
            targets[fill[y - from]++] = x;
          }
        }
      }
      boolean shortened = false;
      for (int v = from; v < to; v++) {
        int start = offsets[v];
        int end = offsets[v + 1];
        Arrays.sort(targets, start, end);
        int write = start;
        for (int k = start; k < end; k++) {
          if (write == start || targets[k] != targets[write - 1]) {
            targets[write++] = targets[k];
          }
        }
        if (write < end) {
          Arrays.fill(targets, write, end, -1);
          shortened = true;
        }
      }
      return shortened;
    }

    /** Moves the rows left over the -1s that duplicates left; the entries kept. */
    private static int closeGaps(int[] offsets, int[] targets, int n) {
      int write = 0;
      for (int v = 0; v < n; v++) {
        int start = offsets[v];
        int end = offsets[v + 1];
        offsets[v] = write;
        for (int k = start; k < end && targets[k] >= 0; k++) {
          targets[write++] = targets[k];
        }
      }
      offsets[n] = write;
      return write;
    }

    /**
     * Numbers the nodes again: everyone in the order of their member ids, except the hubs (members
     * with at least {@value GraphIndex#HUB_FACTOR} times the average number of connections, and
     * {@value GraphIndex#HUB_LEAST}), who come last, the most connected last of all.
     * <ul>
     *   <li>A list sorted by node is sorted by member id up to its hubs, and N4's ties, ranked by
     *       member id, compare nodes without reading ids: email-Enron's suggestions, median of its
     *       256 benchmark viewers, 2.0 -> 1.6 us.
     *   <li>A list sorted by node ends with its hubs. Network size asks each member outside the
     *       viewer's 2nd degree whether one of its connections is in it, reading the list from its
     *       end, and a hub nearly always is: with hubs anywhere in the lists, the 1M graph's network
     *       size took 56 ms at the median instead of 39.
     *   <li>Hubs come after the others rather than before, so that suggestions meet them last:
     *       offered first, they made the ties that followed read member ids (email-Enron 1.7 ->
     *       2.0 us).
     * </ul>
     * Returns the number of entries of each new node's row at {@code [node + 1]}, ready to sum into
     * the rows' offsets: the counts that pick the hubs are the rows' sizes.
     */
    private int[] numberByIdHubsLast() {
      int n = nodeCount;
      int[] degree = new int[n];
      long entries = 0;
      for (int i = 0; i < count; i++) {
        if (a[i] != b[i]) {
          degree[a[i]]++;
          degree[b[i]]++;
          entries += 2;
        }
      }
      long least = Math.max(HUB_LEAST, HUB_FACTOR * entries / Math.max(1, n));
      long[] hubs = new long[64];
      int hubCount = 0;
      long[] inOrder = new long[n];
      int others = 0;
      for (int node = 0; node < n; node++) {
        if (degree[node] >= least) {
          if (hubCount == hubs.length) {
            hubs = Arrays.copyOf(hubs, hubCount * 2);
          }
          hubs[hubCount++] = (long) degree[node] << 32 | node;
        } else {
          inOrder[others++] = members[node];
        }
      }
      Arrays.sort(inOrder, 0, others);
      Arrays.sort(hubs, 0, hubCount);
      for (int h = 0; h < hubCount; h++) {
        inOrder[others + h] = members[(int) hubs[h]];
      }
      int[] renumbered = index.nodes.renumberUnpublished(inOrder);
      for (int i = 0; i < count; i++) {
        a[i] = renumbered[a[i]];
        b[i] = renumbered[b[i]];
      }
      members = inOrder;
      index.orderedNodes = others;
      int[] sizes = new int[n + 1];
      for (int node = 0; node < n; node++) {
        sizes[renumbered[node] + 1] = degree[node];
      }
      return sizes;
    }
  }

  /**
   * Puts whole rows in place, for nodes numbered {@code 0..n-1} whose ids are in {@code members}
   * (and in the id table already). The per-node arrays are made at the size there is; the node
   * count is written last, with a volatile write, after everything it counts.
   */
  private void install(long[] members, int n, int ordered, int[] offsets, int[] targets) {
    this.members = Arrays.copyOf(members, Math.max(16, n));
    this.changedAt = new AtomicLongArray(Math.max(16, n));
    this.lists = new Lists(offsets, targets, new AtomicReferenceArray<>(Math.max(16, n)));
    this.entries = targets.length;
    this.orderedNodes = ordered;
    this.nodeCount = n;
  }

  // ---- a copy kept in the store (see Network) -------------------------------------------------

  /**
   * The index as it is, in {@link IndexCopy}'s format. The writer's thread only: nothing may
   * change it while it is written.
   */
  List<byte[]> copy() {
    return copy(new IndexCopy.Out());
  }

  List<byte[]> copy(IndexCopy.Out out) {
    int n = nodeCount;
    Lists current = lists;
    long[] known = members;
    out.putInt(IndexCopy.MAGIC);
    out.putInt(IndexCopy.FORMAT);
    out.putInt(n);
    out.putInt(Math.min(orderedNodes, n));
    out.putLong(entries);
    out.putLongs(known, 0, n);
    int offset = 0;
    out.putInt(offset);
    for (int v = 0; v < n; v++) {
      offset += slice(current, v).size();
      out.putInt(offset);
    }
    for (int v = 0; v < n; v++) {
      Slice s = slice(current, v);
      out.putInts(s.values(), s.from(), s.to());
    }
    return out.finish();
  }

  /**
   * An index read back from a {@link #copy}, numbered as it was. Checks what a damaged or foreign
   * copy could break before any query relies on it: the checksum, every row sorted and within the
   * nodes, each member once.
   *
   * @throws IndexCopy.Unreadable if the bytes are not such a copy
   */
  static GraphIndex restore(List<byte[]> parts) throws IndexCopy.Unreadable {
    IndexCopy.In in = new IndexCopy.In(parts);
    if (in.getInt() != IndexCopy.MAGIC || in.getInt() != IndexCopy.FORMAT) {
      throw new IndexCopy.Unreadable("not a copy of the graph index in format " + IndexCopy.FORMAT);
    }
    int n = in.getInt();
    int ordered = in.getInt();
    long entries = in.getLong();
    if (n < 0 || ordered < 0 || ordered > n || entries < 0 || entries > Integer.MAX_VALUE - 8) {
      throw new IndexCopy.Unreadable("the copy's counts are out of range");
    }
    long[] members = new long[n];
    in.getLongs(members, 0, n);
    int[] offsets = new int[n + 1];
    in.getInts(offsets, 0, n + 1);
    if (offsets[0] != 0 || offsets[n] != entries) {
      throw new IndexCopy.Unreadable("the copy's rows do not add up to its entries");
    }
    int[] targets = new int[(int) entries];
    in.getInts(targets, 0, targets.length);
    in.end();
    for (int v = 0; v < n; v++) {
      if (offsets[v + 1] < offsets[v]) {
        throw new IndexCopy.Unreadable("the copy's rows overlap");
      }
      for (int k = offsets[v]; k < offsets[v + 1]; k++) {
        if (targets[k] < 0 || targets[k] >= n || targets[k] == v || (k > offsets[v] && targets[k] <= targets[k - 1])) {
          throw new IndexCopy.Unreadable("a row of the copy is not sorted, or names its own node or one it does not have");
        }
      }
    }
    GraphIndex index = new GraphIndex();
    for (int v = 0; v < n; v++) {
      if (members[v] == MemberNodes.FREE || index.nodes.get(members[v]) >= 0) {
        throw new IndexCopy.Unreadable("the copy names member " + members[v] + " twice, or a reserved id");
      }
      index.nodes.putUnpublished(members[v], v);
    }
    index.install(members, n, ordered, offsets, targets);
    return index;
  }

  // ---- writes (one thread) ---------------------------------------------------------------------

  /** Connects two members (a no-op if they are connected or the same). */
  public void connect(long a, long b) {
    if (a == b) {
      return;
    }
    int x = nodeFor(a);
    int y = nodeFor(b);
    if (!contains(slice(lists, x), y)) {
      replace(x, with(slice(lists, x), y));
      replace(y, with(slice(lists, y), x));
      entries += 2;
      stampNetworksAround(x, y);
    }
  }

  /** Disconnects two members (a no-op if they are not connected). */
  public void disconnect(long a, long b) {
    int x = nodes.get(a);
    int y = nodes.get(b);
    if (x < 0 || y < 0 || !contains(slice(lists, x), y)) {
      return;
    }
    replace(x, without(slice(lists, x), y));
    replace(y, without(slice(lists, y), x));
    entries -= 2;
    stampNetworksAround(x, y);
  }

  /**
   * After the lists changed: who is two steps from whom changes only for the two ends and their
   * connections. Counting the write first means a reader that began computing before it sees a
   * stamp newer than its own.
   */
  private void stampNetworksAround(int x, int y) {
    long write = writes + 1;
    writes = write;
    AtomicLongArray stamps = changedAt;
    Lists current = lists;
    for (int end : new int[] {x, y}) {
      stamps.set(end, write);
      Slice s = slice(current, end);
      for (int k = s.from(); k < s.to(); k++) {
        stamps.set(s.values()[k], write);
      }
    }
  }

  /**
   * Whether enough lists sit in the overlay that a compaction would pay off, and none is under way.
   */
  public boolean wantsCompaction() {
    return compacting == null && overlaid > Math.max(1_024, nodeCount / 8);
  }

  /** Folds the overlay into fresh compressed rows at once. Readers go on reading the old ones meanwhile. */
  public void compact() {
    Compaction compaction = beginCompaction();
    compaction.build();
    finishCompaction(compaction);
  }

  /**
   * Folding the overlay into fresh compressed rows without stopping the writer: the writer begins
   * it, any thread builds the rows (the long part, a copy of every list), and the writer finishes
   * it by putting them in place. Lists the writer changed after the beginning stay in the overlay
   * of the new rows, so no write is lost whenever the build read their lists.
   */
  public final class Compaction {
    private final Lists from;
    private final int nodes;
    private final long expectedEntries;
    private int[] offsets;
    private int[] targets;
    private volatile boolean built;

    private Compaction(Lists from, int nodes, long expectedEntries) {
      this.from = from;
      this.nodes = nodes;
      this.expectedEntries = expectedEntries;
    }

    /** Copies every list into new compressed rows. Any one thread, once; takes no lock. */
    public void build() {
      if (built) {
        throw new IllegalStateException("this compaction is built already");
      }
      int[] rowStarts = new int[nodes + 1];
      int[] values = new int[Math.toIntExact(Math.max(16, expectedEntries))];
      int write = 0;
      for (int v = 0; v < nodes; v++) {
        rowStarts[v] = write;
        Slice s = slice(from, v); // read once: the writer may replace it meanwhile
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
  }

  /** The compaction under way, if any. Writer only. */
  private Compaction compacting;
  /** Nodes whose lists changed since the compaction under way began. Writer only. */
  private int[] changedSinceCompaction = new int[64];
  private int changedSinceCompactionCount;

  /** Begins a compaction (writer only). @throws IllegalStateException if one is under way */
  public Compaction beginCompaction() {
    if (compacting != null) {
      throw new IllegalStateException("a compaction is under way");
    }
    compacting = new Compaction(lists, nodeCount, entries);
    changedSinceCompactionCount = 0;
    return compacting;
  }

  /**
   * Puts the built rows in place, with the lists changed since the beginning in their overlay
   * (writer only). A compaction that was not built is dropped: the index stays as it is.
   */
  public void finishCompaction(Compaction compaction) {
    if (compaction != compacting) {
      throw new IllegalStateException("not the compaction under way");
    }
    compacting = null;
    int changed = changedSinceCompactionCount;
    changedSinceCompactionCount = 0;
    if (compaction.built) {
      putInPlace(compaction, changed);
    }
    if (changedSinceCompaction.length > 4_096) {
      changedSinceCompaction = new int[64]; // a busy spell need not keep its memory
    }
  }

  private void putInPlace(Compaction compaction, int changed) {
    Lists current = lists;
    AtomicReferenceArray<int[]> overlay = new AtomicReferenceArray<>(Math.max(16, nodeCount));
    int carried = 0;
    for (int i = 0; i < changed; i++) {
      int v = changedSinceCompaction[i];
      if (overlay.get(v) == null) {
        Slice s = slice(current, v);
        overlay.set(v, Arrays.copyOfRange(s.values(), s.from(), s.to()));
        carried++;
      }
    }
    lists = new Lists(compaction.offsets, compaction.targets, overlay);
    overlaid = carried;
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
    Lists current = lists;
    if (n >= current.overlay().length()) {
      AtomicReferenceArray<int[]> bigger = new AtomicReferenceArray<>(Math.max(16, n * 2));
      // Plain writes: the copy is published whole by the volatile write of `lists` below.
      for (int v = 0; v < current.overlay().length(); v++) {
        bigger.setPlain(v, current.overlay().get(v));
      }
      lists = new Lists(current.offsets(), current.targets(), bigger);
    }
    if (n == changedAt.length()) {
      AtomicLongArray bigger = new AtomicLongArray(n * 2);
      // Plain writes: the copy is published whole by the volatile write of `changedAt` below.
      for (int v = 0; v < n; v++) {
        bigger.setPlain(v, changedAt.get(v));
      }
      changedAt = bigger;
    }
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
      if (changedSinceCompactionCount == changedSinceCompaction.length) {
        changedSinceCompaction = Arrays.copyOf(changedSinceCompaction, changedSinceCompactionCount * 2);
      }
      changedSinceCompaction[changedSinceCompactionCount++] = node;
    }
  }

  private static int[] with(Slice s, int node) {
    int at = SortedSets.lowerBound(s.values(), s.from(), s.to(), node) - s.from();
    int[] list = new int[s.size() + 1];
    System.arraycopy(s.values(), s.from(), list, 0, at);
    list[at] = node;
    System.arraycopy(s.values(), s.from() + at, list, at + 1, s.size() - at);
    return list;
  }

  private static int[] without(Slice s, int node) {
    int at = SortedSets.lowerBound(s.values(), s.from(), s.to(), node) - s.from();
    int[] list = new int[s.size() - 1];
    System.arraycopy(s.values(), s.from(), list, 0, at);
    System.arraycopy(s.values(), s.from() + at + 1, list, at, s.size() - at - 1);
    return list;
  }

  // ---- reads (any thread) ----------------------------------------------------------------------

  /** How many members the index knows. */
  public int size() {
    return nodeCount;
  }

  /**
   * The bytes of the arrays the index keeps: rows, overlay, member ids, the id table and the
   * stamps (4 bytes a reference, as with compressed references). Object headers and the
   * 2nd-degree cache, which is bounded separately, are left out.
   */
  public long footprintBytes() {
    Lists current = lists;
    long bytes = 4L * current.offsets().length + 4L * current.targets().length + 4L * current.overlay().length();
    for (int v = 0; v < current.overlay().length(); v++) {
      int[] list = current.overlay().get(v);
      bytes += list == null ? 0 : 4L * list.length;
    }
    return bytes + 8L * members.length + 8L * changedAt.length() + nodes.footprintBytes();
  }

  /** How many connections the index holds (each counted once). */
  public long connectionCount() {
    return entries / 2;
  }

  /** Whether the two members are connected. */
  public boolean connected(long a, long b) {
    int x = nodes.get(a);
    int y = nodes.get(b);
    return x >= 0 && y >= 0 && contains(slice(lists, x), y);
  }

  /** The member's connections, as member ids in node order. */
  public long[] connectionsOf(long member) {
    int x = nodes.get(member);
    if (x < 0) {
      return new long[0];
    }
    Slice s = slice(lists, x);
    long[] ids = new long[s.size()];
    long[] known = members;
    for (int k = 0; k < ids.length; k++) {
      ids[k] = known[s.values()[s.from() + k]];
    }
    return ids;
  }

  /** N2: how many connections the two members share. */
  public int mutualCount(long a, long b) {
    int x = nodes.get(a);
    int y = nodes.get(b);
    if (x < 0 || y < 0) {
      return 0;
    }
    Lists current = lists;
    Slice sa = slice(current, x);
    Slice sb = slice(current, y);
    return SortedSets.intersectionCount(sa.values(), sa.from(), sa.to(), sb.values(), sb.from(), sb.to());
  }

  /**
   * N2: the connections two members share, as member ids, at most {@code limit} of them from the
   * {@code skip}-th on, in the index's own order (by node: by member id for the members the load
   * found, its hubs last, then in the order others appeared), which is stable while the two
   * members' connections do not change.
   */
  public long[] mutuals(long a, long b, int skip, int limit) {
    int x = nodes.get(a);
    int y = nodes.get(b);
    if (x < 0 || y < 0 || skip < 0 || limit <= 0) {
      return new long[0];
    }
    Lists current = lists;
    Slice sa = slice(current, x);
    Slice sb = slice(current, y);
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

  /**
   * N1: the target's degree as the viewer sees it: 1 (connected), 2 (they share a connection), 3
   * (the target is connected to a 2nd-degree member of the viewer's), or empty (out of network,
   * unknown, or the viewer themself).
   */
  public OptionalInt degree(long viewer, long target) {
    int degree = degrees(viewer, new long[] {target})[0];
    return degree == 0 ? OptionalInt.empty() : OptionalInt.of(degree);
  }

  /**
   * N1 for many targets at once, against the viewer's cached 2nd-degree network: each target's
   * degree (1, 2 or 3), or 0 where {@link #degree} is empty.
   */
  public int[] degrees(long viewer, long[] targets) {
    int[] degrees = new int[targets.length];
    int v = nodes.get(viewer);
    if (v < 0) {
      return degrees;
    }
    NodeSet second = secondDegreeOf(v);
    // A batch is mostly members beyond the 2nd degree; without their set, each costs a look at
    // every connection of theirs.
    NodeSet third = targets.length >= THIRD_DEGREE_BATCH ? thirdDegreeOf(v) : null;
    Lists current = lists;
    Slice mine = slice(current, v);
    for (int i = 0; i < targets.length; i++) {
      int t = nodes.get(targets[i]);
      if (t < 0 || t == v) {
        continue;
      }
      if (contains(mine, t)) {
        degrees[i] = 1;
      } else if (second.contains(t)) {
        degrees[i] = 2;
      } else if (third != null) {
        degrees[i] = third.contains(t) ? 3 : 0;
      } else {
        Slice theirs = slice(current, t);
        degrees[i] = second.containsAny(theirs.values(), theirs.from(), theirs.to()) ? 3 : 0;
      }
    }
    return degrees;
  }

  /** From this many targets on, a degree batch uses (and caches) the viewer's 3rd-degree network. */
  private static final int THIRD_DEGREE_BATCH = 64;

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
    Lists current = lists;
    BitSet second = secondDegreeBits(current, v);
    BitSet third = new BitSet(nodeCount);
    for (int u = second.nextSetBit(0); u >= 0; u = second.nextSetBit(u + 1)) {
      Slice s = slice(current, u);
      for (int k = s.from(); k < s.to(); k++) {
        third.set(s.values()[k]);
      }
    }
    third.andNot(second);
    third.clear(v);
    Slice first = slice(current, v);
    for (int k = first.from(); k < first.to(); k++) {
      third.clear(first.values()[k]);
    }
    NodeSet members = NodeSet.of(third.stream().toArray(), nodeCount);
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
    Slice first = slice(lists, v);
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
    NodeSet members = NodeSet.of(secondDegree(lists, v), nodeCount);
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

  /** A member suggested to a viewer (N4), with how many connections they share. */
  public record Suggestion(long member, int mutualCount) {}

  /**
   * The most suggestions one query gives: a page. The best are kept in order, each kept offer
   * moving the worse down, which stays cheap for pages but not for a whole ranking at once.
   */
  public static final int MAX_SUGGESTIONS = 1_000;

  /**
   * N4: up to {@code limit} members the viewer may know, ranked by how many connections they share
   * (most first, then by member id, ascending), leaving out the viewer, their connections and every
   * member {@code excluded} accepts (pending invitations, blocks and dismissals, which the caller
   * knows). Only members who share at least one connection are suggested. A limit above
   * {@value #MAX_SUGGESTIONS} is refused; the ranking is read further page by page.
   */
  public List<Suggestion> suggestions(long viewer, int limit, LongPredicate excluded) {
    return suggestions(viewer, limit, excluded, null);
  }

  /**
   * N4, continued: as {@link #suggestions(long, int, LongPredicate)}, but only the members ranked
   * after {@code after} (the last one of a previous page), or from the top when it is null.
   */
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
    Lists current = lists;
    Slice first = slice(current, v);
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
   * nodes. Only to choose the way of counting: the lists are read again, as they may be by then.
   */
  private boolean reachesMany(Lists current, Slice first, int n) {
    long paths = 0;
    for (int k = first.from(); k < first.to(); k++) {
      paths += slice(current, first.values()[k]).size();
    }
    return paths >= n / DENSE_FRACTION;
  }

  /** One suggestion query: the viewer's node and list, the nodes it may see, and what it asks. */
  private record Question(int viewer, Slice first, int nodes, int ordered, long[] members, int limit,
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
    int endBelowNodes(Slice s) {
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
   * Nearly a third of email-Enron's members have one connection (11,211 of 36,692); the median of
   * its 256 benchmark viewers went from 2.7 to 2.1 us.
   */
  private BestSuggestions suggestFromOne(Lists current, Question question) {
    Slice s = slice(current, question.first().values()[question.first().from()]);
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
  private BestSuggestions suggestFromFew(Lists current, Question question) {
    int n = question.nodes();
    Slice first = question.first();
    int[] counts = intCounts.take(n);
    // Each node below n is listed once at most, and one more slot is written past the last.
    int[] touched = touchedLists.take(n + 1);
    int[] touchedCounts = touchedCountLists.take(n);
    int touchedCount = 0;
    for (int k = first.from(); k < first.to(); k++) {
      // Each list is read once: the writer may replace it between two reads.
      Slice s = slice(current, first.values()[k]);
      int[] values = s.values();
      int to = question.endBelowNodes(s);
      for (int m = s.from(); m < to; m++) {
        int u = values[m];
        int c = counts[u];
        counts[u] = c + 1;
        // Listed when first counted (c == 0), without a branch: whether a node was seen before is
        // as good as random to the processor. With the cut of nodes from n on: LDBC SF0.1 7.1 -> 5.2 us median.
        touched[touchedCount] = u;
        touchedCount += ((c - 1) & ~c) >>> 31;
      }
    }
    forViewerAndConnections(question, u -> counts[u] = 0);
    // The one pass that reads the counts at random: it copies each count beside its node, in the
    // order counted, clears it, and takes a histogram of the counts (none exceeds the viewer's
    // connections). The viewer's own nodes keep a count of 0, below any threshold, which costs less
    // than leaving them out of the lists (LDBC SF0.1 3.7 -> 3.4 us median). The histogram has
    // four columns, taken in turn: most counts are 1 or 2, and one column made each increment wait
    // for the last one to reach memory (email-Enron 4.1 -> 3.2 us median).
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
   * the 1M graph walks a million paths to most of it). Each count is a byte, so that the counts of
   * a million nodes fit the processor's 2 MiB cache: 2.4 ms to count such a viewer against 4.7 ms
   * with ints. A byte that wraps around carries 256 to the node's int, which happens once in 256
   * counts at most. The counts are then read in node order, which the processor streams, not at
   * random.
   */
  private BestSuggestions suggestFromMany(Lists current, Question question) {
    int n = question.nodes();
    Slice first = question.first();
    byte[] counts = byteCounts.take(n);
    int[] carries = intCounts.take(n);
    // Nodes whose count wrapped around, once per wrap.
    int[] carried = new int[64];
    int carriedCount = 0;
    for (int k = first.from(); k < first.to(); k++) {
      // Each list is read once: the writer may replace it between two reads.
      Slice s = slice(current, first.values()[k]);
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
    // A node is looked at only when its count could be kept, which soon stops being true of most.
    for (int u = 0; u < n; u++) {
      int count = counts[u] & 0xff;
      if (count >= best.leastCount()) {
        question.offer(best, u, count);
      }
    }
    Arrays.fill(counts, 0, n, (byte) 0);
    byteCounts.give(counts);
    return best;
  }

  /**
   * Runs for the viewer and each of their connections: counted like anyone (the viewer is in each
   * connection's list), but no candidates, so their counts are cleared before the ranking.
   */
  private static void forViewerAndConnections(Question question, IntConsumer action) {
    action.accept(question.viewer());
    Slice first = question.first();
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

  /** N3: how many members are 1st, 2nd and 3rd-degree to the viewer. */
  public record NetworkSize(int first, int second, int third) {}

  /** N3 for one viewer; zeros for an unknown one. */
  public NetworkSize networkSize(long viewer) {
    int v = nodes.get(viewer);
    if (v < 0) {
      return new NetworkSize(0, 0, 0);
    }
    // n before the lists: nodes from n on belong to writes still running, and are left out.
    int n = nodeCount;
    Lists current = lists;
    Slice first = slice(current, v);
    BitSet second = secondDegreeBits(current, v);
    BitSet near = (BitSet) second.clone();
    near.set(v);
    long outward = 0; // the lists a search outward from the 2nd degree would read, entry by entry
    for (int k = first.from(); k < first.to(); k++) {
      near.set(first.values()[k]);
    }
    for (int u = second.nextSetBit(0); u >= 0; u = second.nextSetBit(u + 1)) {
      outward += slice(current, u).size();
    }
    // When the 2nd degree is large, most members are 3rd-degree: asking each member outside
    // whether one of its connections is 2nd-degree stops at the first that is, and reads far less
    // than every list of the 2nd degree (a direction-optimizing search).
    int third = outward > n ? thirdFromOutside(current, n, near, second) : thirdFromInside(current, near, second);
    return new NetworkSize(first.size(), second.cardinality(), third);
  }

  /**
   * Members outside {@code near} with a connection in {@code second}, found from their side. This
   * loop visits nearly every node of the network, so it reads the bit sets as plain words, a
   * word of outside members at a time, and each list straight from the rows and the overlay, as
   * {@link #slice} would. Through {@code slice} the same search took 42 ms at the median on the 1M
   * graph, against 33 ms (interleaved runs of both, with the words either way).
   */
  private static int thirdFromOutside(Lists current, int n, BitSet near, BitSet second) {
    long[] secondWords = second.toLongArray();
    long[] nearWords = near.toLongArray();
    int[] offsets = current.offsets();
    int[] targets = current.targets();
    AtomicReferenceArray<int[]> overlay = current.overlay();
    int overlaid = Math.min(n, overlay.length());
    int base = Math.min(n, current.baseNodes());
    int third = 0;
    int words = (n + 63) >>> 6;
    for (int word = 0; word < words; word++) {
      long outside = ~(word < nearWords.length ? nearWords[word] : 0L);
      for (; outside != 0; outside &= outside - 1) {
        int w = (word << 6) + Long.numberOfTrailingZeros(outside);
        int[] values = w < overlaid ? overlay.get(w) : null;
        int from;
        int to;
        if (values != null) {
          from = 0;
          to = values.length;
        } else if (w < base) {
          values = targets;
          from = offsets[w];
          to = offsets[w + 1];
        } else {
          continue; // no list, or a node from n on
        }
        // From the end, where a build put the hubs, the members most likely to be 2nd-degree.
        for (int k = to - 1; k >= from; k--) {
          int x = values[k];
          int xWord = x >>> 6;
          if (xWord < secondWords.length && (secondWords[xWord] & (1L << x)) != 0) {
            third++;
            break;
          }
        }
      }
    }
    return third;
  }

  /** Members outside {@code near} with a connection in {@code second}, found from the 2nd degree. */
  private static int thirdFromInside(Lists current, BitSet near, BitSet second) {
    BitSet seen = near; // taken over: marks the 3rd degree as it is found
    int third = 0;
    for (int u = second.nextSetBit(0); u >= 0; u = second.nextSetBit(u + 1)) {
      Slice s = slice(current, u);
      for (int k = s.from(); k < s.to(); k++) {
        int w = s.values()[k];
        if (!seen.get(w)) {
          seen.set(w);
          third++;
        }
      }
    }
    return third;
  }

  /** The nodes exactly two steps from the viewer's node, sorted. */
  private int[] secondDegree(Lists current, int v) {
    return secondDegreeBits(current, v).stream().toArray();
  }

  /** The nodes exactly two steps from the viewer's node. */
  private BitSet secondDegreeBits(Lists current, int v) {
    BitSet marks = new BitSet(nodeCount);
    Slice first = slice(current, v);
    for (int k = first.from(); k < first.to(); k++) {
      Slice s = slice(current, first.values()[k]);
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

  private static boolean contains(Slice s, int node) {
    return SortedSets.contains(s.values(), s.from(), s.to(), node);
  }

  /** A node's list: its overlay entry if it has one, else its compressed row (empty past the rows). */
  private static Slice slice(Lists current, int node) {
    int[] replaced = node < current.overlay().length() ? current.overlay().get(node) : null;
    if (replaced != null) {
      return new Slice(replaced, 0, replaced.length);
    }
    if (node >= current.baseNodes()) {
      return new Slice(NONE, 0, 0);
    }
    return new Slice(current.targets(), current.offsets()[node], current.offsets()[node + 1]);
  }
}
