package dev.rapport.server;

import java.util.Map;

/**
 * A problem found at the HTTP edge, before or around the engine: authentication, the request's
 * shape, content type, size, routing. The engine's own refusals are {@link dev.rapport.problem.RapportException}s;
 * {@link Problems} turns both into RFC 9457 documents.
 */
final class ProblemException extends RuntimeException {
  private final int status;
  private final String type;
  private final Map<String, Object> details;
  private final Map<String, String> headers;

  ProblemException(int status, String type, String detail) {
    this(status, type, detail, Map.of(), Map.of());
  }

  ProblemException(int status, String type, String detail, Map<String, Object> details, Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.details = Map.copyOf(details);
    this.headers = Map.copyOf(headers);
  }

  /** 400: a field of the JSON body is missing, of the wrong type, unknown or out of range. */
  static ProblemException field(String type, String field, String detail) {
    return new ProblemException(400, type, detail, Map.of("field", field), Map.of());
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  /** Extra members of the problem document. */
  Map<String, Object> details() {
    return details;
  }

  /** Extra response headers, e.g. {@code WWW-Authenticate}. */
  Map<String, String> headers() {
    return headers;
  }
}
