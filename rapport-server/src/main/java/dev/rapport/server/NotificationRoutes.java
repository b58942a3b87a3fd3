package dev.rapport.server;

import dev.rapport.Rapport;
import io.helidon.http.Method;
import java.util.List;

/** Notifications (NT1): the caller's, newest first. */
final class NotificationRoutes implements RouteGroup {
  private final Rapport rapport;

  NotificationRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of(Method.GET, "/v1/me/notifications", Route.Access.MEMBER, this::notifications));
  }

  private Reply notifications(Call call) {
    return Reply.ok(Representations.page(rapport.notifications(call.me().id(), call.page()),
        Representations::notification));
  }
}
