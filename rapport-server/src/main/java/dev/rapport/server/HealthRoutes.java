package dev.rapport.server;

import dev.rapport.store.Store;
import io.helidon.http.Method;
import java.util.List;

/** {@code GET /health}: up when the store answers a read. */
final class HealthRoutes implements RouteGroup {
  private final Store store;
  private final String storeName;

  HealthRoutes(Store store, String storeName) {
    this.store = store;
    this.storeName = storeName;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of(Method.GET, "/health", Route.Access.PUBLIC, this::health));
  }

  private Reply health(Call call) {
    try {
      store.member(-1L);
    } catch (RuntimeException e) {
      throw new ProblemException(503, "store-unavailable", "the %s store does not answer".formatted(storeName));
    }
    return Reply.ok(Representations.health(storeName));
  }
}
