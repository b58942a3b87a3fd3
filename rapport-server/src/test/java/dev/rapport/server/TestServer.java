package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.kernel.Policy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on an ephemeral port with a fresh SQLite store in a temporary directory, and a client
 * for it, with shortcuts for what most tests do first: create members.
 */
final class TestServer implements AutoCloseable {
  static final String ADMIN = "test-admin-token-0123456789";
  private static final AtomicInteger HANDLES = new AtomicInteger();

  final RapportServer server;
  final ApiClient api;

  private TestServer(RapportServer server) {
    this.server = server;
    this.api = new ApiClient(server.port());
  }

  static TestServer start(Path dataDir, boolean devClock, Policy policy) {
    ServerConfig config = ServerConfig.defaults()
        .withPort(0)
        .withDataDir(dataDir)
        .withAdminToken(ADMIN)
        .withDevClock(devClock)
        .withPolicy(policy);
    return new TestServer(RapportServer.start(config));
  }

  /** A server on this configuration, its rate limits' buckets on the given clock. */
  static TestServer start(ServerConfig config, io.github.bucket4j.TimeMeter budgetClock) {
    return new TestServer(RapportServer.start(config, budgetClock));
  }

  static TestServer start(Path dataDir) {
    return start(dataDir, true, Policy.defaults());
  }

  /** A handle no other test uses, e.g. {@code alice-17}. */
  static String unique(String base) {
    return base + "-" + HANDLES.incrementAndGet();
  }

  /** Creates a person with this handle and returns their token. */
  String member(String handle) {
    return member(handle, "basic");
  }

  String member(String handle, String tier) {
    ObjectNode body = ApiClient.MAPPER.createObjectNode();
    body.put("handle", handle);
    body.put("name", "Name of " + handle);
    body.put("headline", "Headline of " + handle);
    body.put("email", handle + "@example.com");
    body.put("tier", tier);
    return created(api.post("/v1/members", ADMIN, body.toString())).get("token").asText();
  }

  /** Creates a company page with this handle and returns its token. */
  String company(String handle) {
    String body = "{\"handle\":\"%s\",\"name\":\"Company %s\",\"kind\":\"company\"}".formatted(handle, handle);
    return created(api.post("/v1/members", ADMIN, body)).get("token").asText();
  }

  private static JsonNode created(ApiClient.Answer answer) {
    if (answer.status() != 201) {
      throw new IllegalStateException("creating a member failed: " + answer);
    }
    return answer.json();
  }

  @Override
  public void close() {
    server.close();
  }
}
