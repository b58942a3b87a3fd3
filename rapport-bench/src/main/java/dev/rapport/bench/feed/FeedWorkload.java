package dev.rapport.bench.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

/**
 * A seeded feed workload of issue 17: members, posts over a window of days by authors whose output
 * follows a power law, follows, connections, reactions and comments, and the viewers the benchmarks
 * ask for their feed. The same arguments always give the same workload, so every engine of a run,
 * and every fork, answers the same question about the same data.
 *
 * <p>Members are {@code 0..members-1}, each given a popularity rank in a seeded random order; a
 * member of rank {@code r} (from 1) posts, and is followed, in proportion to {@code 1 / (r + 100)}
 * (Zipf-Mandelbrot with exponent 1): the most popular member writes about 0.15% of the posts (some
 * fifty a day in a month of a million), the median member three a month. Each viewer follows
 * {@link #FOLLOWED_BY_VIEWER} distinct members: the first half of the viewers draw them by the same
 * popularity (people follow whom others follow, so their followed write much of what is written),
 * the other half uniformly (colleagues and classmates, who write little of it), since how much of all posts a viewer's
 * followed write decides which plain SQL query is best. Each viewer is connected to {@link #CONNECTED_FOLLOWED} of them and to
 * {@link #CONNECTED_UNFOLLOWED} members they do not follow (a connection unfollowed: P3), and those
 * connections react to and comment on recent posts, which is what {@code top} adds. Every other
 * member follows {@link #FOLLOWS_PER_MEMBER} members drawn by popularity.
 *
 * <p>Posts are numbered in the order they were written: post {@code p}'s id is time-ordered as the
 * kernel's {@code TimeOrderedIds} makes them (milliseconds since 2025 shifted left by 22 bits, then a
 * sequence), so a higher number is a later post and a higher id. One post in ten is visible to the
 * author's connections only.
 *
 * <p>Cost: linear in what it makes, on one thread.
 */
public final class FeedWorkload {
  /** How many members each viewer follows (the issue's figure). */
  public static final int FOLLOWED_BY_VIEWER = 1_000;
  /** How many of those followed members are also the viewer's connections. */
  public static final int CONNECTED_FOLLOWED = 200;
  /** How many connections each viewer has and does not follow. */
  public static final int CONNECTED_UNFOLLOWED = 100;
  /** How many members every member but the viewers follows. */
  public static final int FOLLOWS_PER_MEMBER = 20;
  /** Posts each of a viewer's connections reacts to, among the last {@link #ENGAGED_DAYS} days' posts. */
  public static final int REACTIONS_PER_CONNECTION = 20;
  /** Posts each of a viewer's connections comments on, among the last {@link #ENGAGED_DAYS} days' posts. */
  public static final int COMMENTS_PER_CONNECTION = 5;
  /** How far back the viewers' connections engage. */
  public static final int ENGAGED_DAYS = 7;
  /** The visibility codes of {@link #visibility(int)}. */
  public static final byte ANYONE = 0;
  public static final byte CONNECTIONS = 1;

  private static final long EPOCH_MILLIS = 1_735_689_600_000L; // TimeOrderedIds' epoch, 2025-01-01

  private final int members;
  private final Instant end;
  private final int days;
  private final long seed;
  private final int[] rankOf;
  private final long[] postIds;
  private final int[] postAuthors;
  private final byte[] postVisibility;
  private final int[] viewers;
  private final int[][] followedByViewer;
  private final int[][] connectionsOfViewer;
  private final int[] followers;
  private final int[] followees;
  private final int[] reactionMembers;
  private final int[] reactionPosts;
  private final byte[] reactionKinds;
  private final int[] commentMembers;
  private final int[] commentPosts;

