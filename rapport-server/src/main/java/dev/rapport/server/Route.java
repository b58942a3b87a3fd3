package dev.rapport.server;

import io.helidon.http.Method;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One route of the API: method, path pattern ({@code {h}} for a handle, {@code {id}} for an
 * invitation id), who may call it, the JSON body it takes, and what it does.
 *
 * @param bodyFields the top-level fields of the JSON object body it requires; empty when the route
 *     takes no body (then a body, if sent, must be the empty object)
 * @param query the query parameters it takes; any other is refused ({@code unknown-parameter})
 */
record Route(Method method, String path, Access access, Optional<Set<String>> bodyFields, Set<String> query,
    Handler handler) {

  /** Who may call a route. */
  enum Access {
    /** Anyone, without a token. */
    PUBLIC,
    /**
     * A member, by their bearer token or their session cookie; they act only as themselves. With the
     * cookie, a state change carries the session's CSRF token.
     */
    MEMBER,
    /** A signed-in browser, by its session cookie only (the session's own routes). */
    SESSION,
    /** The administrator, by the configured admin token. */
    ADMIN
  }

  /** What a route does with a call that passed authentication and body checks. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Call call);
  }

  Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    bodyFields = bodyFields.map(Set::copyOf);
    query = Set.copyOf(query);
    Objects.requireNonNull(handler, "handler");
  }

  /** A route without a body. */
  static Route of(Method method, String path, Access access, Handler handler) {
    return new Route(method, path, access, Optional.empty(), Set.of(), handler);
  }

  /** A route that requires a JSON object body with (some of) these fields. */
  static Route withBody(Method method, String path, Access access, Set<String> fields, Handler handler) {
    return new Route(method, path, access, Optional.of(fields), Set.of(), handler);
  }

  /** This route, taking these query parameters. */
  Route withQuery(String... names) {
    return new Route(method, path, access, bodyFields, Set.of(names), handler);
  }

  /** This route as a list: it takes {@code limit} and {@code cursor}, and these query parameters. */
  Route paged(String... names) {
    Set<String> all = new java.util.HashSet<>(Set.of(names));
    all.add("limit");
    all.add("cursor");
    return new Route(method, path, access, bodyFields, all, handler);
  }

  @Override
  public String toString() {
    return method.text() + " " + path;
  }
}
