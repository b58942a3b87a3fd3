package dev.rapport.server;

import dev.rapport.Rapport;
import io.helidon.http.Method;
import java.util.List;

/** Connections: the list as P1 lets the caller see it, and removing one (C10). */
final class ConnectionRoutes implements RouteGroup {
  private final Rapport rapport;

  ConnectionRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.GET, "/v1/members/{h}/connections", Route.Access.MEMBER, this::connections).paged(),
        Route.of(Method.DELETE, "/v1/me/connections/{h}", Route.Access.MEMBER, this::remove));
  }

  private Reply connections(Call call) {
    return Reply.ok(Representations.page(rapport.connections(call.me().id(), call.handle("h"), call.page()),
        Representations::connectionItem));
  }

  private Reply remove(Call call) {
    rapport.removeConnection(call.me().id(), call.handle("h"));
    return Reply.noContent();
  }
}
