package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful answer: status, a JSON body or other content (neither for 204) and extra headers.
 */
record Reply(int status, Optional<JsonNode> body, Optional<Content> content, Map<String, String> headers,
    Optional<Stream> stream) {
  Reply {
    if (body.isPresent() && content.isPresent()) {
      throw new IllegalArgumentException("a reply is JSON or other content, not both");
    }
    headers = Map.copyOf(headers);
  }

  Reply(int status, Optional<JsonNode> body, Optional<Content> content, Map<String, String> headers) {
    this(status, body, content, headers, Optional.empty());
  }

  /**
   * A body written as it happens, for as long as it lasts (a live stream): the route decided
   * everything that could fail with a problem before it answers with one. Closed when the answer
   * ends, written or not.
   */
  interface Stream extends AutoCloseable {
    /** Its media type. */
    String type();

    /** Writes until the stream ends or the client goes (an {@link IOException}). */
    void writeTo(OutputStream out) throws IOException;

    @Override
    void close();
  }

  /** 200 with a body written as it happens. */
  static Reply stream(Stream stream) {
    return new Reply(200, Optional.empty(), Optional.empty(), Map.of("Cache-Control", "no-store"),
        Optional.of(stream));
  }

  /** A body that is not a JSON tree: a page for people, a document, a script. */
  record Content(String type, byte[] bytes) {
    Content {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  private Reply(int status, Optional<JsonNode> body, Map<String, String> headers) {
    this(status, body, Optional.empty(), headers);
  }

  /** A page for a person to read, such as the one a problem type names. */
  static Reply page(String html) {
    return content("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  /** 200 with these bytes of this media type. */
  static Reply content(String type, byte[] bytes) {
    return new Reply(200, Optional.empty(), Optional.of(new Content(type, bytes)), Map.of());
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

  static Reply created(JsonNode body, Map<String, String> headers) {
    return new Reply(201, Optional.of(body), headers);
  }

  static Reply noContent() {
    return new Reply(204, Optional.empty(), Map.of());
  }

  static Reply noContent(Map<String, String> headers) {
    return new Reply(204, Optional.empty(), headers);
  }

  /** This reply with these headers too. */
  Reply withHeaders(Map<String, String> more) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.putAll(more);
    return new Reply(status, body, content, all, stream);
  }
}
