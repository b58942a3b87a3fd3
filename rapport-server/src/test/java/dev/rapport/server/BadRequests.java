package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Requests built to be refused, and the JSON bodies they are broken from, for the bad-input tests. */
final class BadRequests {
  /** A request that must be refused, and how ({@code type} null: any problem type). */
  record Case(String name, HttpRequest request, int status, String type) {}

  private final ApiClient api;

  BadRequests(ApiClient api) {
    this.api = api;
  }

  HttpRequest.Builder builder(String path) {
    return api.request(path);
  }

  HttpRequest.Builder auth(HttpRequest.Builder builder, String token) {
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  HttpRequest request(String method, String path, String token, Optional<String> json) {
    HttpRequest.Builder builder = auth(builder(path), token);
    json.ifPresent(j -> builder.header("Content-Type", "application/json"));
    return withBody(builder, method, json);
  }

  HttpRequest withBody(HttpRequest.Builder builder, String method, Optional<String> body) {
    return builder.method(method, body.map(BodyPublishers::ofString).orElse(BodyPublishers.noBody())).build();
  }

  Case json(String name, String method, String path, String token, String body, int status,
      String type) {
    return json(name, method, path, token, BodyPublishers.ofString(body), status, type);
  }

  Case json(String name, String method, String path, String token, BodyPublisher body, int status,
      String type) {
    HttpRequest request = auth(builder(path), token).header("Content-Type", "application/json")
        .method(method, body).build();
    return new Case(name, request, status, type);
  }

  Case post(String name, String path, String token, String body, int status, String type) {
    return new Case(name, request("POST", path, token, Optional.of(body)), status, type);
  }

  static BodyPublisher chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
  }

  /** The body with one more field, so that it is exactly {@code size} bytes or more. */
  static String padded(String body, int size) {
    return withField(body, "padding", "\"" + "x".repeat(size) + "\"");
  }

  static String withField(String body, String name, String rawValue) {
    return set(body, name, rawValue);
  }

  /** The body with the field at a dotted path set to a raw JSON value. */
  static String set(String body, String path, String rawValue) {
    ObjectNode root = parse(body);
    String[] parts = path.split("\\.");
    ObjectNode parent = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = parent.get(parts[i]);
      parent = child instanceof ObjectNode object ? object : parent.putObject(parts[i]);
    }
    parent.set(parts[parts.length - 1], parseValue(rawValue));
    return root.toString();
  }

  static String remove(String body, String path) {
    ObjectNode root = parse(body);
    root.remove(path);
    return root.toString();
  }

  private static ObjectNode parse(String body) {
    return (ObjectNode) parseValue(body);
  }

  private static JsonNode parseValue(String raw) {
    try {
      return ApiClient.MAPPER.readTree(raw);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(raw, e);
    }
  }
}
