package dev.rapport.readcache;

import dev.rapport.model.Comment;
import dev.rapport.model.EngagementCounts;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Post;
import dev.rapport.model.Reaction;
import dev.rapport.model.ReactionKind;
import dev.rapport.readcache.RememberedReads.Depends;
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
 * a member's reaction to each post, and what members a viewer blocks gave a page's posts. A post's
 * events carry its id, which is stamped as a member's would be, so a post depends on its id and on
 * its author's events not about a post (docs/decisions/0031-a-post-changes-its-own-answers.md). Lists
 * of reactions and comments, an author's posts and the feed index's load are read from the store.
 * Thread safe.
 */
final class CachedContentReads implements ContentReads {
  private final ContentReads store;
  private final RememberedReads remembered;

  private record PostById(long id) {}

  private record ReactionOf(long memberId, long postId) {}

  private record EngagementBy(List<Long> postIds, List<Long> memberIds) {}

  CachedContentReads(ContentReads store, RememberedReads remembered) {
    this.store = store;
    this.remembered = remembered;
  }

  @Override
  public Optional<Post> post(long id) {
    PostById key = new PostById(id);
    Optional<Post> valid = remembered.valid(key);
    if (valid != null) {
      return valid;
    }
    long position = remembered.position();
    Optional<Post> post = store.post(id);
    post.ifPresent(found -> remember(found, position));
    return post;
  }

  /**
   * A post depends on its own events and on its author's that are not about a post: another post
   * of theirs, or a reaction to one, leaves it as it was (docs/decisions/0031-a-post-changes-its-own-answers.md).
   */
  private void remember(Post post, long position) {
    remembered.remember(new PostById(post.id()), Optional.of(post), position, new Depends(new long[] {post.id()},
        MemberEvents.ALL, new Depends(new long[] {post.authorId()}, MemberEvents.ALL_BUT_POSTS, null)), false,
        weight(post));
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
        remember(post, position);
        found.put(id, post);
      });
    }
    return found;
  }

  @Override
  public Page<Post> postsBy(long authorId, boolean withConnectionsOnly, PageRequest page) {
    return store.postsBy(authorId, withConnectionsOnly, page);
  }

  /**
   * Remembered post by post, so that a page differing from the last by one post reads one: the
   * member's reaction to a post is stale with the post's events (a reaction, a deletion) and the
   * member's events not about a post.
   */
  @Override
  public Map<Long, ReactionKind> reactionsOf(long memberId, Collection<Long> postIds) {
    Map<Long, ReactionKind> found = new HashMap<>();
    List<Long> unknown = new ArrayList<>();
    for (Long id : postIds) {
      Optional<ReactionKind> mine = remembered.valid(new ReactionOf(memberId, id));
      if (mine == null) {
        unknown.add(id);
      } else {
        mine.ifPresent(kind -> found.put(id, kind));
      }
    }
    if (!unknown.isEmpty()) {
      long position = remembered.position();
      Map<Long, ReactionKind> read = store.reactionsOf(memberId, unknown);
      for (Long id : unknown) {
        ReactionKind kind = read.get(id);
        remembered.remember(new ReactionOf(memberId, id), Optional.ofNullable(kind), position, new Depends(
            new long[] {id}, MemberEvents.ALL, new Depends(new long[] {memberId}, MemberEvents.ALL_BUT_POSTS, null)),
            false, 0);
        if (kind != null) {
          found.put(id, kind);
        }
      }
    }
    return found;
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
