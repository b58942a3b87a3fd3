package dev.rapport.server;

import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import io.helidon.http.HeaderName;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated request as a route handler sees it: who calls, the path parameters, the query
 * and the checked body. Path parameters that cannot name anything answer 404, like names that
 * name nothing.
 */
final class Call {
  static final int MAX_CURSOR_LENGTH = 512;

  private final ServerRequest request;
  private final Optional<Member> caller;
  private final Fields body;
  private final Optional<String> session;

  Call(ServerRequest request, Optional<Member> caller, Fields body, Optional<String> session) {
    this.request = request;
    this.caller = caller;
    this.body = body;
    this.session = session;
  }

  /** The session token the call came with, when a session cookie authenticated it. */
  Optional<String> session() {
    return session;
  }

  /** The request itself, for the routes that read its headers or its client's address. */
  ServerRequest request() {
    return request;
  }

  /** The member whose token authenticated the call: the only member a call can act as. */
  Member me() {
    return caller.orElseThrow(() -> new IllegalStateException("route is not a member route"));
  }

  /** The JSON body's fields (none for routes without a body). */
  Fields body() {
    return body;
  }

  /** Path parameter {@code name} as it came, at most 60 characters of it. */
  String pathParameter(String name) {
    String value = request.path().pathParameters().get(name);
    return value.length() <= 60 ? value : value.substring(0, 60);
  }

  /**
   * The member handle in path parameter {@code name}.
   *
   * @throws NotFoundException {@code member-not-found} if it is not a valid handle: no member has it
   */
  Handle handle(String name) {
    String value = request.path().pathParameters().get(name);
    try {
      return Handle.of(value);
    } catch (InvalidInputException e) {
      throw NotFoundException.member(value.length() <= 60 ? value : value.substring(0, 60) + "...");
    }
  }

  /**
   * The invitation id in path parameter {@code name}.
   *
   * @throws NotFoundException {@code invitation-not-found} if it is not a decimal number: no invitation has it
   */
  long invitationId(String name) {
    String value = request.path().pathParameters().get(name);
    if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw NotFoundException.invitation("'" + (value.length() <= 60 ? value : value.substring(0, 60) + "...") + "'");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw NotFoundException.invitation("'" + value + "'");
    }
  }

  /** The first value of a request header. */
  Optional<String> header(HeaderName name) {
    return request.headers().first(name);
  }

  /** A query parameter; an empty value counts as absent. */
  Optional<String> query(String name) {
    try {
      return request.query().first(name).asOptional().filter(v -> !v.isEmpty());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid-query", "the query string is not properly encoded",
          Map.of("parameter", name));
    }
  }

  /** A query parameter that must be one of the given wire names. @throws InvalidInputException {@code invalid-query} */
  <E> Optional<E> queryChoice(String name, Map<String, E> choices) {
    Optional<String> value = query(name);
    if (value.isPresent() && !choices.containsKey(value.get())) {
      throw new InvalidInputException("invalid-query", "query parameter '%s' must be one of %s"
          .formatted(name, String.join(", ", choices.keySet())), Map.of("parameter", name));
    }
    return value.map(choices::get);
  }

  /**
   * A query parameter that must be given, as a whole number from 0 to {@code max}.
   *
   * @throws InvalidInputException {@code invalid-query}
   */
  int requiredQueryNumber(String name, int max) {
    String value = query(name).orElseThrow(() -> new InvalidInputException("invalid-query",
        "query parameter '%s' is required".formatted(name), Map.of("parameter", name)));
    if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(value) > max) {
      throw new InvalidInputException("invalid-query", "query parameter '%s' must be a whole number from 0 to %d"
          .formatted(name, max), Map.of("parameter", name));
    }
    return Integer.parseInt(value);
  }

  /**
   * {@code ?limit=} (1-200, default 50) and {@code &cursor=}.
   *
   * @throws InvalidInputException {@code invalid-page} or {@code invalid-cursor}
   */
  PageRequest page() {
    return page(PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT);
  }

  /**
   * {@code ?limit=} (1 to {@code max}, default {@code defaultLimit}) and {@code &cursor=}.
   *
   * @throws InvalidInputException {@code invalid-page} or {@code invalid-cursor}
   */
  PageRequest page(int defaultLimit, int max) {
    int limit = defaultLimit;
    Optional<String> limitValue = query("limit");
    if (limitValue.isPresent()) {
      String value = limitValue.get();
      if (value.length() > 3 || !value.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(value) > max) {
        throw new InvalidInputException("invalid-page", "limit must be a number between 1 and %d"
            .formatted(max), Map.of("parameter", "limit"));
      }
      limit = Integer.parseInt(value);
    }
    Optional<String> cursor = query("cursor");
    if (cursor.isPresent() && cursor.get().length() > MAX_CURSOR_LENGTH) {
      throw new InvalidInputException("invalid-cursor", "this cursor was not given by a previous page",
          Map.of("parameter", "cursor"));
    }
    return new PageRequest(limit, cursor);
  }
}
