package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.model.Member;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the routes on Helidon's routing: each call is authenticated as its route requires, its body
 * read and checked against the route's fields, then handled; failures of any kind become problem
 * documents. A path no route has is 404 {@code not-found}; a path some route has with another
 * method is 405 {@code method-not-allowed} with {@code Allow}. HEAD is served wherever GET is.
 */
final class HttpApi {
  private final List<Route> routes;
  private final List<PathMatcher> matchers;
  private final Authentication authentication;
  private final Problems problems;
  private final ServerMetrics metrics;

  HttpApi(List<Route> routes, Authentication authentication, Problems problems, ServerMetrics metrics) {
    this.routes = List.copyOf(routes);
    this.matchers = this.routes.stream().map(r -> PathMatchers.create(r.path())).toList();
    this.authentication = authentication;
    this.problems = problems;
    this.metrics = metrics;
  }

  List<Route> routes() {
    return routes;
  }

  void register(HttpRouting.Builder routing) {
    for (Route route : routes) {
      // Each route's meters are made here, once, so that a request only indexes them by status.
      RouteMeters meters = metrics.route(route.method(), route.path());
      routing.route(route.method(), route.path(), (request, response) -> {
        RequestObservation.matched(meters);
        serve(route, request, response);
      });
      if (Method.GET.equals(route.method())) {
        RouteMeters headMeters = metrics.route(Method.HEAD, route.path());
        routing.route(Method.HEAD, route.path(), (request, response) -> {
          RequestObservation.matched(headMeters);
          serve(route, request, response);
        });
      }
    }
    routing.any(this::unrouted);
    routing.error(Throwable.class, problems);
  }

  private void serve(Route route, ServerRequest request, ServerResponse response) {
    Optional<Member> caller = switch (route.access()) {
      case PUBLIC -> Optional.empty();
      case MEMBER -> {
        Member member = authentication.member(request);
        RequestObservation.caller(member.id());
        yield Optional.of(member);
      }
      case ADMIN -> {
        authentication.admin(request);
        RequestObservation.admin();
        yield Optional.empty();
      }
    };
    Optional<ObjectNode> body = RequestBody.read(request);
    Fields fields;
    if (route.bodyFields().isPresent()) {
      ObjectNode object = body.orElseThrow(() -> new ProblemException(400, "malformed-json",
          "this request needs a JSON object body"));
      fields = Fields.of(object, "", route.bodyFields().get());
    } else {
      body.ifPresent(object -> Fields.of(object, "", Set.of()));
      fields = Fields.none();
    }
    write(request, response, route.handler().handle(new Call(request, caller, fields)));
  }

  private static void write(ServerRequest request, ServerResponse response, Reply reply) {
    response.status(Status.create(reply.status()));
    reply.headers().forEach(response::header);
    if (reply.html().isPresent()) {
      response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
      sendUnlessHead(request, response, reply.html().get().getBytes(StandardCharsets.UTF_8));
    } else if (reply.body().isPresent()) {
      response.header(HeaderNames.CONTENT_TYPE, "application/json");
      sendUnlessHead(request, response, Json.bytes(reply.body().get()));
    } else {
      response.send();
    }
  }

  private static void sendUnlessHead(ServerRequest request, ServerResponse response, byte[] entity) {
    if (isHead(request)) {
      response.send();
    } else {
      response.send(entity);
    }
  }

  /** HEAD answers as GET would, without the body. */
  static boolean isHead(ServerRequest request) {
    return Method.HEAD.equals(request.prologue().method());
  }

  private void unrouted(ServerRequest request, ServerResponse response) {
    Set<String> allowed = new LinkedHashSet<>();
    for (int i = 0; i < routes.size(); i++) {
      if (matchers.get(i).match(request.path()).accepted()) {
        allowed.add(routes.get(i).method().text());
        if (Method.GET.equals(routes.get(i).method())) {
          allowed.add(Method.HEAD.text());
        }
      }
    }
    if (allowed.isEmpty()) {
      throw new ProblemException(404, "not-found", "there is no route at this address");
    }
    throw new ProblemException(405, "method-not-allowed",
        "%s is not allowed here; allowed: %s".formatted(request.prologue().method().text(), String.join(", ", allowed)),
        Map.of(), Map.of("Allow", String.join(", ", allowed)));
  }
}
