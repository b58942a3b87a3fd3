package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
  private final RequestBudgets budgets;
  private final Problems problems;
  private final ServerMetrics metrics;
  private final StreamingConnections streaming;

  HttpApi(List<Route> routes, Authentication authentication, RequestBudgets budgets, Problems problems,
      ServerMetrics metrics, StreamingConnections streaming) {
    this.routes = List.copyOf(routes);
    this.matchers = this.routes.stream().map(r -> PathMatchers.create(r.path())).toList();
    this.authentication = authentication;
    this.budgets = budgets;
    this.problems = problems;
    this.metrics = metrics;
    this.streaming = streaming;
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
    Optional<Authentication.Caller> caller = switch (route.access()) {
      case PUBLIC -> Optional.empty();
      case MEMBER -> authenticated(request, response, () -> observed(authentication.member(request)));
      case SESSION -> authenticated(request, response, () -> observed(authentication.session(request)));
      case ADMIN -> authenticated(request, response, () -> {
        authentication.admin(request);
        RequestObservation.admin();
        return Optional.empty();
      });
    };
    requireKnownQuery(route, request);
    Optional<ObjectNode> body = RequestBody.read(request);
    StalledRequests.bodyRead();
    Fields fields;
    if (route.bodyFields().isPresent()) {
      ObjectNode object = body.orElseThrow(() -> new ProblemException(400, "malformed-json",
          "this request needs a JSON object body"));
      fields = Fields.of(object, "", route.bodyFields().get());
    } else {
      body.ifPresent(object -> Fields.of(object, "", Set.of()));
      fields = Fields.none();
    }
    write(request, response, route.handler().handle(new Call(request, caller.map(Authentication.Caller::member),
        fields, caller.filter(Authentication.Caller::session).map(Authentication.Caller::token))));
  }

  private static Optional<Authentication.Caller> observed(Authentication.Caller caller) {
    RequestObservation.caller(caller.member().id());
    return Optional.of(caller);
  }

  /** A query parameter the route does not take is refused, as an unknown field of the body is. */
  private static void requireKnownQuery(Route route, ServerRequest request) {
    Set<String> names;
    try {
      names = request.query().names();
    } catch (IllegalArgumentException e) {
      throw new ProblemException(400, "invalid-query", "the query string is not properly encoded");
    }
    for (String name : names) {
      if (!route.query().contains(name)) {
        String shown = name.length() <= 60 ? name : name.substring(0, 60) + "...";
        throw new ProblemException(400, "unknown-parameter", route.query().isEmpty()
            ? "unknown query parameter '%s': this request takes none".formatted(shown)
            : "unknown query parameter '%s' (known: %s)".formatted(shown, String.join(", ",
                route.query().stream().sorted().toList())), Map.of("parameter", shown), Map.of());
      }
    }
  }

  /**
   * Authenticates within the budgets: an address past its failed authentications is refused before
   * its token is looked at, a failure spends from the address's budget, and a success from the
   * token's (or the session's).
   */
  private Optional<Authentication.Caller> authenticated(ServerRequest request, ServerResponse response,
      Supplier<Optional<Authentication.Caller>> authenticate) {
    budgets.admit(request.remotePeer().address());
    Optional<Authentication.Caller> caller;
    try {
      caller = authenticate.get();
    } catch (ProblemException e) {
      if (e.status() != 401 || !request.headers().contains(HeaderNames.AUTHORIZATION)
          && Authentication.sessionCookie(request).isEmpty()) {
        throw e;
      }
      Map<String, String> headers = new LinkedHashMap<>(e.headers());
      headers.putAll(budgets.failed(request.remotePeer().address()));
      throw new ProblemException(e.status(), e.type(), e.getMessage(), e.details(), headers);
    }
    budgets.spend(caller.map(Authentication.Caller::token).orElseGet(() -> Authentication.bearer(request)))
        .forEach(response::header);
    return caller;
  }

  private void write(ServerRequest request, ServerResponse response, Reply reply) {
    response.status(Status.create(reply.status()));
    reply.headers().forEach(response::header);
    if (reply.stream().isPresent()) {
      writeStream(request, response, reply.stream().get());
    } else if (reply.content().isPresent()) {
      response.header(HeaderNames.CONTENT_TYPE, reply.content().get().type());
      sendUnlessHead(request, response, reply.content().get().bytes());
    } else if (reply.body().isPresent()) {
      response.header(HeaderNames.CONTENT_TYPE, "application/json");
      sendUnlessHead(request, response, Json.bytes(reply.body().get()));
    } else {
      response.send();
    }
  }

  private void writeStream(ServerRequest request, ServerResponse response, Reply.Stream stream) {
    try (stream) {
      response.header(HeaderNames.CONTENT_TYPE, stream.type());
      if (isHead(request)) {
        response.send();
        return;
      }
      streaming.opened(request.socketId());
      try (OutputStream out = response.outputStream()) {
        stream.writeTo(out);
      } catch (IOException | UncheckedIOException e) {
        // The client went away: it resumes, if it wants, with the last id it got.
      } finally {
        streaming.closed(request.socketId());
      }
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
    throw methodNotAllowed(request, allowed);
  }

  /** 405 {@code method-not-allowed}, naming the methods the address takes in the message and in {@code Allow}. */
  static ProblemException methodNotAllowed(ServerRequest request, Collection<String> allowed) {
    return new ProblemException(405, "method-not-allowed",
        "%s is not allowed here; allowed: %s".formatted(request.prologue().method().text(), String.join(", ", allowed)),
        Map.of(), Map.of("Allow", String.join(", ", allowed)));
  }
}
