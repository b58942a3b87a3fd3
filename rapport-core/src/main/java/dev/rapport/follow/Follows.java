package dev.rapport.follow;

import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.Member;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.RuleBrokenException;
import java.util.Map;
import java.util.OptionalInt;

/** The rules of following (F1-F7). Pure functions of the state they are given. */
public final class Follows {
  private Follows() {}

  /**
   * F5: a stored follow counts only while the followee accepts the follower: everyone, or
   * connections and the follower is one. Hidden follows are kept, not deleted.
   */
  public static boolean isEffective(boolean stored, Member followee, boolean connected) {
    return stored && (followee.settings().whoCanFollow() == WhoCanFollow.EVERYONE || connected);
  }

  /** Whether the actor may start following the other member now (F5, F7, B3), ignoring the cap. */
  public static boolean mayFollow(PairState pair) {
    return !pair.isSelf() && !pair.blockedEitherWay()
        && (pair.other().settings().whoCanFollow() == WhoCanFollow.EVERYONE || pair.connected());
  }

  /**
   * F1, F3, F4, F5, F7: the actor follows the other member at once and the other is notified.
   *
   * @param followingCount how many the actor follows, present when the policy caps follows
   */
  public static Decision<FollowOutcome> follow(PairState pair, Policy policy, OptionalInt followingCount, Effects effects) {
    if (pair.isSelf()) {
      throw new RuleBrokenException("cannot-follow-self", "you cannot follow yourself");
    }
    Visibility.requireReachable(pair);
    if (!mayFollow(pair)) {
      throw new ForbiddenException("follow-restricted",
          "'%s' accepts only connections as followers".formatted(pair.other().handle()));
    }
    if (pair.actorFollowsOther()) {
      return Decision.apply(effects, FollowOutcome.UNCHANGED);
    }
    if (policy.followCap() > 0 && followingCount.orElse(0) >= policy.followCap()) {
      throw new LimitReachedException("follow-limit",
          "you follow %d members, the most allowed".formatted(followingCount.orElse(0)),
          Map.of("limit", policy.followCap(), "used", followingCount.orElse(0)));
    }
    effects.expectPair(pair)
        .follow(pair.actor().id(), pair.other().id())
        .notify(pair.other().id(), NotificationKind.FOLLOWED, pair.actor().id(), 0);
    return Decision.apply(effects, FollowOutcome.CHANGED);
  }

  /** F4: unfollowing is silent and idempotent. */
  public static Decision<FollowOutcome> unfollow(PairState pair, Effects effects) {
    Visibility.requireNotBlockedBy(pair);
    if (!pair.actorFollowsOther()) {
      return Decision.apply(effects, FollowOutcome.UNCHANGED);
    }
    effects.expectPair(pair).unfollow(pair.actor().id(), pair.other().id());
    return Decision.apply(effects, FollowOutcome.CHANGED);
  }

  /** F6: the actor removes the other member as a follower, without blocking; they may follow again. */
  public static Decision<FollowOutcome> removeFollower(PairState pair, Effects effects) {
    Visibility.requireNotBlockedBy(pair);
    if (!pair.otherFollowsActor()) {
      return Decision.apply(effects, FollowOutcome.UNCHANGED);
    }
    effects.expectPair(pair).unfollow(pair.other().id(), pair.actor().id());
    return Decision.apply(effects, FollowOutcome.CHANGED);
  }
}
