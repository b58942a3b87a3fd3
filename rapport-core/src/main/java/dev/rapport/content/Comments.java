package dev.rapport.content;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.model.Comment;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Post;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import java.util.Optional;

/** The rules of comments (P4): up to 1,250 characters, deleted by their writer or the post's author. */
public final class Comments {
  /** P4: the longest comment, in characters. */
  public static final int MAX_COMMENT_LENGTH = 1_250;

  private Comments() {}

  /** P4: the actor comments on a post they see. */
  public static Decision<Comment> add(PairState viewerAndAuthor, Post post, String text, Effects effects) {
    ContentVisibility.requireVisible(viewerAndAuthor, post);
    long actor = viewerAndAuthor.actor().id();
    String cleaned = Posts.text(text);
    if (cleaned.length() > MAX_COMMENT_LENGTH) {
      throw new InvalidInputException("comment-too-long", Posts.tooLong(cleaned, MAX_COMMENT_LENGTH),
          Posts.tooLongDetails(cleaned, MAX_COMMENT_LENGTH));
    }
    Comment comment = new Comment(effects.newId(), post.id(), actor, cleaned, effects.now());
    effects.expect(actor, viewerAndAuthor.actor().version())
        .add(new Change.AddComment(comment), EventType.COMMENTED, actor, post.authorId(), post.id());
    ContentNotices.tellAuthor(viewerAndAuthor, post, NotificationKind.COMMENTED, effects);
    return Decision.apply(effects, comment);
  }

  /**
   * Whether the actor may delete the comment: its writer, or the post's author (an admin of the page
   * for a page's post).
   */
  public static boolean mayDelete(long actorId, Post post, Comment comment, boolean pageAdmin) {
    return actorId == comment.authorId() || Posts.mayChange(actorId, post, pageAdmin);
  }

  /**
   * P4: the writer or the post's author deletes a comment. Logged with the writer as its subject,
   * whoever deleted it, so that what follows the log knows whose comment went.
   *
   * @param pageAdmin whether the actor is an admin of the post's author, a page
   * @param comment the comment with that id, if any; one on another post is not found
   */
  public static Decision<Boolean> delete(PairState viewerAndAuthor, boolean pageAdmin, Post post,
      Optional<Comment> comment, Effects effects) {
    ContentVisibility.requireVisible(viewerAndAuthor, post);
    Comment found = comment.filter(c -> c.postId() == post.id()).orElseThrow(() -> new NotFoundException(
        "comment-not-found", "no comment with this id on post " + post.id()));
    long actor = viewerAndAuthor.actor().id();
    if (!mayDelete(actor, post, found, pageAdmin)) {
      throw new ForbiddenException("not-comment-writer",
          "only its writer or the post's author may delete comment " + found.id());
    }
    boolean asPage = actor != found.authorId() && actor != post.authorId();
    (asPage ? Posts.expectActing(viewerAndAuthor, effects) : effects.expect(actor, viewerAndAuthor.actor().version()))
        .add(new Change.RemoveComment(post.id(), found.id()), EventType.COMMENT_DELETED, actor, found.authorId(),
            post.id());
    return Decision.apply(effects, true);
  }
}
