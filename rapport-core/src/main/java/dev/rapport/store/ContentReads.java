package dev.rapport.store;

import dev.rapport.model.Comment;
import dev.rapport.model.EngagementCounts;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.Reaction;
import dev.rapport.model.ReactionKind;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the content rules and the feed read (P2-P4): posts, reactions and comments. Lists of
 * members' reactions and comments leave out members the viewer blocked or is blocked by (B2).
 */
public interface ContentReads {

  /** The post with this id, with its counts, unless it does not exist or was deleted. */
  Optional<Post> post(long id);

  /** The posts with these ids that exist, by id, with their counts: one read for a page of a feed. */
  Map<Long, Post> posts(Collection<Long> ids);

  /**
   * The author's posts newest first (by creation, then id), only those visible to anyone unless
   * {@code withConnectionsOnly}. The cursor carries the creation time and id of the last one.
   */
  Page<Post> postsBy(long authorId, boolean withConnectionsOnly, PageRequest page);

  /** The member's reactions to these posts, by post id. */
  Map<Long, ReactionKind> reactionsOf(long memberId, Collection<Long> postIds);

  /**
   * The post's reactions newest first, of one kind if given, leaving out members blocked either way
   * with the viewer (B2).
   */
  Page<Reaction> reactions(long postId, Optional<ReactionKind> kind, long viewerId, PageRequest page);

  Optional<Comment> comment(long id);

  /** The post's comments oldest first, leaving out writers blocked either way with the viewer (B2). */
  Page<Comment> comments(long postId, long viewerId, PageRequest page);

  /**
   * The reactions and comments these members gave each of these posts, by post id (posts without
   * any are left out): what the counts a viewer sees leave out of members a block hides (B2).
   *
   * @param memberIds ascending
   */
  Map<Long, EngagementCounts> engagementBy(Collection<Long> postIds, long[] memberIds);

  /**
   * When the member's comments on the post were written, oldest first, in epoch milliseconds: what
   * the feed index keeps of them after one is deleted.
   */
  long[] commentTimes(long postId, long memberId);

  /** Receives the content the feed index loads, in one snapshot. */
  interface ContentSink {
    /** A post, in order of author, then creation time and id. */
    void post(long authorId, long postId, long createdAtMillis, PostVisibility visibility);

    /**
     * A member's reaction to a post, or one of their comments on it, given at or after the load's
     * {@code since}, after every post: the post's author is whoever {@link #post} gave it.
     */
    void engaged(long memberId, long postId, long atMillis, boolean comment);
  }

  /**
   * Every post, and the reactions and comments given since {@code engagedSince}, as one snapshot,
   * and the log position it reflects: how the feed index loads at start.
   *
   * @return the log position
   */
  long forEachContent(Instant engagedSince, ContentSink sink);
}
