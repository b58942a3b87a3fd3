package dev.rapport.readcache;

import dev.rapport.model.Comment;
import dev.rapport.model.EngagementCounts;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Post;
import dev.rapport.model.Reaction;
import dev.rapport.model.ReactionKind;
import dev.rapport.store.ContentReads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * What a feed page reads of content, from memory while the log shows it current
 * (docs/decisions/0029-the-feeds-first-page-from-memory.md): posts by id (text, counts, visibility),
 * a member's reactions to a page's posts, and what members a viewer blocks gave them. A post's
 * events name its author and carry its id, which is stamped as a member's would be, so a post
 * depends on both. Lists of reactions and comments, an author's posts and the feed index's load
 * are read from the store. Thread safe.
 */
final class CachedContentReads implements ContentReads {
  private final ContentReads store;
  private final RememberedReads remembered;

  private record PostById(long id) {}

  private record ReactionsOf(long memberId, List<Long> postIds) {}

  private record EngagementBy(List<Long> postIds, List<Long> memberIds) {}

  CachedContentReads(ContentReads store, RememberedReads remembered) {
    this.store = store;
    this.remembered = remembered;
  }

  @Override
  public Optional<Post> post(long id) {
    return remembered.read(new PostById(id), () -> store.post(id),
        p -> p.map(found -> new long[] {id, found.authorId()}).orElse(null), false, p -> p.map(CachedContentReads::weight)
            .orElse(0));
  }

  /** A unit of weight is about a member's worth of memory; a post's text may be 3,000 characters. */
  private static int weight(Post post) {
    return post.text().length() / 256;
  }

  @Override
  public Map<Long, Post> posts(Collection<Long> ids) {
    Map<Long, Post> found = new HashMap<>();
    List<Long> unknown = new ArrayList<>();
    for (Long id : ids) {
      Optional<Post> post = remembered.valid(new PostById(id));
      if (post != null && post.isPresent()) {
        found.put(id, post.get());
      } else {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      long position = remembered.position();
      store.posts(unknown).forEach((id, post) -> {
        remembered.remember(new PostById(id), Optional.of(post), position, new long[] {id, post.authorId()}, false,
            weight(post));
        found.put(id, post);
      });
    }
    return found;
  }

  @Override
  public Page<Post> postsBy(long authorId, boolean withConnectionsOnly, PageRequest page) {
    return store.postsBy(authorId, withConnectionsOnly, page);
  }

  /** Stale with the member's events (a reaction names its giver) and the posts' (a deletion). */
  @Override
  public Map<Long, ReactionKind> reactionsOf(long memberId, Collection<Long> postIds) {
    List<Long> ids = List.copyOf(postIds);
    return remembered.read(new ReactionsOf(memberId, ids), () -> Map.copyOf(store.reactionsOf(memberId, ids)),
        mine -> LongStream.concat(LongStream.of(memberId), ids.stream().mapToLong(Long::longValue)).toArray(), false,
        mine -> ids.size() / 8);
  }

  @Override
  public Page<Reaction> reactions(long postId, Optional<ReactionKind> kind, long viewerId, PageRequest page) {
    return store.reactions(postId, kind, viewerId, page);
  }

  @Override
  public Optional<Comment> comment(long id) {
    return store.comment(id);
  }

  @Override
  public Page<Comment> comments(long postId, long viewerId, PageRequest page) {
    return store.comments(postId, viewerId, page);
  }

  /**
   * Stale with the members' events (their reactions and comments name them; a comment deleted by
   * the post's author names its writer) and the posts'.
   */
  @Override
  public Map<Long, EngagementCounts> engagementBy(Collection<Long> postIds, long[] memberIds) {
    List<Long> ids = List.copyOf(postIds);
    List<Long> members = LongStream.of(memberIds).boxed().toList();
    return remembered.read(new EngagementBy(ids, members), () -> Map.copyOf(store.engagementBy(ids, memberIds.clone())),
        less -> LongStream.concat(LongStream.of(memberIds), ids.stream().mapToLong(Long::longValue)).toArray(), false,
        less -> (ids.size() + members.size()) / 8);
  }

  @Override
  public long[] commentTimes(long postId, long memberId) {
    return store.commentTimes(postId, memberId);
  }

  @Override
  public long forEachContent(Instant engagedSince, ContentSink sink) {
    return store.forEachContent(engagedSince, sink);
  }
}
