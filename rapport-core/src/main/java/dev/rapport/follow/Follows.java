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

/**
 * The rules of following (F1, F3, F4, F5, F6, F7; F2 is that a follow is one way). Pure functions of
 * the state they are given.
 */
public final class Follows {
  private Follows() {}

  /**
   * F5: a stored follow counts only while the followee accepts the follower: everyone, or
   * connections and the follower is one. Hidden follows are kept, not deleted.
   */
  public static boolean isEffective(boolean stored, Member followee, boolean connected) {
    return stored && (followee.settings().whoCanFollow() == WhoCanFollow.EVERYONE || connected);
  }

  /**
   * F5: whether the member's follower lists and counts leave out followers who are not connections
   * (hidden while {@code whoCanFollow = connections}, shown again when switched back).
   */
  public static boolean hidesOutsideFollowers(Member followee) {
    return followee.settings().whoCanFollow() == WhoCanFollow.CONNECTIONS;
  }

  /** Whether the actor may start following the other member now (F5, F7, B3), ignoring the cap. */
  public static boolean mayFollow(PairState pair) {
    // F7, B3: not oneself, not across a block; F5: only connections when the other asks for that.
    return !pair.isSelf() && !pair.blockedEitherWay()
        && (pair.other().settings().whoCanFollow() == WhoCanFollow.EVERYONE || pair.connected());
  }

  /**
   * F1, F3, F4, F5, F7: the actor follows the other member at once and the other is notified.
   *
   * @param followingCount how many the actor follows, present when the policy caps follows
   */
  public static Decision<FollowOutcome> follow(PairState pair, Policy policy, OptionalInt followingCount, Effects effects) {
    // F7: nobody follows themself.
    if (pair.isSelf()) {
      throw new RuleBrokenException("cannot-follow-self", "you cannot follow yourself");
    }
    // F7, B3: not a member who blocked the actor (unknown to them) nor one the actor blocked.
    Visibility.requireReachable(pair);
    // F5: with whoCanFollow = connections, only connections may follow.
    if (!mayFollow(pair)) {
      throw new ForbiddenException("follow-restricted",
          "'%s' accepts only connections as followers".formatted(pair.other().handle()));
    }
    // F4: following again is not an error and changes nothing.
    if (pair.actorFollowsOther()) {
      return Decision.apply(effects, FollowOutcome.UNCHANGED);
    }
    // F1: no limit unless the policy configures a cap.
    if (policy.followCap() > 0 && followingCount.orElse(0) >= policy.followCap()) {
      throw new LimitReachedException("follow-limit",
          "you follow %d members, the most allowed".formatted(followingCount.orElse(0)),
          Map.of("limit", policy.followCap(), "used", followingCount.orElse(0)));
    }
    // F1: at once, no approval; F3, NT1: the followee is told.
    effects.expectPair(pair)
        .follow(pair.actor().id(), pair.other().id())
        .notify(pair.other().id(), NotificationKind.FOLLOWED, pair.actor().id(), 0);
    return Decision.apply(effects, FollowOutcome.CHANGED);
  }

  /** F4: unfollowing is silent and idempotent. */
  public static Decision<FollowOutcome> unfollow(PairState pair, Effects effects) {
    Visibility.requireNotBlockedBy(pair);
    // F4: unfollowing what is not followed is not an error.
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
    // F6: only the follow goes; no block is added, so they may follow again.
    effects.expectPair(pair).unfollow(pair.other().id(), pair.actor().id());
    return Decision.apply(effects, FollowOutcome.CHANGED);
  }
}
