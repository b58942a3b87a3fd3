package dev.rapport.block;

import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.model.InvitationState;
import dev.rapport.problem.RuleBrokenException;

/** The rules of blocking (B1, B3). */
public final class Blocks {
  private Blocks() {}

  /**
   * B1: blocking removes the connection, follows both ways, open invitations both ways, and the
   * endorsements and recommendations between the two. Silent
   * (NT1) and idempotent. A member may block someone who blocked them: each side's block stands alone.
   */
  public static Decision<Boolean> block(PairState pair, Effects effects) {
    // B1: a block is between two members.
    if (pair.isSelf()) {
      throw new RuleBrokenException("cannot-block-self", "you cannot block yourself");
    }
    if (pair.actorBlockedOther()) {
      return Decision.apply(effects, false);
    }
    long actor = pair.actor().id();
    long other = pair.other().id();
    // B1: the block removes connection, follows both ways and open invitations; NT1: nobody is told.
    effects.expectPair(pair).block(actor, other);
    if (pair.connected()) {
      effects.disconnect(actor, other);
    }
    if (pair.actorFollowsOther()) {
      effects.unfollow(actor, other);
    }
    if (pair.otherFollowsActor()) {
      effects.unfollow(other, actor);
    }
    pair.openInvitation().ifPresent(invitation -> effects.transition(invitation, InvitationState.CANCELED, actor));
    // B1: endorsements and recommendations between the two go too, both ways.
    effects.removeGiven(actor, other);
    return Decision.apply(effects, true);
  }

  /** B3: unblocking restores nothing. Idempotent. */
  public static Decision<Boolean> unblock(PairState pair, Effects effects) {
    if (!pair.actorBlockedOther()) {
      return Decision.apply(effects, false);
    }
    // B3: only the block goes; nothing B1 removed comes back.
    effects.expectPair(pair).unblock(pair.actor().id(), pair.other().id());
    return Decision.apply(effects, true);
  }
}
