package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A successful answer: status, JSON body (none for 204) and extra headers.
 */
record Reply(int status, Optional<JsonNode> body, Map<String, String> headers) {
  Reply {
    headers = Map.copyOf(headers);
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
