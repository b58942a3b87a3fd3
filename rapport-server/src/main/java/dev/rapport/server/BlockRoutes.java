package dev.rapport.server;

import dev.rapport.Rapport;
import io.helidon.http.Method;
import java.util.List;

/** Blocks (B1, B2, B3): block and unblock (idempotent) and the list of members one blocked. */
final class BlockRoutes implements RouteGroup {
  private final Rapport rapport;

  BlockRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.PUT, "/v1/me/blocks/{h}", Route.Access.MEMBER, this::block),
        Route.of(Method.DELETE, "/v1/me/blocks/{h}", Route.Access.MEMBER, this::unblock),
        Route.of(Method.GET, "/v1/me/blocks", Route.Access.MEMBER, this::blocked).paged());
  }

  private Reply block(Call call) {
    return Reply.ok(Representations.flag("blocked", true, rapport.block(call.me().id(), call.handle("h"))));
  }

  private Reply unblock(Call call) {
    return Reply.ok(Representations.flag("blocked", false, rapport.unblock(call.me().id(), call.handle("h"))));
  }

  private Reply blocked(Call call) {
    return Reply.ok(Representations.page(rapport.blocked(call.me().id(), call.page()), Representations::memberItem));
  }
}
