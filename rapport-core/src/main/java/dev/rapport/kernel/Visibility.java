package dev.rapport.kernel;

import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;

/** B2, B3: what a block hides and refuses, in one place so every command applies it the same way. */
public final class Visibility {
  private Visibility() {}

  /**
   * For commands aimed at another member: a member who blocked the actor does not exist for them
   * (B2, indistinguishable from an unknown handle); a member the actor blocked is refused (B3)
   * with a reason, since the actor knows.
   *
   * @throws NotFoundException if the other member blocked the actor
   * @throws RuleBrokenException if the actor blocked the other member
   */
  public static void requireReachable(PairState pair) {
    if (pair.otherBlockedActor()) {
      throw NotFoundException.member(pair.other().handle().value());
    }
    if (pair.actorBlockedOther()) {
      throw new RuleBrokenException(
          "member-blocked", "you blocked '%s'; unblock them first".formatted(pair.other().handle()));
    }
  }

  /**
   * For commands that only undo something (unfollow, remove a follower): a member who blocked the
   * actor still does not exist for them (B2); the actor's own blocks need no reason.
   *
   * @throws NotFoundException if the other member blocked the actor
   */
  public static void requireNotBlockedBy(PairState pair) {
    if (pair.otherBlockedActor()) {
      throw NotFoundException.member(pair.other().handle().value());
    }
  }

  /** For reads: a block either way hides the member entirely (B2). */
  public static void requireVisible(PairState pair) {
    if (pair.blockedEitherWay()) {
      throw NotFoundException.member(pair.other().handle().value());
    }
  }
}
