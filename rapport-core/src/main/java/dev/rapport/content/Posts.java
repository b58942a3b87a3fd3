package dev.rapport.content;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.model.Member;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.Text;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import java.util.Map;
import java.util.Optional;

/** The rules of posts (P2): writing, editing and deleting. Pure functions of the state they are given. */
public final class Posts {
  /** P2: the longest post, in characters (UTF-16 units, as LinkedIn counts). */
  public static final int MAX_POST_LENGTH = 3_000;

  private Posts() {}

  /**
   * P2, P4: the text of a post or a comment, cleaned as other texts (line breaks kept), not empty
   * after trimming; its length is the caller's to check ({@link #postText}, {@link Comments}).
   *
   * @throws InvalidInputException {@code invalid-text} if empty or holding refused characters
   */
  static String text(String value) {
    String text = Text.lines(value, "text", "invalid-text");
    if (text.isEmpty()) {
      throw new InvalidInputException("invalid-text", "the text is empty", Map.of("field", "text"));
    }
    return text;
  }

  /** What a refusal of a text as too long says, with its length and the limit. */
  static String tooLong(String text, int max) {
    return "the text has %d characters; at most %d are allowed".formatted(text.length(), max);
  }

  static Map<String, Object> tooLongDetails(String text, int max) {
    return Map.of("field", "text", "limit", max, "used", text.length());
  }

  /**
   * P2: a post's text, 1 to 3,000 characters after trimming.
   *
   * @throws InvalidInputException {@code invalid-text}, {@code post-too-long}
   */
  static String postText(String value) {
    String text = text(value);
    if (text.length() > MAX_POST_LENGTH) {
      throw new InvalidInputException("post-too-long", tooLong(text, MAX_POST_LENGTH),
          tooLongDetails(text, MAX_POST_LENGTH));
    }
    return text;
  }

  /**
   * P2: the actor posts as themself. One write whatever the author's follower count: the feed finds
   * it by its author (fan-out on read).
   */
  public static Decision<Post> create(Member actor, String text, PostVisibility visibility, Effects effects) {
    return create(actor, actor, false, text, visibility, effects);
  }

  /**
   * P2, CP1: an admin posts as the page. Decided on the page's version too, which adding or removing
   * an admin changes, so an admin removed concurrently cannot post as the page afterwards (decision
   * 28, docs/decisions/0028-a-page-posts-through-its-admins.md).
   *
   * @param actorAndPage the actor (a member) and the page, which a block either way hides
   * @param admin whether the actor is an admin of the page, read in the same command
   * @throws NotFoundException {@code member-not-found} for a person's handle or a page a block hides
   * @throws ForbiddenException {@code not-page-admin} if the actor is not an admin of the page
   * @throws InvalidInputException {@code page-post-for-anyone} for a {@code connections} post
   */
  public static Decision<Post> createAsPage(PairState actorAndPage, boolean admin, String text,
      PostVisibility visibility, Effects effects) {
    Member page = actorAndPage.other();
    if (!page.isCompany() || actorAndPage.blockedEitherWay()) {
      throw NotFoundException.member(page.handle().value());
    }
    if (!admin) {
      throw new ForbiddenException("not-page-admin",
          "only the admins of '%s' may post as it".formatted(page.handle().value()));
    }
    // A page has followers, never connections (CP1): a connections-only post would reach nobody.
    if (visibility != PostVisibility.ANYONE) {
      throw new InvalidInputException("page-post-for-anyone",
          "'%s' is a company page, which has no connections: its posts are for anyone".formatted(
              page.handle().value()), Map.of("field", "visibility"));
    }
    return create(actorAndPage.actor(), page, true, text, visibility, effects);
  }

  private static Decision<Post> create(Member actor, Member author, boolean asPage, String text,
      PostVisibility visibility, Effects effects) {
    Post post = new Post(effects.newId(), author.id(), postText(text),
        visibility, effects.now(), Optional.empty(), null);
    effects.expect(actor.id(), actor.version());
    if (asPage) {
      effects.expect(author.id(), author.version());
    }
    effects.add(new Change.AddPost(post), EventType.POSTED, actor.id(), author.id(), post.id());
    return Decision.apply(effects, post);
  }

  /**
   * P2: the author changes the text; the post says it was edited. Who cannot see it is told it does
   * not exist; who sees it but did not write it is refused.
   *
   * @param viewerAndAuthor the actor and the post's author
   * @param pageAdmin whether the actor is an admin of the author, a page, read in the same command
   */
  public static Decision<Post> edit(PairState viewerAndAuthor, boolean pageAdmin, Post post, String text,
      Effects effects) {
    requireAuthor(viewerAndAuthor, pageAdmin, post);
    String cleaned = postText(text);
    Post edited = post.edited(cleaned, effects.now());
    expectActing(viewerAndAuthor, effects)
        .add(new Change.EditPost(post.id(), cleaned, effects.now()), EventType.POST_EDITED,
            viewerAndAuthor.actor().id(), post.authorId(), post.id());
    return Decision.apply(effects, edited);
  }

  /** P2: the author (a page's admins for a page's) deletes the post, with its reactions and comments. */
  public static Decision<Boolean> delete(PairState viewerAndAuthor, boolean pageAdmin, Post post, Effects effects) {
    requireAuthor(viewerAndAuthor, pageAdmin, post);
    expectActing(viewerAndAuthor, effects)
        .add(new Change.RemovePost(post.id()), EventType.POST_DELETED, viewerAndAuthor.actor().id(),
            post.authorId(), post.id());
    return Decision.apply(effects, true);
  }

  /**
   * Whether the actor may edit and delete the post: its author, or an admin of the page that wrote
   * it (CP1).
   *
   * @param pageAdmin whether the actor is an admin of the post's author, a page
   */
  public static boolean mayChange(long actorId, Post post, boolean pageAdmin) {
    return actorId == post.authorId() || pageAdmin;
  }

  /**
   * Expects the actor's version and, when an admin acts for a page, the page's, so that an admin
   * removed concurrently is refused when the command decides again.
   */
  static Effects expectActing(PairState viewerAndAuthor, Effects effects) {
    effects.expect(viewerAndAuthor.actor().id(), viewerAndAuthor.actor().version());
    if (!viewerAndAuthor.isSelf() && viewerAndAuthor.other().isCompany()) {
      effects.expect(viewerAndAuthor.other().id(), viewerAndAuthor.other().version());
    }
    return effects;
  }

  private static void requireAuthor(PairState viewerAndAuthor, boolean pageAdmin, Post post) {
    ContentVisibility.requireVisible(viewerAndAuthor, post);
    if (!mayChange(viewerAndAuthor.actor().id(), post, pageAdmin)) {
      throw new ForbiddenException("not-post-author", "only its author may change post " + post.id());
    }
  }
}
