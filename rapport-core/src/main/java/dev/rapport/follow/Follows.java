package dev.rapport.follow;

import dev.rapport.connection.Connections;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Member;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.RuleBrokenException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rules of following (F1, F3, F4, F5, F6, F7; F2 is that a follow is one way) and of who sees
 * the lists of follows (P5). Pure functions of the state they are given.
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

  /**
   * P5: the viewer (the pair's actor) may read the member's (the pair's other member's) followers
   * and following lists. The member may; others only while the member shows follows to connections
   * and the viewer may also read the member's whole connection list (P1): connected members follow
   * each other (C3), so the two lists together would name the connections a hidden list hides.
   *
   * @throws dev.rapport.problem.NotFoundException if a block stands between the two (B2)
   * @throws ForbiddenException {@code follows-hidden} if the member shows the viewer neither list
   */
  public static void requireListsVisible(PairState pair) {
    // B2 first: a block hides the member, whose settings are then nobody's business.
    boolean wholeConnections = Connections.listScope(pair) == Connections.ListScope.WHOLE;
    if (pair.isSelf()
        || wholeConnections && pair.other().settings().followsVisibility() == FollowsVisibility.CONNECTIONS) {
      return;
    }
    // P1 wins: hidden connections keep follows hidden too, whatever followsVisibility says.
    boolean toConnections = pair.other().settings().followsVisibility() == FollowsVisibility.CONNECTIONS
        && pair.other().settings().connectionsVisibility() == ConnectionsVisibility.CONNECTIONS;
    throw new ForbiddenException("follows-hidden", "'%s' shows whom they follow and who follows them only to %s"
        .formatted(pair.other().handle(), toConnections ? "their connections" : "themself"));
  }

  /** Whether the actor may start following the other member now (F5, F7, B3), ignoring the cap. */
  public static boolean mayFollow(PairState pair) {
    // F7, B3: not oneself, not across a block; F5: only connections when the other asks for that.
    return !pair.isSelf() && !pair.blockedEitherWay()
        && (pair.other().settings().whoCanFollow() == WhoCanFollow.EVERYONE || pair.connected());
  }

  /**
   * F1, F3, F4, F5, F7: the actor follows the other member at once and the other is notified,
   * unless the actor's follow notified them less than the policy's quiet time ago (NT1: a repeated
   * follow within a day does not notify again).
   *
   * @param followingCount how many the actor follows, present when the policy caps follows
   * @param lastNotified when a follow of the actor last notified the other member, if ever
   */
  public static Decision<FollowOutcome> follow(PairState pair, Policy policy, OptionalInt followingCount,
      Optional<Instant> lastNotified, Effects effects) {
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
    // F1: at once, no approval.
    effects.expectPair(pair).follow(pair.actor().id(), pair.other().id());
    // F3, NT1: the followee is told, once a day at most however often the actor follows again.
    if (lastNotified.filter(at -> at.plus(policy.followNoticeQuiet()).isAfter(effects.now())).isEmpty()) {
      effects.notify(pair.other().id(), NotificationKind.FOLLOWED, pair.actor().id(), 0);
    }
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
