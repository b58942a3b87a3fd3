package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.testing.ApiContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A small JSON client for the API under test: real HTTP on the loopback interface. Every exchange is
 * checked against the API contract (the OpenAPI document): request and response, or the response
 * only on a client made with {@link #responsesOnly()} for requests that break the contract on purpose.
 */
final class ApiClient {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI base;
  private final boolean checkRequests;

  ApiClient(int port) {
    this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build(),
        URI.create("http://127.0.0.1:" + port), true);
  }

  private ApiClient(HttpClient http, URI base, boolean checkRequests) {
    this.http = http;
    this.base = base;
    this.checkRequests = checkRequests;
  }

  /** The same client, checking only the responses: for requests that are meant to be refused. */
  ApiClient responsesOnly() {
    return new ApiClient(http, base, false);
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
      ApiContract.Exchange exchange = new ApiContract.Exchange(request.method(), target(request.uri()),
          request.headers().map(), checkRequests ? body(request) : Optional.empty(), response.statusCode(),
          response.headers().map(), response.body());
      if (checkRequests) {
        ApiContract.served().check(exchange);
      } else {
        ApiContract.served().checkResponse(exchange);
      }
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String target(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** The bytes a request's body publisher sends, read again for the contract's check. */
  private static Optional<String> body(HttpRequest request) {
    if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
      return Optional.empty();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CompletableFuture<String> done = new CompletableFuture<>();
    request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer buffer) {
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.writeBytes(chunk);
      }

      @Override
      public void onError(Throwable failure) {
        done.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        done.complete(bytes.toString(StandardCharsets.UTF_8));
      }
    });
    return Optional.of(done.join());
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String token) {
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }
}
