package dev.rapport;

import static dev.rapport.CommandReads.me;

import dev.rapport.content.CommentView;
import dev.rapport.content.Comments;
import dev.rapport.content.ContentVisibility;
import dev.rapport.content.PostView;
import dev.rapport.content.Posts;
import dev.rapport.content.ReactionView;
import dev.rapport.content.Reactions;
import dev.rapport.feed.FeedItem;
import dev.rapport.feed.FeedOrder;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.Comment;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.StoreReads;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Posts, reactions, comments and the feed (P2-P4, B2) through the engine; reached through {@link
 * Rapport#content()}. Whoever may not see a post is told it does not exist: {@code post-not-found},
 * never a refusal that would give it away. Thread safe.
 */
public final class ContentCommands {
  private final CommandLoop commands;
  private final Supplier<StoreReads> reads;
  private final FeedQueries feed;

  ContentCommands(CommandLoop commands, Supplier<StoreReads> reads, FeedQueries feed) {
    this.commands = commands;
    this.reads = reads;
    this.feed = feed;
  }

  /**
   * P2: the actor posts, as themself. A company page's id posts as the page: the engine's own path
   * for the operator (imports, the demo); over HTTP a page posts through its admins (docs/decisions/0028-a-page-posts-through-its-admins.md).
   *
   * @throws dev.rapport.problem.InvalidInputException {@code invalid-text}, {@code post-too-long}
   */
  public PostView post(long actorId, String text, PostVisibility visibility) {
    Post post = commands.run((reads, effects) -> Posts.create(me(reads, actorId), text, visibility, effects));
    return view(actorId, post.id());
  }

  /**
   * P2, CP1: an admin of the page posts as the page. Whether the actor is an admin is read inside
   * the command, on the page's version (docs/decisions/0028-a-page-posts-through-its-admins.md).
   *
   * @throws NotFoundException {@code member-not-found} for an unknown handle, a person's, or a page
   *     blocked either way with the actor
   * @throws dev.rapport.problem.ForbiddenException {@code not-page-admin}
   * @throws dev.rapport.problem.InvalidInputException {@code invalid-text}, {@code post-too-long}
   */
  public PostView postAsPage(long actorId, Handle page, String text, PostVisibility visibility) {
    Post post = commands.run((reads, effects) -> {
      PairState pair = reads.pair(actorId, page).orElseThrow(() -> NotFoundException.member(page.value()));
      return Posts.createAsPage(pair, reads.isPageAdmin(pair.other().id(), actorId), text, visibility, effects);
    });
    return view(actorId, post.id());
  }

  /** P2, B2: the post as the viewer sees it. @throws NotFoundException {@code post-not-found} */
  public PostView post(long viewerId, long postId) {
    return view(viewerId, postId);
  }

  /**
   * P2: its author changes the text; it then says it was edited.
   *
   * @throws NotFoundException {@code post-not-found} if the actor cannot see it
   * @throws dev.rapport.problem.ForbiddenException {@code not-post-author}
   */
  public PostView edit(long actorId, long postId, String text) {
    commands.run((reads, effects) -> {
      Post post = post(reads, postId);
      PairState pair = reads.pair(actorId, post.authorId());
      return Posts.edit(pair, pageAdmin(reads, actorId, pair.other()), post, text, effects);
    });
    return view(actorId, postId);
  }

  /** P2: its author deletes it, and its reactions and comments with it. As {@link #edit} for who may. */
  public void delete(long actorId, long postId) {
    commands.run((reads, effects) -> {
      Post post = post(reads, postId);
      PairState pair = reads.pair(actorId, post.authorId());
      return Posts.delete(pair, pageAdmin(reads, actorId, pair.other()), post, effects);
    });
  }

  /**
   * P2, B2: a member's or page's posts that the viewer sees, newest first.
   *
   * @throws NotFoundException {@code member-not-found} for an unknown handle or one a block hides
   */
  public Page<PostView> postsOf(long viewerId, Handle handle, PageRequest page) {
    StoreReads reads = reads();
    PairState pair = reads.pair(viewerId, handle).orElseThrow(() -> NotFoundException.member(handle.value()));
    Visibility.requireVisible(pair);
    Page<Post> posts = reads.content().postsBy(pair.other().id(), pair.isSelf() || pair.connected(), page);
    return new Page<>(feed.views(viewerId, posts.items()), posts.next());
  }

  /** P4: the actor's one reaction to the post becomes {@code kind}. @throws NotFoundException {@code post-not-found} */
  public PostView react(long actorId, long postId, ReactionKind kind) {
    commands.run((reads, effects) -> {
      Post post = post(reads, postId);
      return Reactions.react(reads.pair(actorId, post.authorId()), post, myReaction(reads, actorId, postId), kind,
          effects);
    });
    return view(actorId, postId);
  }

  /** P4: the actor's reaction goes; none is not an error. @throws NotFoundException {@code post-not-found} */
  public PostView unreact(long actorId, long postId) {
    commands.run((reads, effects) -> {
      Post post = post(reads, postId);
      return Reactions.unreact(reads.pair(actorId, post.authorId()), post, myReaction(reads, actorId, postId),
          effects);
    });
    return view(actorId, postId);
  }

  /** P4, B2: the post's reactions, newest first, of one kind if given. @throws NotFoundException {@code post-not-found} */
  public Page<ReactionView> reactions(long viewerId, long postId, Optional<ReactionKind> kind, PageRequest page) {
    visiblePost(viewerId, postId);
    var reactions = reads().content().reactions(postId, kind, viewerId, page);
    Map<Long, Member> members = reads().members(reactions.items().stream().map(r -> r.memberId()).toList());
    return new Page<>(reactions.items().stream().filter(r -> members.containsKey(r.memberId()))
        .map(r -> new ReactionView(members.get(r.memberId()), r.kind(), r.at())).toList(), reactions.next());
  }

  /**
   * P4: the actor comments on a post they see.
   *
   * @throws NotFoundException {@code post-not-found}
   * @throws dev.rapport.problem.InvalidInputException {@code invalid-text}, {@code comment-too-long}
   */
  public CommentView comment(long actorId, long postId, String text) {
    Comment comment = commands.run((reads, effects) -> {
      Post post = post(reads, postId);
      return Comments.add(reads.pair(actorId, post.authorId()), post, text, effects);
    });
    return new CommentView(comment, me(reads(), actorId), true);
  }

  /** P4, B2: the post's comments, oldest first. @throws NotFoundException {@code post-not-found} */
  public Page<CommentView> comments(long viewerId, long postId, PageRequest page) {
    Post post = visiblePost(viewerId, postId);
    boolean pageAdmin = pageAdmin(reads(), viewerId, reads().pair(viewerId, post.authorId()).other());
    Page<Comment> comments = reads().content().comments(postId, viewerId, page);
    Map<Long, Member> writers = reads().members(comments.items().stream().map(Comment::authorId).toList());
    return new Page<>(comments.items().stream().filter(c -> writers.containsKey(c.authorId()))
        .map(c -> new CommentView(c, writers.get(c.authorId()), Comments.mayDelete(viewerId, post, c, pageAdmin))).toList(),
        comments.next());
  }

  /**
   * P4: the comment's writer or the post's author deletes it.
   *
   * @throws NotFoundException {@code post-not-found}, {@code comment-not-found}
   * @throws dev.rapport.problem.ForbiddenException {@code not-comment-writer}
   */
  public void deleteComment(long actorId, long postId, long commentId) {
    commands.run((reads, effects) -> {
      Post post = post(reads, postId);
      PairState pair = reads.pair(actorId, post.authorId());
      return Comments.delete(pair, pageAdmin(reads, actorId, pair.other()), post, reads.content().comment(commentId), effects);
    });
  }

  /**
   * P3: the viewer's feed in either order, each item with its counts, the viewer's reaction and why
   * it is there. {@code recent} pages by creation time; {@code top} pages the ranking made for its
   * first page.
   */
  public Page<FeedItem> feed(long viewerId, FeedOrder order, PageRequest page) {
    return order == FeedOrder.RECENT ? feed.recent(viewerId, page) : feed.top(viewerId, page);
  }

  private StoreReads reads() {
    return reads.get();
  }

  private static Post post(StoreReads reads, long postId) {
    return reads.content().post(postId).orElseThrow(() -> ContentVisibility.notFound(postId));
  }

  /**
   * CP1: whether the actor is an admin of the post's author, a page; one indexed read, and none for a
   * person. Takes ids rather than the pair, so that this facade holds no rule's signature (adapters
   * call it, and the architecture test keeps them off rule classes).
   */
  private static boolean pageAdmin(StoreReads reads, long actorId, Member author) {
    return actorId != author.id() && author.isCompany() && reads.isPageAdmin(author.id(), actorId);
  }

  private static Optional<ReactionKind> myReaction(StoreReads reads, long actorId, long postId) {
    return Optional.ofNullable(reads.content().reactionsOf(actorId, List.of(postId)).get(postId));
  }

  private Post visiblePost(long viewerId, long postId) {
    Post post = post(reads(), postId);
    ContentVisibility.requireVisible(reads().pair(viewerId, post.authorId()), post);
    return post;
  }

  private PostView view(long viewerId, long postId) {
    Post post = visiblePost(viewerId, postId);
    return feed.views(viewerId, List.of(post)).getFirst();
  }
}
