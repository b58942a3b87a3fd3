package dev.rapport.network;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds a whole index at once from its connections, for loading millions of them as they stream
 * in ({@link GraphIndex#builder}): the connections are collected as pairs of nodes, the nodes
 * numbered again in member id order with the hubs last, and the compressed rows filled by counting
 * and sorted, in two halves at once on a large graph. About linear in the connections, plus a sort
 * of each row and of the member ids. Not thread safe.
 */
public final class GraphIndexBuilder {
  /** A build numbers last, as hubs, the members with this many times the average connections... */
  static final int HUB_FACTOR = 8;
  /** ... and at least this many. */
  static final int HUB_LEAST = 1024;
  /** A build of at least this many entries fills its rows in two halves at once. */
  static final int BUILD_IN_HALVES_FROM = 1 << 16;

  private final Executor background;
  private final MemberNodes nodes = new MemberNodes();
  /**
   * The members by node, and how many: the build's own until {@link #build} hands them to the
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
  /** The nodes below this have member ids in ascending order: all but the hubs, once numbered. */
  private int orderedNodes;

  /** A builder that hands the upper half of a large build to {@code background}. */
  GraphIndexBuilder(Executor background) {
    this.background = background;
  }

  /**
   * Makes room for this many connections in all, for a caller who knows how many will come, so
   * that the pairs do not grow by copying: on a large graph the last copy would hold the pairs
   * three times over for a moment. A hint: more may still be added.
   */
  public GraphIndexBuilder expecting(int connections) {
    if (connections > a.length) {
      a = Arrays.copyOf(a, connections);
      b = Arrays.copyOf(b, connections);
    }
    return this;
  }

  /** Adds a connection; duplicates and self-connections are ignored when building. */
  public GraphIndexBuilder add(long memberA, long memberB) {
    if (count == a.length) {
      int grown = (int) Math.min(Integer.MAX_VALUE - 16, 2L * count);
      a = Arrays.copyOf(a, grown);
      b = Arrays.copyOf(b, grown);
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
    int node = nodes.get(member);
    if (node < 0) {
      if (nodeCount == members.length) {
        members = Arrays.copyOf(members, nodeCount * 2);
      }
      node = nodeCount++;
      members[node] = member;
      nodes.putUnpublished(member, node);
    }
    return node;
  }

  /**
   * The index; the builder must not be used afterwards. On a large graph the rows are filled and
   * sorted in two halves at once, the upper one handed to the background executor: a load ends here,
   * with the store's sessions done and a processor free (see BENCHMARKS.md). If the executor has
   * not begun the upper half when the lower one is done, or refuses it, this thread fills it too,
   * so an executor that runs tasks inline, later or never cannot stall the build.
   */
  public GraphIndex build() {
    int n = nodeCount;
    int[] offsets = numberByIdHubsLast();
    for (int v = 0; v < n; v++) {
      offsets[v + 1] += offsets[v];
    }
    int[] targets = new int[offsets[n]];
    int middle = targets.length >= BUILD_IN_HALVES_FROM ? nodeHalfway(offsets) : n;
    boolean shortened;
    if (middle == n) {
      shortened = fillRows(offsets, targets, 0, n);
    } else {
      CompletableFuture<Boolean> upper = new CompletableFuture<>();
      AtomicBoolean taken = new AtomicBoolean();
      Runnable fillUpper = () -> {
        if (taken.compareAndSet(false, true)) {
          try {
            upper.complete(fillRows(offsets, targets, middle, n));
          } catch (Throwable failure) {
            upper.completeExceptionally(failure);
          }
        }
      };
      try {
        background.execute(fillUpper);
      } catch (RejectedExecutionException refused) {
        // Filled below, on this thread.
      }
      shortened = fillRows(offsets, targets, 0, middle);
      fillUpper.run(); // a no-op if the executor took it
      shortened |= upper.join(); // and every row the other thread wrote is seen from here on
    }
    a = null;
    b = null;
    int size = shortened ? closeGaps(offsets, targets, n) : targets.length;
    // Without duplicates (as a store gives them) the rows fill the array: no copy.
    GraphIndex index = new GraphIndex(nodes, members, n, orderedNodes, offsets,
        size == targets.length ? targets : Arrays.copyOf(targets, size), GraphIndex.DEFAULT_CACHED_VIEWERS);
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
   * with at least {@value #HUB_FACTOR} times the average number of connections, and
   * {@value #HUB_LEAST}), who come last, the most connected last of all. Suggestions then break
   * ties of counts on nodes without reading member ids, and network size, which reads each list
   * from its end, meets the hubs first (docs/decisions/0003).
   *
   * <p>Returns the number of entries of each new node's row at {@code [node + 1]}, ready to sum
   * into the rows' offsets: the counts that pick the hubs are the rows' sizes.
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
    int[] renumbered = nodes.renumberUnpublished(inOrder);
    for (int i = 0; i < count; i++) {
      a[i] = renumbered[a[i]];
      b[i] = renumbered[b[i]];
    }
    members = inOrder;
    orderedNodes = others;
    int[] sizes = new int[n + 1];
    for (int node = 0; node < n; node++) {
      sizes[renumbered[node] + 1] = degree[node];
    }
    return sizes;
  }
}
