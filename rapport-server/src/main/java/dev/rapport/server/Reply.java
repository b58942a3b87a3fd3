package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A successful answer: status, JSON body or a page for people (neither for 204) and extra headers.
 */
record Reply(int status, Optional<JsonNode> body, Optional<String> html, Map<String, String> headers) {
  Reply {
    if (body.isPresent() && html.isPresent()) {
      throw new IllegalArgumentException("a reply is JSON or a page, not both");
    }
    headers = Map.copyOf(headers);
  }

  private Reply(int status, Optional<JsonNode> body, Map<String, String> headers) {
    this(status, body, Optional.empty(), headers);
  }

  /** A page for a person to read, such as the one a problem type names. */
  static Reply page(String html) {
    return new Reply(200, Optional.empty(), Optional.of(html), Map.of());
  }

  static Reply ok(JsonNode body) {
    return new Reply(200, Optional.of(body), Map.of());
  }

  static Reply created(JsonNode body) {
    return new Reply(201, Optional.of(body), Map.of());
  }

  static Reply created(JsonNode body, String location) {
    return new Reply(201, Optional.of(body), Map.of("Location", location));
  }

  static Reply noContent() {
    return new Reply(204, Optional.empty(), Map.of());
  }
}
