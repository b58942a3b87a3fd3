package dev.rapport.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * {@code GET /metrics}: every metric in the Prometheus text format, without a token, as scrapers
 * expect; it holds counts and timings, never a token or a member's data. Served beside the API's
 * JSON routes, as its answer is text.
 */
final class MetricsEndpoint {
  static final String PATH = "/metrics";

  private final ServerMetrics metrics;
  private final RouteMeters getMeters;
  private final RouteMeters headMeters;

  MetricsEndpoint(ServerMetrics metrics) {
    this.metrics = metrics;
    this.getMeters = metrics.route(Method.GET, PATH);
    this.headMeters = metrics.route(Method.HEAD, PATH);
  }

  void register(HttpRouting.Builder routing) {
    routing.route(Method.GET, PATH, (request, response) -> {
      RequestObservation.matched(getMeters);
      scrape(request, response);
    });
    routing.route(Method.HEAD, PATH, (request, response) -> {
      RequestObservation.matched(headMeters);
      scrape(request, response);
    });
    routing.any(PATH, (request, response) -> {
      throw HttpApi.methodNotAllowed(request, List.of(Method.GET.text(), Method.HEAD.text()));
    });
  }

  private void scrape(ServerRequest request, ServerResponse response) {
    response.header(HeaderNames.CONTENT_TYPE, ServerMetrics.contentType());
    if (HttpApi.isHead(request)) {
      response.send();
    } else {
      response.send(metrics.scrape());
    }
  }
}
