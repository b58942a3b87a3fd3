package dev.rapport.server;

import dev.rapport.Rapport;
import dev.rapport.store.Store;
import io.helidon.http.Method;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: up when the store answers a read, with the version; {@code GET
 * /health/ready}: 200 once the graph index is loaded and the store answers, 503 {@code not-ready}
 * until then, for a load balancer to send traffic only to servers that answer at once.
 */
final class HealthRoutes implements RouteGroup {
  private final Store store;
  private final String storeName;
  private final Rapport rapport;

  HealthRoutes(Store store, String storeName, Rapport rapport) {
    this.store = store;
    this.storeName = storeName;
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.GET, "/health", Route.Access.PUBLIC, this::health),
        Route.of(Method.GET, "/health/ready", Route.Access.PUBLIC, this::ready));
  }

  private Reply health(Call call) {
    if (!storeAnswers()) {
      throw new ProblemException(503, "store-unavailable", "the %s store does not answer".formatted(storeName));
    }
    return Reply.ok(Representations.health(storeName, RapportServer.version()));
  }

  private Reply ready(Call call) {
    boolean indexLoaded = rapport.networkLoaded();
    boolean storeAnswers = storeAnswers();
    if (!indexLoaded || !storeAnswers) {
      String detail = !indexLoaded
          ? "the graph index is still loading"
          : "the %s store does not answer".formatted(storeName);
      throw new ProblemException(503, "not-ready", detail,
          Map.of("indexLoaded", indexLoaded, "storeAnswers", storeAnswers), Map.of("Retry-After", "1"));
    }
    return Reply.ok(Representations.ready(storeName, RapportServer.version()));
  }

  private boolean storeAnswers() {
    try {
      store.member(-1L);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
