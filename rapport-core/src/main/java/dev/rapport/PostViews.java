package dev.rapport;

import dev.rapport.content.PostView;
import dev.rapport.content.Posts;
import dev.rapport.feed.FeedIndex;
import dev.rapport.feed.FeedItem;
import dev.rapport.model.EngagementCounts;
import dev.rapport.model.Member;
import dev.rapport.model.Post;
import dev.rapport.model.ReactionKind;
import dev.rapport.store.StoreReads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Posts made into what their viewer sees, in their order: with their authors, the viewer's reaction
 * and counts without what a block hides (B2), and a feed's ranked posts made into its items, in one
 * read of the store each. Lists of ids are built by loops and followed in order rather than through
 * maps, since a page's items are what a feed read right after a post makes
 * (docs/decisions/0043-a-remembered-page-keeps-its-items.md). Thread safe.
 */
final class PostViews {
  private final Supplier<StoreReads> reads;

  PostViews(Supplier<StoreReads> reads) {
    this.reads = reads;
  }

  /**
   * The ranked posts that still exist, as the viewer sees them, in order.
   *
   * @param blocked whom the viewer blocks either way, as the store has it now
   */
  List<FeedItem> items(long viewerId, List<FeedIndex.Ranked> ranked, long[] blocked) {
    StoreReads reads = this.reads.get();
    List<Long> ids = new ArrayList<>(ranked.size());
    List<Long> byIds = new ArrayList<>();
    for (FeedIndex.Ranked r : ranked) {
      ids.add(r.entry().postId());
      if (r.reason().byMemberId() != 0) {
        byIds.add(r.reason().byMemberId());
      }
    }
    Map<Long, Post> posts = reads.content().posts(ids);
    List<Post> found = new ArrayList<>(ranked.size());
    for (Long id : ids) {
      Post post = posts.get(id);
      if (post != null) {
        found.add(post);
      }
    }
    List<PostView> views = views(viewerId, found, blocked);
    Map<Long, Member> by = byIds.isEmpty() ? Map.of() : reads.members(byIds);
    List<FeedItem> items = new ArrayList<>(views.size());
    int v = 0;
    // The views are the ranked posts that still exist, in the same order.
    for (FeedIndex.Ranked r : ranked) {
      if (v == views.size() || views.get(v).post().id() != r.entry().postId()) {
        continue;
      }
      PostView view = views.get(v++);
      long byId = r.reason().byMemberId();
      Optional<Member> engagedBy = byId == 0 || Arrays.binarySearch(blocked, byId) >= 0 ? Optional.empty()
          : Optional.ofNullable(by.get(byId));
      items.add(new FeedItem(view, r.reason().kind(), engagedBy,
          Double.isNaN(r.score()) ? OptionalDouble.empty() : OptionalDouble.of(r.score())));
    }
    return items;
  }

  /**
   * The posts as the viewer sees them, in order: with their authors (a post whose author is gone is
   * left out), the viewer's reactions, and counts without the reactions and comments of members
   * blocked either way with the viewer (B2), in at most three reads of the store and one more for each
   * page among the authors (whether the viewer is its admin, for {@code mine}).
   */
  List<PostView> views(long viewerId, List<Post> posts) {
    return posts.isEmpty() ? List.of() : views(viewerId, posts, reads.get().blockedEitherWay(viewerId));
  }

  private List<PostView> views(long viewerId, List<Post> posts, long[] blocked) {
    if (posts.isEmpty()) {
      return List.of();
    }
    StoreReads reads = this.reads.get();
    List<Long> ids = new ArrayList<>(posts.size());
    List<Long> authorIds = new ArrayList<>(posts.size());
    // A post that no one reacted to has no reaction of the viewer's: its counts, current, spare the read.
    List<Long> reacted = new ArrayList<>(posts.size());
    for (Post post : posts) {
      ids.add(post.id());
      if (!authorIds.contains(post.authorId())) {
        authorIds.add(post.authorId());
      }
      if (post.counts().reactionTotal() > 0) {
        reacted.add(post.id());
      }
    }
    Map<Long, Member> authors = reads.members(authorIds);
    Map<Long, ReactionKind> mine = reacted.isEmpty() ? Map.of() : reads.content().reactionsOf(viewerId, reacted);
    Map<Long, EngagementCounts> hidden = blocked.length == 0 ? Map.of() : reads.content().engagementBy(ids, blocked);
    List<PostView> views = new ArrayList<>(posts.size());
    Map<Long, Boolean> pageAdmin = new HashMap<>();
    for (Post post : posts) {
      Member author = authors.get(post.authorId());
      if (author == null) {
        continue;
      }
      EngagementCounts less = hidden.get(post.id());
      Post shown = less == null ? post : post.withCounts(post.counts().minus(less));
      views.add(new PostView(shown, author, Optional.ofNullable(mine.get(post.id())),
          Posts.mayChange(viewerId, post, author.isCompany()
              && pageAdmin.computeIfAbsent(author.id(), page -> reads.isPageAdmin(page, viewerId)))));
    }
    return views;
  }
}
