package dev.rapport.kernel;

import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.util.Arrays;

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
    // B2: whoever blocked the actor does not exist for them.
    if (pair.otherBlockedActor()) {
      throw NotFoundException.member(pair.other().handle().value());
    }
    // B3: the actor's own block refuses, with the reason.
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

  /**
   * B2 for a batch of degrees (N1): a member blocked either way gets 0, the answer for a handle
   * nobody has.
   *
   * @param degrees the degree of each of {@code targets}, changed in place
   * @param blockedEitherWay the members blocked either way, sorted ascending
   */
  public static void hideBlocked(long[] targets, int[] degrees, long[] blockedEitherWay) {
    if (blockedEitherWay.length == 0) {
      return;
    }
    for (int i = 0; i < targets.length; i++) {
      if (Arrays.binarySearch(blockedEitherWay, targets[i]) >= 0) {
        degrees[i] = 0;
      }
    }
  }

  /** For reads: a block either way hides the member entirely (B2). */
  public static void requireVisible(PairState pair) {
    if (pair.blockedEitherWay()) {
      throw NotFoundException.member(pair.other().handle().value());
    }
  }
}
