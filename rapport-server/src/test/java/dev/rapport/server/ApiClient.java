package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small JSON client for the API under test: real HTTP on the loopback interface. */
final class ApiClient {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private final URI base;

  ApiClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** The answer to a request. */
  record Answer(int status, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + response.body(), e);
      }
    }

    String contentType() {
      return header("Content-Type").orElse("");
    }

    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    String body() {
      return response.body();
    }

    @Override
    public String toString() {
      return status + " " + response.body();
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
  }

  Answer get(String path, String token) {
    return send(authorized(request(path), token).GET().build());
  }

  Answer delete(String path, String token) {
    return send(authorized(request(path), token).DELETE().build());
  }

  Answer put(String path, String token) {
    return send(authorized(request(path), token).PUT(HttpRequest.BodyPublishers.noBody()).build());
  }

  Answer post(String path, String token) {
    return send(authorized(request(path), token).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  Answer post(String path, String token, String json) {
    return withBody("POST", path, token, json);
  }

  Answer patch(String path, String token, String json) {
    return withBody("PATCH", path, token, json);
  }

  Answer withBody(String method, String path, String token, String json) {
    return send(authorized(request(path), token)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String token) {
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }
}