  private FeedWorkload(int members, int posts, int days, int viewerCount, int reactions, int comments, Instant end,
      long seed) {
    this.members = members;
    this.end = end;
    this.days = days;
    this.seed = seed;
    SplittableRandom random = new SplittableRandom(seed);
    rankOf = Draws.ranks(members, random);
    Draws.Popularity popularity = new Draws.Popularity(rankOf);

    postIds = new long[posts];
    postAuthors = new int[posts];
    postVisibility = new byte[posts];
    long endMillis = end.toEpochMilli();
    long windowMillis = Duration.ofDays(days).toMillis();
    long[] at = new long[posts];
    for (int p = 0; p < posts; p++) {
      at[p] = endMillis - 1 - random.nextLong(windowMillis);
    }
    Arrays.sort(at);
    long lastId = 0;
    for (int p = 0; p < posts; p++) {
      long id = (at[p] - EPOCH_MILLIS) << 22;
      postIds[p] = lastId = Math.max(id, lastId + 1);
      postAuthors[p] = popularity.draw(random);
      postVisibility[p] = random.nextInt(10) == 0 ? CONNECTIONS : ANYONE;
    }

    // Viewers are ordinary members: of middling popularity, as most readers of a feed are.
    viewers = new int[viewerCount];
    int[] memberOfRank = new int[members + 1];
    for (int m = 0; m < members; m++) {
      memberOfRank[rankOf[m]] = m;
    }
    BitSet viewerSet = new BitSet(members);
    for (int v = 0; v < viewerCount; v++) {
      viewers[v] = memberOfRank[members / 2 + v];
      viewerSet.set(viewers[v]);
    }
    followedByViewer = new int[viewerCount][];
    connectionsOfViewer = new int[viewerCount][];
    for (int v = 0; v < viewerCount; v++) {
      int viewer = viewers[v];
      IntSupplier followed = followsPopular(v)
          ? () -> popularity.draw(random)
          : () -> random.nextInt(members);
      followedByViewer[v] = Draws.distinct(members, FOLLOWED_BY_VIEWER, viewer, followed);
      int[] unfollowed = Draws.distinct(members, CONNECTED_UNFOLLOWED, viewer, () -> random.nextInt(members),
          followedByViewer[v]);
      int[] connections = Arrays.copyOf(followedByViewer[v], CONNECTED_FOLLOWED + CONNECTED_UNFOLLOWED);
      System.arraycopy(unfollowed, 0, connections, CONNECTED_FOLLOWED, CONNECTED_UNFOLLOWED);
      Arrays.sort(connections);
      connectionsOfViewer[v] = connections;
      Arrays.sort(followedByViewer[v]);
    }

    int others = members - viewerCount;
    int follows = others * FOLLOWS_PER_MEMBER + viewerCount * FOLLOWED_BY_VIEWER;
    followers = new int[follows];
    followees = new int[follows];
    int f = 0;
    for (int v = 0; v < viewerCount; v++) {
      for (int followee : followedByViewer[v]) {
        followers[f] = viewers[v];
        followees[f++] = followee;
      }
    }
    for (int m = 0; m < members; m++) {
      if (viewerSet.get(m)) {
        continue;
      }
      int member = m;
      for (int followee : Draws.distinct(members, FOLLOWS_PER_MEMBER, member, () -> popularity.draw(random))) {
        followers[f] = member;
        followees[f++] = followee;
      }
    }

    // Background engagement on any post, then the viewers' connections on the last week's posts.
    int firstEngaged = firstPostAtOrAfter(end.minus(Duration.ofDays(ENGAGED_DAYS)));
    int engagers = viewerCount * (CONNECTED_FOLLOWED + CONNECTED_UNFOLLOWED);
    HashSet<Long> reacted = new HashSet<>(2 * (reactions + engagers * REACTIONS_PER_CONNECTION));
    int reactionCount = reactions + engagers * REACTIONS_PER_CONNECTION;
    reactionMembers = new int[reactionCount];
    reactionPosts = new int[reactionCount];
    reactionKinds = new byte[reactionCount];
    int r = 0;
    while (r < reactions) {
      int member = random.nextInt(members);
      int post = random.nextInt(posts);
      if (reacted.add((long) member * posts + post)) {
        reactionMembers[r] = member;
        reactionPosts[r] = post;
        reactionKinds[r++] = (byte) random.nextInt(6);
      }
    }
    for (int[] connections : connectionsOfViewer) {
      for (int member : connections) {
        for (int k = 0; k < REACTIONS_PER_CONNECTION; ) {
          int post = firstEngaged + random.nextInt(posts - firstEngaged);
          if (reacted.add((long) member * posts + post)) {
            reactionMembers[r] = member;
            reactionPosts[r] = post;
            reactionKinds[r++] = (byte) random.nextInt(6);
            k++;
          }
        }
      }
    }
    int commentCount = comments + engagers * COMMENTS_PER_CONNECTION;
    commentMembers = new int[commentCount];
    commentPosts = new int[commentCount];
    int c = 0;
    for (; c < comments; c++) {
      commentMembers[c] = random.nextInt(members);
      commentPosts[c] = random.nextInt(posts);
    }
    for (int[] connections : connectionsOfViewer) {
      for (int member : connections) {
        for (int k = 0; k < COMMENTS_PER_CONNECTION; k++, c++) {
          commentMembers[c] = member;
          commentPosts[c] = firstEngaged + random.nextInt(posts - firstEngaged);
        }
      }
    }
  }

  /** The issue's workload: 100,000 members, 1,000,000 posts over 30 days, 16 viewers. */
  public static FeedWorkload issue17() {
    return generate(100_000, 1_000_000, 30, 16, 2_000_000, 300_000, Instant.parse("2026-12-01T00:00:00Z"), 17);
  }

  /**
   * A workload of the given size; the posts are written in the {@code days} before {@code end}.
   *
   * @throws IllegalArgumentException if the members are too few for the viewers' follows and connections
   */
  public static FeedWorkload generate(int members, int posts, int days, int viewers, int reactions, int comments,
      Instant end, long seed) {
    if (members < 4 * (FOLLOWED_BY_VIEWER + CONNECTED_UNFOLLOWED) || viewers < 2 || viewers > members / 4
        || posts < 1 || days < ENGAGED_DAYS) {
      throw new IllegalArgumentException("no workload of %d members, %d posts over %d days, %d viewers"
          .formatted(members, posts, days, viewers));
    }
    return new FeedWorkload(members, posts, days, viewers, reactions, comments, end, seed);
  }

