package dev.rapport.content;

import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Post;

/** NT1 for content: the author of a post is told of what others do on it. */
final class ContentNotices {
  private ContentNotices() {}

  /**
   * Notifies the post's author of the actor's reaction or comment, unless the author is the actor or
   * a company page (a page has no one signed in as it to tell). The actor sees the post, so no block
   * stands between them (B2).
   */
  static void tellAuthor(PairState viewerAndAuthor, Post post, NotificationKind kind, Effects effects) {
    if (!viewerAndAuthor.isSelf() && !viewerAndAuthor.other().isCompany()) {
      effects.notify(post.authorId(), kind, viewerAndAuthor.actor().id(), post.id());
    }
  }
}
