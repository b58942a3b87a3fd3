package dev.rapport.content;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Post;
import dev.rapport.model.Reaction;
import dev.rapport.model.ReactionKind;
import java.util.Optional;

/** The rules of reactions (P4): one per member per post, changeable, only on a post one sees. */
public final class Reactions {
  private Reactions() {}

  /**
   * P4: the actor's reaction becomes {@code kind}, replacing another; the same again changes
   * nothing. Only the actor's version is a precondition, so that many members react to one post at
   * once without waiting for each other; the store checks the post is still there.
   *
   * @param current the actor's reaction to the post now, if any
   */
  public static Decision<Boolean> react(PairState viewerAndAuthor, Post post, Optional<ReactionKind> current,
      ReactionKind kind, Effects effects) {
    ContentVisibility.requireVisible(viewerAndAuthor, post);
    if (current.equals(Optional.of(kind))) {
      return Decision.apply(effects, false);
    }
    long actor = viewerAndAuthor.actor().id();
    effects.expect(actor, viewerAndAuthor.actor().version())
        .add(new Change.SetReaction(new Reaction(post.id(), actor, kind, effects.now())),
            current.isEmpty() ? EventType.REACTED : EventType.REACTION_CHANGED, actor, post.authorId(), post.id());
    if (current.isEmpty()) {
      // NT1: the first reaction tells the author; changing it does not again.
      ContentNotices.tellAuthor(viewerAndAuthor, post, NotificationKind.REACTED, effects);
    }
    return Decision.apply(effects, true);
  }

  /** P4: the actor's reaction goes; none to remove is not an error. */
  public static Decision<Boolean> unreact(PairState viewerAndAuthor, Post post, Optional<ReactionKind> current,
      Effects effects) {
    ContentVisibility.requireVisible(viewerAndAuthor, post);
    if (current.isEmpty()) {
      return Decision.apply(effects, false);
    }
    long actor = viewerAndAuthor.actor().id();
    effects.expect(actor, viewerAndAuthor.actor().version())
        .add(new Change.RemoveReaction(post.id(), actor), EventType.REACTION_REMOVED, actor, post.authorId(),
            post.id());
    return Decision.apply(effects, true);
  }
}
