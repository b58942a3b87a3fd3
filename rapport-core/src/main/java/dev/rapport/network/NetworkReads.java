package dev.rapport.network;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongPredicate;

/**
 * The questions the graph index answers, and none of its writes: what {@link Network#current()}
 * hands to readers. It knows connections only; blocks, privacy and pending invitations are the
 * caller's to apply. An unknown member has no connections.
 *
 * <p>Thread safe: any number of threads ask at once, without waiting for one another or for the
 * writer. A question sees every write that returned before it began; one asked while a connection
 * is being added or removed may see it on one end only.
 */
public interface NetworkReads {
  /**
   * The most suggestions one query gives: a page. The best are kept in order, each kept offer
   * moving the worse down, which stays cheap for pages but not for a whole ranking at once.
   */
  int MAX_SUGGESTIONS = 1_000;

  /** How many members the index knows. O(1). */
  int size();

  /** How many connections the index holds, each counted once. O(1). */
  long connectionCount();

  /**
   * The bytes of the arrays the index keeps: rows, overlay, member ids, the id table and the
   * stamps (4 bytes a reference, as with compressed references). Object headers and the
   * 2nd-degree cache, which is bounded separately, are left out. Linear in the members.
   */
  long footprintBytes();

  /** Whether the two members are connected. A binary search of one's connections. */
  boolean connected(long a, long b);

  /** The member's connections, as member ids in the index's own order (see {@link #mutuals}). */
  long[] connectionsOf(long member);

  /** N2: how many connections the two members share. Linear in the smaller list at worst. */
  int mutualCount(long a, long b);

  /**
   * N2: the connections two members share, as member ids, at most {@code limit} of them from the
   * {@code skip}-th on, in the index's own order (by node: by member id for the members the load
   * found, its hubs last, then in the order others appeared), which is stable while the two
   * members' connections do not change.
   */
  long[] mutuals(long a, long b, int skip, int limit);

  /**
   * N1: the target's degree as the viewer sees it: 1 (connected), 2 (they share a connection), 3
   * (the target is connected to a 2nd-degree member of the viewer's), or empty (out of network,
   * unknown, or the viewer themself).
   */
  default OptionalInt degree(long viewer, long target) {
    int degree = degrees(viewer, new long[] {target})[0];
    return degree == 0 ? OptionalInt.empty() : OptionalInt.of(degree);
  }

  /**
   * N1 for many targets at once: each target's degree (1, 2 or 3), or 0 where {@link #degree} is
   * empty. The viewer's 2nd-degree network (and, for a batch of 64 or more, the 3rd) is computed
   * once and cached until a write changes it, so a batch costs about a lookup per target.
   */
  int[] degrees(long viewer, long[] targets);

  /**
   * N4: up to {@code limit} members the viewer may know, ranked by how many connections they share
   * (most first, then by member id, ascending), leaving out the viewer, their connections and every
   * member {@code excluded} accepts (pending invitations, blocks and dismissals, which the caller
   * knows). Only members who share at least one connection are suggested. About linear in the
   * connections of the viewer's connections.
   *
   * @throws IllegalArgumentException if {@code limit} is above {@value #MAX_SUGGESTIONS}; the
   *     ranking is read further page by page
   */
  default List<Suggestion> suggestions(long viewer, int limit, LongPredicate excluded) {
    return suggestions(viewer, limit, excluded, null);
  }

  /**
   * N4, continued: as {@link #suggestions(long, int, LongPredicate)}, but only the members ranked
   * after {@code after} (the last one of a previous page), or from the top when it is null.
   */
  List<Suggestion> suggestions(long viewer, int limit, LongPredicate excluded, Suggestion after);

  /**
   * N3 for one viewer; zeros for an unknown one. Linear in the lists it reads: those of the 2nd
   * degree, or, when those are many, those of the members outside it.
   */
  NetworkSize networkSize(long viewer);
}
