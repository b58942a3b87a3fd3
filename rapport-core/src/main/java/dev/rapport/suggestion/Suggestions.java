package dev.rapport.suggestion;

import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.problem.RuleBrokenException;

/** The rule of People You May Know (N4) that changes state: dismissing a suggestion. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * N4: the other member is not suggested to the actor again, whatever they come to share.
   * Repeating is not an error. A member hidden by a block (B2) cannot be named.
   */
  public static Decision<Boolean> dismiss(PairState pair, Effects effects) {
    if (pair.isSelf()) {
      throw new RuleBrokenException("cannot-dismiss-self", "you are never suggested to yourself");
    }
    // B2: a member hidden by a block cannot be named.
    Visibility.requireVisible(pair);
    // N4: dismissed suggestions are left out from now on.
    effects.dismissSuggestion(pair.actor().id(), pair.other().id());
    return Decision.apply(effects, true);
  }
}
