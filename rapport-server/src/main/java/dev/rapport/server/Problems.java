package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RapportException;
import dev.rapport.problem.RuleBrokenException;
import dev.rapport.store.StoreUnavailableException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one writer of RFC 9457 problem documents: every answer that is not 2xx goes through here,
 * whether the engine refused ({@link RapportException}), the edge refused ({@link ProblemException}),
 * Helidon refused before routing (as a {@link DirectHandler}), or something broke (500, logged).
 *
 * <p>A document is {@code {"type": "/problems/<slug>", "title", "status", "detail", ...details}};
 * instants among the details are ISO-8601 strings. Status by family: bad input 400, not found 404,
 * forbidden 403, rule broken 409, limit reached 429 (with {@code Retry-After} when the refusal ends
 * by itself). Thread safe.
 */
final class Problems implements ErrorHandler<Throwable>, DirectHandler {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final System.Logger LOG = System.getLogger(Problems.class.getName());
  private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance");

  private final InstantSource clock;

  /** @param clock the engine's clock, so {@code Retry-After} agrees with {@code retryAt} under the dev clock */
  Problems(InstantSource clock) {
    this.clock = clock;
  }

  /** A problem ready to write. */
  record Problem(int status, String type, String detail, Map<String, Object> details, Map<String, String> headers) {}

  /** Writes the problem for a failure raised while routing (Helidon's error handler). */
  @Override
  public void handle(ServerRequest request, ServerResponse response, Throwable failure) {
    Problem problem = problemFor(failure);
    // A ProblemException is an answer chosen on purpose (busy, not ready), not a failure to log.
    if (problem.status() >= 500 && !(failure instanceof ProblemException)) {
      LOG.log(System.Logger.Level.ERROR, "%s %s failed".formatted(request.prologue().method().text(),
          request.path().rawPath()), failure);
    }
    response.status(Status.create(problem.status()));
    problem.headers().forEach(response::header);
    response.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
    if (HttpApi.isHead(request)) {
      response.send();
    } else {
      response.send(Json.bytes(document(problem)));
    }
  }

  /** Writes the problem for a request Helidon refused before routing (malformed request line, headers, size). */
  @Override
  public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
      ServerResponseHeaders headers, String message) {
    int status = defaultStatus.code();
    Problem problem = status == 413 ? problemFor(RequestBody.tooLarge())
        : new Problem(status, slugForStatus(status), detailForStatus(status), Map.of(), Map.of());
    headers.set(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
    TransportResponse.Builder response = TransportResponse.builder().status(defaultStatus).headers(headers);
    if (!"HEAD".equals(request.method())) {
      response.entity(Json.bytes(document(problem)));
    }
    return response.build();
  }

  Problem problemFor(Throwable failure) {
    return switch (failure) {
      case RapportException e -> fromEngine(e);
      case ProblemException e -> new Problem(e.status(), e.type(), e.getMessage(), e.details(), e.headers());
      case HttpException e when e.status().code() == 413 -> problemFor(RequestBody.tooLarge());
      case HttpException e when e.status().code() < 500 -> new Problem(e.status().code(),
          slugForStatus(e.status().code()), detailForStatus(e.status().code()), Map.of(), Map.of());
      // Nothing was applied and the same request may succeed later: say so, and when to retry.
      case StoreUnavailableException e -> new Problem(503, "store-unavailable",
          "the store cannot answer right now; nothing was changed, try again", Map.of(), Map.of("Retry-After", "1"));
      default -> new Problem(500, "internal-error", "the server failed to answer; the failure is logged",
          Map.of(), Map.of());
    };
  }

  private Problem fromEngine(RapportException e) {
    int status = switch (e) {
      case InvalidInputException x -> 400;
      case NotFoundException x -> 404;
      case ForbiddenException x -> 403;
      case RuleBrokenException x -> 409;
      case LimitReachedException x -> 429;
    };
    Map<String, String> headers = new LinkedHashMap<>();
    if (e.details().get("retryAt") instanceof Instant retryAt) {
      Duration wait = Duration.between(clock.instant(), retryAt);
      long seconds = wait.isNegative() ? 0 : wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
      headers.put("Retry-After", Long.toString(seconds));
    }
    return new Problem(status, e.type(), e.getMessage(), e.details(), headers);
  }

  static ObjectNode document(Problem problem) {
    ObjectNode doc = Json.object();
    doc.put("type", "/problems/" + problem.type());
    doc.put("title", title(problem.type()));
    doc.put("status", problem.status());
    doc.put("detail", problem.detail());
    problem.details().entrySet().stream()
        .filter(d -> !RESERVED.contains(d.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(d -> Representations.put(doc, d.getKey(), d.getValue()));
    return doc;
  }

  /** {@code weekly-invitation-limit} becomes {@code Weekly invitation limit}. */
  static String title(String slug) {
    String words = slug.replace('-', ' ');
    return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  static String slugForStatus(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "payload-too-large";
      case 414 -> "uri-too-long";
      case 415 -> "unsupported-media-type";
      case 431 -> "headers-too-large";
      case 505 -> "http-version-not-supported";
      default -> status >= 500 ? "internal-error" : "bad-request";
    };
  }

  private static String detailForStatus(int status) {
    return switch (status) {
      case 404 -> "there is nothing at this address";
      case 414 -> "the request's address is longer than the server accepts";
      case 431 -> "the request's headers are larger than the server accepts";
      case 505 -> "this HTTP version is not supported";
      default -> status >= 500 ? "the server failed to answer; the failure is logged"
          : "the request is malformed (request line, headers or framing)";
    };
  }
}
