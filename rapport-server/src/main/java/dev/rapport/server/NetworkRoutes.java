package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.Rapport;
import dev.rapport.network.GraphIndex;
import io.helidon.http.Method;
import java.util.List;

/** The network as the caller sees it: mutual connections with a member (N2), network size (N3). */
final class NetworkRoutes implements RouteGroup {
  private final Rapport rapport;

  NetworkRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.GET, "/v1/members/{h}/mutual-connections", Route.Access.MEMBER, this::mutualConnections),
        Route.of(Method.GET, "/v1/me/network", Route.Access.MEMBER, this::network));
  }

  private Reply mutualConnections(Call call) {
    return Reply.ok(Representations.page(
        rapport.mutualConnections(call.me().id(), call.handle("h"), call.page()), Representations::memberItem));
  }

  private Reply network(Call call) {
    GraphIndex.NetworkSize size = rapport.networkSize(call.me().id());
    ObjectNode node = Json.object();
    node.put("first", size.first());
    node.put("second", size.second());
    node.put("third", size.third());
    return Reply.ok(node);
  }
}
