package dev.rapport.feed;

import dev.rapport.model.PostVisibility;
import dev.rapport.store.ContentReads;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A rebuild of the feed index from the store's tables (docs/decisions/0025-posts-and-the-feed-index.md):
 * the posts in author order into exactly sized timelines, one author at a time, and the window's
 * reactions and comments gathered per member, a reaction and the comments on one post made one
 * engagement, each given its post's author from the posts read before (so the store reads them
 * without a join, docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md). One use, one thread.
 */
final class FeedLoad implements ContentReads.ContentSink {
  private final Timelines timelines;
  /** Per member: a count, then {@link Engagements#WIDTH} values an engagement, in arrival order. */
  private final Map<Long, long[]> engaged = new HashMap<>();
  private final PostAuthors authors = new PostAuthors();
  private long author = -1;
  private long[] pairs = new long[32];
  private int size;

  FeedLoad(Timelines timelines) {
    this.timelines = timelines;
  }

  @Override
  public void post(long authorId, long postId, long createdAtMillis, PostVisibility visibility) {
    if (authorId != author) {
      flush();
      author = authorId;
    }
    if (2 * size == pairs.length) {
      pairs = Arrays.copyOf(pairs, 4 * size);
    }
    pairs[2 * size] = visibility == PostVisibility.CONNECTIONS ? postId | Timelines.CONNECTIONS_ONLY : postId;
    pairs[2 * size + 1] = createdAtMillis;
    size++;
    authors.put(postId, authorId);
  }

  /** Puts the author's timeline in place and starts the next. */
  private void flush() {
    if (size > 0) {
      timelines.put(author, pairs, size);
    }
    size = 0;
  }

  @Override
  public void engaged(long memberId, long postId, long atMillis, boolean comment) {
    long authorId = authors.get(postId);
    if (authorId == 0) {
      return; // a post the snapshot does not hold
    }
    long[] list = engaged.get(memberId);
    if (list == null) {
      list = new long[1 + 4 * Engagements.WIDTH];
    } else if ((int) list[0] * Engagements.WIDTH + 1 == list.length) {
      list = Arrays.copyOf(list, 1 + 2 * (list.length - 1));
    }
    int at = 1 + (int) list[0] * Engagements.WIDTH;
    list[at] = postId;
    list[at + 1] = authorId;
    list[at + 2] = comment ? Engagements.NONE : atMillis;
    list[at + 3] = comment ? atMillis : Engagements.NONE;
    list[0]++;
    engaged.put(memberId, list);
  }

  /**
   * Puts the last timeline in place, and each member's engagements, one per post (its reaction's
   * time and its newest comment's), the newest {@code most} at or after {@code since}.
   */
  void finish(Engagements engagements, long since, int most) {
    flush();
    engaged.forEach((member, list) -> {
      int n = (int) list[0];
      long[] merged = new long[Engagements.WIDTH * n];
      int kept = 0;
      Map<Long, Integer> byPost = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int from = 1 + Engagements.WIDTH * i;
        Integer known = byPost.putIfAbsent(list[from], kept);
        if (known == null) {
          System.arraycopy(list, from, merged, Engagements.WIDTH * kept++, Engagements.WIDTH);
        } else {
          int to = Engagements.WIDTH * known;
          merged[to + 2] = Math.max(merged[to + 2], list[from + 2]);
          merged[to + 3] = Math.max(merged[to + 3], list[from + 3]);
        }
      }
      engagements.put(member, merged, kept, since, most);
    });
  }

  /** Each post's author, by post id, while the load runs: open addressing on primitives, ids positive. */
  private static final class PostAuthors {
    private long[] posts = new long[1 << 10];
    private long[] authors = new long[posts.length];
    private int size;

    private static int place(long id, int mask) {
      long h = id * 0x9E3779B97F4A7C15L;
      return (int) (h ^ h >>> 32) & mask;
    }

    void put(long postId, long authorId) {
      if (2 * ++size > posts.length) {
        long[] oldPosts = posts;
        long[] oldAuthors = authors;
        posts = new long[2 * oldPosts.length];
        authors = new long[posts.length];
        for (int i = 0; i < oldPosts.length; i++) {
          if (oldPosts[i] != 0) {
            insert(oldPosts[i], oldAuthors[i]);
          }
        }
      }
      insert(postId, authorId);
    }

    private void insert(long postId, long authorId) {
      int mask = posts.length - 1;
      int i = place(postId, mask);
      while (posts[i] != 0 && posts[i] != postId) {
        i = i + 1 & mask;
      }
      posts[i] = postId;
      authors[i] = authorId;
    }

    /** The post's author, or 0. */
    long get(long postId) {
      int mask = posts.length - 1;
      for (int i = place(postId, mask); posts[i] != 0; i = i + 1 & mask) {
        if (posts[i] == postId) {
          return authors[i];
        }
      }
      return 0;
    }
  }
}
