package dev.rapport.server;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Map;

/**
 * Times every routed request, counts it in its route's meters and writes its access-log line,
 * once the answer, problem or not, has its status (Helidon's error handlers run inside a filter's
 * chain). The route and the caller are told by {@link HttpApi} through {@link #matched} and
 * {@link #caller}, on the request's own thread.
 */
final class RequestObservation implements Filter {
  private static final ScopedValue<Exchange> CURRENT = ScopedValue.newInstance();
  private static final String OTHER_METHOD = "other";

  /** What one request came to, filled in while it is routed. */
  private static final class Exchange {
    RouteMeters route;
    long member = -1;
    boolean admin;
  }

  private final Map<String, RouteMeters> unmatched;
  private final RouteMeters unmatchedOther;
  private final AccessLog accessLog;

  RequestObservation(ServerMetrics metrics, AccessLog accessLog) {
    this.accessLog = accessLog;
    this.unmatched = Map.of(
        Method.GET.text(), metrics.unmatched(Method.GET.text()),
        Method.HEAD.text(), metrics.unmatched(Method.HEAD.text()),
        Method.POST.text(), metrics.unmatched(Method.POST.text()),
        Method.PUT.text(), metrics.unmatched(Method.PUT.text()),
        Method.PATCH.text(), metrics.unmatched(Method.PATCH.text()),
        Method.DELETE.text(), metrics.unmatched(Method.DELETE.text()),
        Method.OPTIONS.text(), metrics.unmatched(Method.OPTIONS.text()));
    // Any other method word is one label value, so that clients cannot make series without end.
    this.unmatchedOther = metrics.unmatched(OTHER_METHOD);
  }

  /** Called by the handler of a route: the request is this route's. */
  static void matched(RouteMeters route) {
    if (CURRENT.isBound()) {
      CURRENT.get().route = route;
    }
  }

  /** Called once a member's token authenticated the request. */
  static void caller(long memberId) {
    if (CURRENT.isBound()) {
      CURRENT.get().member = memberId;
    }
  }

  /** Called once the admin token authenticated the request. */
  static void admin() {
    if (CURRENT.isBound()) {
      CURRENT.get().admin = true;
    }
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
    long started = System.nanoTime();
    Exchange exchange = new Exchange();
    try {
      ScopedValue.where(CURRENT, exchange).run(chain::proceed);
    } finally {
      long nanos = System.nanoTime() - started;
      int status = response.status().code();
      RouteMeters route = exchange.route != null
          ? exchange.route
          : unmatched.getOrDefault(request.prologue().method().text(), unmatchedOther);
      route.observe(status, nanos);
      accessLog.answered(route, status, nanos, exchange.member, exchange.admin);
    }
  }
}
