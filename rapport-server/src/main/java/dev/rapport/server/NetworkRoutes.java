package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.rapport.Rapport;
import dev.rapport.model.Handle;
import dev.rapport.network.NetworkSize;
import io.helidon.http.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The network as the caller sees it: degrees of many members (N1), mutual connections with a
 * member (N2), network size (N3), and People You May Know with dismiss (N4).
 */
final class NetworkRoutes implements RouteGroup {
  private final Rapport rapport;
  private final FairShare searches;

  NetworkRoutes(Rapport rapport, FairShare searches) {
    this.rapport = rapport;
    this.searches = searches;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.withBody(Method.POST, "/v1/me/degrees", Route.Access.MEMBER, Set.of("handles"), this::degrees),
        Route.of(Method.GET, "/v1/members/{h}/mutual-connections", Route.Access.MEMBER, this::mutualConnections)
            .paged(),
        Route.of(Method.GET, "/v1/me/network", Route.Access.MEMBER, this::network),
        Route.of(Method.GET, "/v1/me/suggestions", Route.Access.MEMBER, this::suggestions).paged(),
        Route.of(Method.DELETE, "/v1/me/suggestions/{h}", Route.Access.MEMBER, this::dismiss));
  }

  /**
   * {@code {"degrees": {"<handle>": 1|2|3|null}}}, null where the caller sees no degree; a handle
   * named twice is answered once.
   */
  private Reply degrees(Call call) {
    List<String> named = call.body().requiredStrings("handles");
    List<Handle> handles = new ArrayList<>(named.size());
    for (String handle : named) {
      handles.add(Handle.of(handle));
    }
    // A lookup per handle in the viewer's cached networks: not a search that needs a turn.
    int[] degrees = rapport.degrees(call.me().id(), handles);
    // Written as text rather than as a tree of 1,000 nodes, which took a third of the route's time.
    // A valid handle is a-z, 0-9 and '-': it needs no escaping in JSON.
    StringBuilder byHandle = new StringBuilder(named.size() * 16).append('{');
    Set<String> written = new HashSet<>(named.size() * 2);
    for (int i = 0; i < degrees.length; i++) {
      if (written.add(named.get(i))) {
        byHandle.append(written.size() == 1 ? "\"" : ",\"").append(named.get(i)).append("\":")
            .append(degrees[i] == 0 ? "null" : Integer.toString(degrees[i]));
      }
    }
    ObjectNode node = Json.object();
    node.putRawValue("degrees", new RawValue(byHandle.append('}').toString()));
    return Reply.ok(node);
  }

  private Reply mutualConnections(Call call) {
    return Reply.ok(Representations.countedPage(
        rapport.mutualConnections(call.me().id(), call.handle("h"), call.page()), Representations::memberItem));
  }

  private Reply network(Call call) {
    NetworkSize size = searches.run(call.me().id(), () -> rapport.networkSize(call.me().id()));
    ObjectNode node = Json.object();
    node.put("first", size.first());
    node.put("second", size.second());
    node.put("third", size.third());
    return Reply.ok(node);
  }

  private Reply suggestions(Call call) {
    var suggestions = searches.run(call.me().id(), () -> rapport.suggestions(call.me().id(), call.page()));
    return Reply.ok(Representations.page(suggestions, suggestion -> {
      ObjectNode item = Representations.memberItem(suggestion.member());
      item.put("mutualCount", suggestion.mutualCount());
      return item;
    }));
  }

  private Reply dismiss(Call call) {
    rapport.dismissSuggestion(call.me().id(), call.handle("h"));
    return Reply.noContent();
  }
}
