package dev.rapport.connection;

import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.problem.RuleBrokenException;

/** The rules of an existing connection (C10). */
public final class Connections {
  private Connections() {}

  /** C10: removing a connection is silent and removes both follows with it. */
  public static Decision<Boolean> remove(PairState pair, Effects effects) {
    Visibility.requireVisible(pair);
    if (!pair.connected()) {
      throw new RuleBrokenException("not-connected", "you are not connected to '%s'".formatted(pair.other().handle()));
    }
    long actor = pair.actor().id();
    long other = pair.other().id();
    effects.expectPair(pair).disconnect(actor, other);
    if (pair.actorFollowsOther()) {
      effects.unfollow(actor, other);
    }
    if (pair.otherFollowsActor()) {
      effects.unfollow(other, actor);
    }
    return Decision.apply(effects, true);
  }
}
