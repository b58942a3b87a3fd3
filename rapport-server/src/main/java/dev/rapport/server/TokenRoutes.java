package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.AccountCommands;
import dev.rapport.Rapport;
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.IssuedToken;
import io.helidon.http.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member's personal API tokens (A2): listed without their secret, created with the secret shown
 * once, revoked at once. Tokens the administrator issued are listed too, without a name.
 */
final class TokenRoutes implements RouteGroup {
  /** How long a token lasts when its creator does not say. */
  static final int DEFAULT_DAYS = 90;

  private final Rapport rapport;

  TokenRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.GET, "/v1/me/tokens", Route.Access.MEMBER, this::list),
        Route.withBody(Method.POST, "/v1/me/tokens", Route.Access.MEMBER, Set.of("name", "expiresInDays"),
            this::create),
        Route.of(Method.DELETE, "/v1/me/tokens/{id}", Route.Access.MEMBER, this::revoke));
  }

  private Reply list(Call call) {
    ObjectNode page = Json.object();
    ArrayNode items = page.putArray("items");
    rapport.accounts().tokens(call.me().id()).forEach(token -> items.add(item(token)));
    page.putNull("next");
    return Reply.ok(page);
  }

  private Reply create(Call call) {
    Fields body = call.body();
    int maxDays = (int) rapport.policy().tokenLifetime().toDays();
    int days = body.integer("expiresInDays", 1, maxDays).orElse(Math.min(DEFAULT_DAYS, maxDays));
    AccountCommands.NewToken created = rapport.accounts().createToken(call.me().id(), body.requiredString("name"),
        Duration.ofDays(days));
    ObjectNode node = item(created.issued());
    node.put("token", created.token());
    return Reply.created(node, Map.of("Cache-Control", "no-store"));
  }

  private Reply revoke(Call call) {
    String id = call.pathParameter("id");
    if (id.isEmpty() || id.length() > 19 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NotFoundException("token-not-found", "you have no token with id '%s'".formatted(id));
    }
    rapport.accounts().revokeToken(call.me().id(), Long.parseLong(id));
    return Reply.noContent();
  }

  private static ObjectNode item(IssuedToken token) {
    ObjectNode node = Json.object();
    node.put("id", Long.toString(token.id()));
    if (token.name().isPresent()) {
      node.put("name", token.name().get());
    } else {
      node.putNull("name");
    }
    node.put("createdAt", Representations.time(token.createdAt()));
    node.put("expiresAt", Representations.time(token.expiresAt()));
    return node;
  }
}
