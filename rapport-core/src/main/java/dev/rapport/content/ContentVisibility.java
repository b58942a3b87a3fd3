package dev.rapport.content;

import dev.rapport.kernel.PairState;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.problem.NotFoundException;

/**
 * P2, B2: who sees a post. Its author always; nobody blocked either way with the author; anyone
 * else for an {@code anyone} post, only the author's 1st-degree connections for a
 * {@code connections} one. Whoever may not see a post is told it does not exist (never 403).
 */
public final class ContentVisibility {
  private ContentVisibility() {}

  /** Whether the pair's actor (the viewer) sees the post of the pair's other member (its author). */
  public static boolean sees(PairState viewerAndAuthor, Post post) {
    if (viewerAndAuthor.isSelf()) {
      return true;
    }
    if (viewerAndAuthor.blockedEitherWay()) {
      return false;
    }
    return post.visibility() == PostVisibility.ANYONE || viewerAndAuthor.connected();
  }

  /** @throws NotFoundException {@code post-not-found} unless the viewer sees the post */
  public static void requireVisible(PairState viewerAndAuthor, Post post) {
    if (!sees(viewerAndAuthor, post)) {
      throw notFound(post.id());
    }
  }

  public static NotFoundException notFound(long postId) {
    return new NotFoundException("post-not-found", "no post " + postId + " for you");
  }
}
