package dev.rapport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.rapport.testing.ApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON client for the service's HTTP API, as the tests use it. Every exchange is checked
 * against the API contract (the OpenAPI document). Thread safe.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final String base;

  Api(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A status and the parsed body ({@link MissingNode} when there is none). */
  record Response(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Sends one request.
   *
   * @throws IOException when the service does not answer (for example because it was killed)
   */
  Response send(String method, String path, String token, Object body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        // Refusals are problem documents: a client that takes JSON takes those too.
        .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    Optional<String> json = Optional.empty();
    if (body != null) {
      json = Optional.of(JSON.writeValueAsString(body));
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.get()));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpRequest sent = request.build();
      HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
      ApiContract.served().check(new ApiContract.Exchange(method, path, sent.headers().map(), json,
          response.statusCode(), response.headers().map(), response.body()));
      JsonNode answer = response.body().isBlank() ? MissingNode.getInstance() : parse(response.body());
      return new Response(response.statusCode(), answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Sends a request whose success the test relies on; anything but 2xx is an error. */
  JsonNode ok(String method, String path, String token, Object body) {
    try {
      Response response = send(method, path, token, body);
      if (!response.ok()) {
        throw new AssertionError("%s %s answered %d: %s".formatted(method, path, response.status(), response.body()));
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("%s %s failed".formatted(method, path), e);
    }
  }

  /** Every item of a paged list, following {@code next} cursors. */
  List<JsonNode> all(String path, String token) {
    List<JsonNode> items = new ArrayList<>();
    String separator = path.contains("?") ? "&" : "?";
    String cursor = null;
    do {
      String page = path + separator + "limit=100"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode body = ok("GET", page, token, null);
      body.path("items").forEach(items::add);
      JsonNode next = body.path("next");
      cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
    } while (cursor != null);
    return items;
  }

  /** Creates a member with the admin token and returns the member's token. */
  String createMember(String adminToken, String handle, String name) {
    JsonNode created = ok("POST", "/v1/members", adminToken, Map.of("handle", handle, "name", name));
    return created.path("token").asText();
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }
}
