package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Policy;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} after a scripted workload over real HTTP: the exposition parses strictly,
 * and each request series counts exactly the requests the test sent, by route template, method
 * and status; the store's durable commits and the graph index are there as well.
 */
class MetricsIT {
  private static final String SERIES = "http_server_request_duration_seconds";

  @TempDir
  Path dataDir;

  /** The requests sent, by method, route template and status, as the client saw them answered. */
  private final Map<List<String>, Integer> sent = new LinkedHashMap<>();

  @Test
  void requestCounters_equalTheRequestsSent_byRouteTemplateMethodAndStatus() {
    try (TestServer server = TestServer.start(dataDir, false, Policy.defaults())) {
      ApiClient api = server.api;
      String ada = unique("ada");
      String bob = unique("bob");
      String adaToken = createMember(api, ada).json().get("token").asText();
      String bobToken = createMember(api, bob).json().get("token").asText();
      assertThat(createMember(api, ada).status()).isEqualTo(409);
      for (int i = 0; i < 4; i++) {
        count(api.get("/v1/members/" + bob, adaToken), "GET", "/v1/members/{h}");
      }
      count(api.get("/v1/members/nobody-here", adaToken), "GET", "/v1/members/{h}");
      count(api.responsesOnly().get("/v1/me", null), "GET", "/v1/me");
      count(api.put("/v1/me/following/" + bob, adaToken), "PUT", "/v1/me/following/{h}");
      count(api.put("/v1/me/following/" + ada, bobToken), "PUT", "/v1/me/following/{h}");
      ApiClient.Answer invited = api.post("/v1/invitations", adaToken, "{\"to\":\"%s\"}".formatted(bob));
      count(invited, "POST", "/v1/invitations");
      String invitation = invited.json().get("invitation").get("id").asText();
      count(api.post("/v1/invitations/" + invitation + "/accept", bobToken), "POST", "/v1/invitations/{id}/accept");
      count(api.post("/v1/members/" + bob + "/tokens", ADMIN), "POST", "/v1/members/{h}/tokens");
      count(api.get("/health", null), "GET", "/health");
      count(api.send(api.request("/health").HEAD().build()), "HEAD", "/health");
      count(api.responsesOnly().get("/no/such/route", null), "GET", "unmatched");
      count(api.responsesOnly().delete("/health", null), "DELETE", "unmatched");

      ApiClient.Answer scrape = api.get("/metrics", null);
      assertThat(scrape.status()).isEqualTo(200);
      assertThat(scrape.contentType()).startsWith("text/plain; version=0.0.4");
      Map<String, PrometheusText.Family> families = PrometheusText.parse(scrape.body());

      Map<List<String>, Integer> counted = families.get(SERIES).samples().stream()
          .filter(s -> s.name().equals(SERIES + "_count"))
          .collect(Collectors.toMap(
              s -> List.of(s.labels().get("method"), s.labels().get("route"), s.labels().get("status")),
              s -> (int) s.value()));
      assertThat(counted).isEqualTo(sent);
      assertThat(sent.keySet()).contains(List.of("GET", "/v1/members/{h}", "200"), List.of("GET", "/v1/members/{h}", "404"),
          List.of("GET", "/v1/me", "401"), List.of("POST", "/v1/members", "409"));
      assertThat(scrape.body()).doesNotContain(ada, bob, adaToken, bobToken, ADMIN);

      // A durable request per member created (the refused duplicate writes nothing), follow,
      // invitation, acceptance and token: 7, in as many commits or fewer.
      assertThat(value(families, "rapport_store_commit_batch_requests_sum", Map.of("store", "sqlite"))).isEqualTo(7);
      assertThat(value(families, "rapport_store_commits_total", Map.of("store", "sqlite"))).isBetween(1.0, 7.0);
      assertThat(value(families, "rapport_store_flush_duration_seconds_count", Map.of("store", "sqlite"))).isPositive();
      assertThat(value(families, "rapport_index_loaded", Map.of())).isEqualTo(1);
      assertThat(value(families, "rapport_index_connections", Map.of())).isEqualTo(1);
      assertThat(value(families, "rapport_index_members", Map.of())).isEqualTo(2);
      assertThat(value(families, "rapport_index_events_behind", Map.of())).isZero();
      assertThat(value(families, "http_server_open_connections", Map.of())).isGreaterThanOrEqualTo(1);
      assertThat(value(families, "rapport_build_info", Map.of("version", RapportServer.version()))).isEqualTo(1);
      assertThat(families).containsKeys("jvm_memory_used_bytes", "jvm_threads_current", "process_cpu_seconds_total",
          "process_start_time_seconds", "rapport_index_compactions_total", "rapport_index_overlay_members");
    }
  }

  @Test
  void openConnections_countEachConnectionWhileItIsOpen() throws Exception {
    try (TestServer server = TestServer.start(dataDir, false, Policy.defaults())) {
      double before = openConnections(server.api);
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server.port());
          sockets.add(socket);
          socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
          // The status line is back: the server handles this connection, and keeps it open.
          assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        }
        assertThat(openConnections(server.api)).isEqualTo(before + 3);
      } finally {
        for (Socket socket : sockets) {
          socket.close();
        }
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (openConnections(server.api) > before && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(openConnections(server.api)).isEqualTo(before);
    }
  }

  private static double openConnections(ApiClient api) {
    return value(PrometheusText.parse(api.get("/metrics", null).body()), "http_server_open_connections", Map.of());
  }

  private ApiClient.Answer createMember(ApiClient api, String handle) {
    ApiClient.Answer answer = api.post("/v1/members", ADMIN, "{\"handle\":\"%s\",\"name\":\"%s\"}".formatted(handle, handle));
    return count(answer, "POST", "/v1/members");
  }

  private ApiClient.Answer count(ApiClient.Answer answer, String method, String route) {
    sent.merge(List.of(method, route, Integer.toString(answer.status())), 1, Integer::sum);
    return answer;
  }

  private static double value(Map<String, PrometheusText.Family> families, String name, Map<String, String> labels) {
    return PrometheusText.value(families, name, labels)
        .orElseThrow(() -> new AssertionError("no sample " + name + labels));
  }
}