  public int members() {
    return members;
  }

  public int posts() {
    return postIds.length;
  }

  public long seed() {
    return seed;
  }

  public int days() {
    return days;
  }

  /** When the last post could have been written: the workload's "now". */
  public Instant end() {
    return end;
  }

  /** Post {@code p}'s id; ids grow with {@code p}. */
  public long postId(int p) {
    return postIds[p];
  }

  /** When post {@code p} was written, to the millisecond its id holds. */
  public Instant postedAt(int p) {
    return Instant.ofEpochMilli((postIds[p] >>> 22) + EPOCH_MILLIS);
  }

  public int author(int p) {
    return postAuthors[p];
  }

  /** {@link #ANYONE} or {@link #CONNECTIONS}. */
  public byte visibility(int p) {
    return postVisibility[p];
  }

  /** The members whose feeds are asked for. */
  public int[] viewers() {
    return viewers.clone();
  }

  /**
   * Whether viewer {@code v} (an index into {@link #viewers()}) followed members drawn by popularity
   * (the first half of the viewers) or uniformly (the second half).
   */
  public boolean followsPopular(int v) {
    return v < viewers.length / 2;
  }

  /** The members viewer {@code v} (an index into {@link #viewers()}) follows, ascending. */
  public int[] followedBy(int v) {
    return followedByViewer[v].clone();
  }

  /** Viewer {@code v}'s connections, ascending. */
  public int[] connectionsOf(int v) {
    return connectionsOfViewer[v].clone();
  }

  /** How many follows there are, the viewers' first. */
  public int follows() {
    return followers.length;
  }

  public int follower(int i) {
    return followers[i];
  }

  public int followee(int i) {
    return followees[i];
  }

  /** How many reactions there are; each member reacts to a post at most once (P4). */
  public int reactions() {
    return reactionMembers.length;
  }

  public int reactionMember(int i) {
    return reactionMembers[i];
  }

  /** The post (a number, as for {@link #postId(int)}) reaction {@code i} is on. */
  public int reactionPost(int i) {
    return reactionPosts[i];
  }

  /** 0 to 5: like, celebrate, support, love, insightful, funny. */
  public int reactionKind(int i) {
    return reactionKinds[i];
  }

  public int comments() {
    return commentMembers.length;
  }

  public int commentMember(int i) {
    return commentMembers[i];
  }

  public int commentPost(int i) {
    return commentPosts[i];
  }

  /** Member {@code m}'s popularity rank, 1 for the most followed and prolific. */
  public int rank(int m) {
    return rankOf[m];
  }

  /**
   * When reaction {@code i} was given: between its post's writing and {@link #end()}, drawn from a
   * hash of the seed and {@code i} so that the rest of the workload does not depend on it.
   */
  public Instant reactedAt(int i) {
    return between(reactionPosts[i], mix(seed, i));
  }

  /** When comment {@code i} was written, as {@link #reactedAt(int)}. */
  public Instant commentedAt(int i) {
    return between(commentPosts[i], mix(~seed, i));
  }

  private Instant between(int post, long hash) {
    long from = postedAt(post).toEpochMilli();
    double u = (hash >>> 11) * 0x1.0p-53;
    return Instant.ofEpochMilli(from + (long) (u * (end.toEpochMilli() - 1 - from)));
  }

  /** SplittableRandom's finaliser over the seed and a number: a well-mixed 64-bit hash. */
  private static long mix(long seed, long i) {
    long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The number of the first post written at or after {@code at}, or {@link #posts()} if none. */
  public int firstPostAtOrAfter(Instant at) {
    long id = (at.toEpochMilli() - EPOCH_MILLIS) << 22;
    int found = Arrays.binarySearch(postIds, id);
    return found >= 0 ? found : -found - 1;
  }

  /**
   * The first page of viewer {@code v}'s {@code recent} feed worked out the plain way, post by post
   * from the newest: the viewer's own posts and those of whom they follow, a connections-only post
   * only from a connection (P2, P3). The reference the engines must agree with.
   */
  public long[] recentPage(int v, int limit) {
    BitSet followed = members(followedByViewer[v]);
    followed.set(viewers[v]);
    BitSet connected = members(connectionsOfViewer[v]);
    long[] page = new long[limit];
    int n = 0;
    for (int p = postIds.length - 1; p >= 0 && n < limit; p--) {
      int author = postAuthors[p];
      if (followed.get(author) && (postVisibility[p] == ANYONE || author == viewers[v]
          || connected.get(author))) {
        page[n++] = postIds[p];
      }
    }
    return Arrays.copyOf(page, n);
  }

  /** How many posts viewer {@code v}'s {@code recent} feed holds in all. */
  public int recentCandidates(int v) {
    BitSet followed = members(followedByViewer[v]);
    followed.set(viewers[v]);
    int n = 0;
    for (int author : postAuthors) {
      if (followed.get(author)) {
        n++;
      }
    }
    return n;
  }

  private BitSet members(int[] ids) {
    BitSet set = new BitSet(members);
    for (int m : ids) {
      set.set(m);
    }
    return set;
  }
}
