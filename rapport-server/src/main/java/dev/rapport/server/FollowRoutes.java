package dev.rapport.server;

import dev.rapport.Rapport;
import dev.rapport.follow.FollowOutcome;
import io.helidon.http.Method;
import java.util.List;

/** Following (F1, F3, F4, F5, F6, F7): follow and unfollow (idempotent), remove a follower, the two lists. */
final class FollowRoutes implements RouteGroup {
  private final Rapport rapport;

  FollowRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.PUT, "/v1/me/following/{h}", Route.Access.MEMBER, this::follow),
        Route.of(Method.DELETE, "/v1/me/following/{h}", Route.Access.MEMBER, this::unfollow),
        Route.of(Method.DELETE, "/v1/me/followers/{h}", Route.Access.MEMBER, this::removeFollower),
        Route.of(Method.GET, "/v1/members/{h}/followers", Route.Access.MEMBER, this::followers).paged(),
        Route.of(Method.GET, "/v1/members/{h}/following", Route.Access.MEMBER, this::following).paged());
  }

  private Reply follow(Call call) {
    FollowOutcome outcome = rapport.follow(call.me().id(), call.handle("h"));
    return Reply.ok(Representations.flag("following", true, outcome == FollowOutcome.CHANGED));
  }

  private Reply unfollow(Call call) {
    FollowOutcome outcome = rapport.unfollow(call.me().id(), call.handle("h"));
    return Reply.ok(Representations.flag("following", false, outcome == FollowOutcome.CHANGED));
  }

  private Reply removeFollower(Call call) {
    FollowOutcome outcome = rapport.removeFollower(call.me().id(), call.handle("h"));
    return Reply.ok(Representations.flag("followedBy", false, outcome == FollowOutcome.CHANGED));
  }

  private Reply followers(Call call) {
    return Reply.ok(Representations.page(rapport.followers(call.me().id(), call.handle("h"), call.page()),
        Representations::memberItem));
  }

  private Reply following(Call call) {
    return Reply.ok(Representations.page(rapport.following(call.me().id(), call.handle("h"), call.page()),
        Representations::memberItem));
  }
}
