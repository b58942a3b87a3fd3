package dev.rapport.connection;

import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.problem.RuleBrokenException;

/** The rules of an existing connection (C10) and of who sees a member's connection list (P1). */
public final class Connections {
  private Connections() {}

  /** How much of a member's connection list a viewer sees (P1). */
  public enum ListScope {
    /** Every connection of the member. */
    WHOLE,
    /** Only the connections the viewer shares with the member. */
    SHARED
  }

  /**
   * P1: the member (the pair's other member) and, unless the member chose only-me, their connections
   * see the whole list; everyone else sees only the connections they share.
   *
   * @throws dev.rapport.problem.NotFoundException if a block stands between the two (B2)
   */
  public static ListScope listScope(PairState pair) {
    // B2: a block either way hides the list like the member.
    Visibility.requireVisible(pair);
    // P1: only-me leaves even connections just the shared part.
    boolean whole = pair.isSelf() || pair.connected()
        && pair.other().settings().connectionsVisibility() == ConnectionsVisibility.CONNECTIONS;
    return whole ? ListScope.WHOLE : ListScope.SHARED;
  }

  /** C10: removing a connection is silent and removes both follows with it. */
  public static Decision<Boolean> remove(PairState pair, Effects effects) {
    Visibility.requireVisible(pair);
    if (!pair.connected()) {
      throw new RuleBrokenException("not-connected", "you are not connected to '%s'".formatted(pair.other().handle()));
    }
    long actor = pair.actor().id();
    long other = pair.other().id();
    // C10: no notification, only the connection and both follows go.
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
