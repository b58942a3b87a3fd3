package dev.rapport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rapport.content.PostView;
import dev.rapport.feed.FeedIndex;
import dev.rapport.feed.FeedItem;
import dev.rapport.feed.FeedReason;
import dev.rapport.feed.Ranking;
import dev.rapport.follow.Follows;
import dev.rapport.model.Cursor;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.network.NetworkReads;
import dev.rapport.readcache.CachedReads;
import dev.rapport.readcache.ChangesSince;
import dev.rapport.readcache.MemberEvents;
import dev.rapport.store.StoreReads;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The feed (P3) from the feed index and the graph index, and the posts of a page made into what
 * their viewer sees (counts without what a block hides, the viewer's reaction), in one read of the
 * store each (docs/decisions/0025-posts-and-the-feed-index.md). Thread safe.
 */
final class FeedQueries {
  private final Supplier<StoreReads> reads;
  /** Where whom each viewer's feed reads is remembered, with the store's remembered answers. */
  private final CachedReads remembered;
  /** What tells a remembered first page's items which of them changed since they were made. */
  private final ChangesSince changes;
  private final PostViews views;
  private final Supplier<NetworkReads> index;
  private final FeedIndex feed;
  private final InstantSource clock;
  /** Each {@code top} ranking made for a first page, for its later pages, by the token in their cursor. */
  private final Cache<Long, Ranking> rankings;

  FeedQueries(Supplier<StoreReads> reads, CachedReads remembered, Supplier<NetworkReads> index, FeedIndex feed,
      InstantSource clock) {
    this.reads = reads;
    this.remembered = remembered;
    this.changes = remembered.changesSince();
    this.views = new PostViews(reads);
    this.index = index;
    this.feed = feed;
    this.clock = clock;
    this.rankings = Caffeine.newBuilder().maximumWeight(feed.policy().rankedPostsKept())
        .<Long, Ranking>weigher((token, ranking) -> Math.max(1, ranking.size()))
        .expireAfterAccess(Duration.ofHours(1)).build();
  }

  /**
   * Whom the viewer's feed reads: themself, then each member they follow as F5 lets them, not
   * blocked; with whether the viewer sees each one's connections-only posts, and the authors by id
   * for finding each post's relation.
   */
  private record Authors(long[] ids, FeedReason.Kind[] relations, long[] blocked, boolean[] seesConnectionsOnly,
      long[] sortedIds, int[] sortedAt) {
    static Authors of(long[] ids, FeedReason.Kind[] relations, long[] blocked) {
      boolean[] sees = new boolean[ids.length];
      for (int i = 0; i < ids.length; i++) {
        sees[i] = relations[i] == FeedReason.Kind.OWN || relations[i] == FeedReason.Kind.CONNECTION;
      }
      long[] sorted = ids.clone();
      Arrays.sort(sorted);
      int[] at = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        at[Arrays.binarySearch(sorted, ids[i])] = i;
      }
      return new Authors(ids, relations, blocked, sees, sorted, at);
    }

    /** The author's index in {@link #ids}, or 0 (the viewer) if not among them. */
    int indexOf(long authorId) {
      int found = Arrays.binarySearch(sortedIds, authorId);
      return found < 0 ? 0 : sortedAt[found];
    }
  }

  /** The key whom a viewer's feed reads is remembered by. */
  private record FeedAuthors(long viewerId) {}

  /**
   * Remembered until an event not about a post names the viewer (their follows, connections and
   * blocks either way) or any member's profile changes (F5 on a followee's settings), as decision
   * 0012's answers are; what the viewer or anyone posts or reacts to leaves it as it was
   * (docs/decisions/0031-a-post-changes-its-own-answers.md).
   */
  private Authors authors(long viewerId) {
    return remembered.derived(new FeedAuthors(viewerId), () -> authorsNow(viewerId), new long[] {viewerId},
        MemberEvents.ALL_BUT_POSTS, true, a -> a.ids().length / 10);
  }

  private Authors authorsNow(long viewerId) {
    StoreReads reads = this.reads.get();
    NetworkReads graph = index.get();
    long[] following = reads.memberTies(viewerId).following();
    long[] blocked = reads.blockedEitherWay(viewerId);
    Map<Long, Member> members = reads.members(Arrays.stream(following).boxed().toList());
    long[] ids = new long[following.length + 1];
    FeedReason.Kind[] relations = new FeedReason.Kind[following.length + 1];
    ids[0] = viewerId;
    relations[0] = FeedReason.Kind.OWN;
    int n = 1;
    for (long followee : following) {
      Member member = members.get(followee);
      boolean connected = graph.connected(viewerId, followee);
      if (member == null || Arrays.binarySearch(blocked, followee) >= 0
          || !Follows.isEffective(true, member, connected)) {
        continue;
      }
      ids[n] = followee;
      relations[n++] = connected ? FeedReason.Kind.CONNECTION
          : member.isCompany() ? FeedReason.Kind.PAGE : FeedReason.Kind.FOLLOWING;
    }
    return Authors.of(Arrays.copyOf(ids, n), Arrays.copyOf(relations, n), blocked);
  }

  /**
   * The key a viewer's first page of {@code recent} (its posts' ids) is remembered by: with the
   * very authors it was merged from (records compare arrays by identity), so that a page merged
   * from authors that became stale while it was merged is never served with newer ones.
   */
  private record FirstRecentPage(long viewerId, int limit, Authors from) {
    // By the authors' identity alone: a record's own hash would read each of their six arrays.
    @Override
    public boolean equals(Object other) {
      return other instanceof FirstRecentPage o && o.viewerId == viewerId && o.limit == limit && o.from == from;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(viewerId) * 31 + limit;
    }
  }

  /**
   * A first page of {@code recent} as remembered: its posts (the page and one), and the items last
   * made for them, which a page made again from it keeps where nothing changed them
   * (docs/decisions/0043-a-remembered-page-keeps-its-items.md).
   */
  private record RecentFirstPage(List<FeedIndex.Entry> entries, RememberedFeedItems items) {
    RecentFirstPage(List<FeedIndex.Entry> entries) {
      this(entries, new RememberedFeedItems());
    }

    RecentFirstPage madeAgain(List<FeedIndex.Entry> again) {
      return again == null ? null : new RecentFirstPage(again, items);
    }
  }

  private List<FeedIndex.Entry> merge(Authors authors, long belowTime, long belowId, int limit) {
    return List.copyOf(feed.recent(authors.ids(), authors.seesConnectionsOnly(), belowTime, belowId, limit));
  }

  /**
   * A first page made again from the one remembered: its posts by authors with no post or deletion
   * since, merged with the newest of those who have; or null when that cannot be the page, because a
   * full page lost posts that those authors' older posts must fill
   * (docs/decisions/0031-a-post-changes-its-own-answers.md), or when so many authors changed that
   * merging them all afresh costs no more (docs/decisions/0037-a-remembered-page-reads-the-events-since-it.md).
   *
   * @param changed the authors (ascending, as the page depends on them) with a post or deletion since
   */
  private List<FeedIndex.Entry> mergeChanged(Authors authors, List<FeedIndex.Entry> before, long[] changed,
      int limit) {
    if (changed.length > authors.ids().length / 2) {
      return null;
    }
    boolean[] sees = new boolean[changed.length];
    for (int i = 0; i < changed.length; i++) {
      sees[i] = authors.seesConnectionsOnly()[authors.indexOf(changed[i])];
    }
    List<FeedIndex.Entry> fresh = feed.recent(changed, sees, Long.MAX_VALUE, Long.MAX_VALUE, limit);
    List<FeedIndex.Entry> page = new ArrayList<>(limit);
    int f = 0;
    for (FeedIndex.Entry kept : before) {
      if (Arrays.binarySearch(changed, kept.authorId()) >= 0) {
        continue;
      }
      while (f < fresh.size() && page.size() < limit && newer(fresh.get(f), kept)) {
        page.add(fresh.get(f++));
      }
      if (page.size() < limit) {
        page.add(kept);
      }
    }
    while (f < fresh.size() && page.size() < limit) {
      page.add(fresh.get(f++));
    }
    // The unchanged authors' posts are all known only down to the remembered page's last one.
    boolean full = before.size() == limit;
    if (full && (page.size() < limit || newer(before.getLast(), page.getLast()))) {
      return null;
    }
    return List.copyOf(page);
  }

  /** Whether {@code a} comes before {@code b} in a {@code recent} feed: created later, or at once with a larger id. */
  private static boolean newer(FeedIndex.Entry a, FeedIndex.Entry b) {
    return a.createdMillis() > b.createdMillis() || a.createdMillis() == b.createdMillis() && a.postId() > b.postId();
  }

  /**
   * P3 {@code recent}: newest first; the cursor is the creation time and id of the page's last post.
   * A first page's posts are remembered until an event names the viewer or any author they read (a
   * post, a deletion or anything else of theirs but a reaction, a comment or an edit, which change
   * no post's place) or a profile changes, as decision 0012's first pages of lists are.
   */
  Page<FeedItem> recent(long viewerId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    Authors authors = authors(viewerId);
    // Its items share the posts and members remembered on their own: a unit for four holds their few objects.
    RecentFirstPage first = page.cursor().isPresent() ? null
        : remembered.derived(new FirstRecentPage(viewerId, page.limit(), authors),
            () -> new RecentFirstPage(merge(authors, below[0], below[1], page.limit() + 1)),
            (before, changed) -> before.madeAgain(mergeChanged(authors, before.entries(), changed, page.limit() + 1)),
            authors.sortedIds(), MemberEvents.ALL_BUT_ENGAGEMENT, true, p -> p.entries().size() / 4);
    List<FeedIndex.Entry> entries = first != null ? first.entries()
        : merge(authors, below[0], below[1], page.limit() + 1);
    Optional<String> next = Optional.empty();
    if (entries.size() > page.limit()) {
      entries = entries.subList(0, page.limit());
      FeedIndex.Entry last = entries.getLast();
      next = Optional.of(Cursor.encode(last.createdMillis(), last.postId()));
    }
    List<FeedIndex.Ranked> items = new ArrayList<>(entries.size());
    for (FeedIndex.Entry entry : entries) {
      int at = authors.indexOf(entry.authorId());
      items.add(new FeedIndex.Ranked(entry, new FeedReason(authors.relations()[at], 0), Double.NaN));
    }
    long[] blocked = authors.blocked();
    return new Page<>(first == null ? views.items(viewerId, items, blocked)
        : first.items().items(viewerId, blocked, items, changes, ranked -> views.items(viewerId, ranked, blocked)),
        next);
  }

  /**
   * P3 {@code top}: a first page ranks every candidate as of now and keeps the ranking; a later
   * page continues it from its cursor (token, offset, time), leaving out what the viewer may no
   * longer see. A ranking no longer kept (another server's, or one evicted) is made again as of the
   * cursor's time.
   */
  Page<FeedItem> top(long viewerId, PageRequest page) {
    long[] cursor = page.cursor().isPresent() ? Cursor.decode(page.cursor(), 3) : null;
    long token;
    int offset;
    long now;
    Ranking ranking;
    Authors authors = authors(viewerId);
    if (cursor == null) {
      token = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
      offset = 0;
      now = clock.millis();
      ranking = rank(viewerId, authors, now);
      rankings.put(token, ranking);
    } else {
      token = cursor[0];
      offset = (int) Math.min(Integer.MAX_VALUE, Math.max(0, cursor[1]));
      now = cursor[2];
      ranking = rankings.get(token, t -> rank(viewerId, authors, now));
    }
    NetworkReads graph = index.get();
    List<FeedItem> items = new ArrayList<>(page.limit());
    while (items.size() < page.limit() && offset < ranking.size()) {
      int end = Math.min(ranking.size(), offset + page.limit() - items.size());
      List<FeedIndex.Ranked> slice = new ArrayList<>();
      for (int i = offset; i < end; i++) {
        FeedIndex.Ranked ranked = ranking.get(i);
        long author = ranked.entry().authorId();
        // Whoever a block or a lost connection hides since the ranking was made is left out now.
        if (Arrays.binarySearch(authors.blocked(), author) < 0) {
          slice.add(ranked);
        }
      }
      offset = end;
      for (FeedItem item : views.items(viewerId, slice, authors.blocked())) {
        Post post = item.post().post();
        long author = post.authorId();
        if (post.visibility() == PostVisibility.ANYONE || author == viewerId || graph.connected(viewerId, author)) {
          items.add(item);
        }
      }
    }
    Optional<String> next = offset < ranking.size() ? Optional.of(Cursor.encode(token, offset, now)) : Optional.empty();
    return new Page<>(items, next);
  }

  private Ranking rank(long viewerId, Authors authors, long now) {
    NetworkReads graph = index.get();
    return feed.top(viewerId, authors.ids(), authors.relations(), graph.connectionsOf(viewerId),
        member -> Arrays.binarySearch(authors.blocked(), member) >= 0, member -> graph.connected(viewerId, member),
        now);
  }

  /** The posts as the viewer sees them, in order ({@link PostViews#views}). */
  List<PostView> views(long viewerId, List<Post> posts) {
    return views.views(viewerId, posts);
  }
}
