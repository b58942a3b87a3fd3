package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.sql.SqliteStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health/ready} is 503 until the graph index is loaded, and 200 after, while {@code
 * /health} and {@code /metrics} answer all along: the test holds the index's load back on an
 * executor of its own and lets it run when it has seen the server not ready.
 */
class ReadinessIT {
  @TempDir
  Path dataDir;

  @Test
  void ready_is503UntilTheGraphIndexIsLoaded_then200() {
    ConcurrentLinkedQueue<Runnable> held = new ConcurrentLinkedQueue<>();
    Executor holding = held::add;
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(ADMIN);
    try (RapportServer server = RapportServer.start(config, SqliteStore.open(dataDir.resolve("rapport.db")),
        new ServerMetrics(RapportServer.version()), holding)) {
      ApiClient api = new ApiClient(server.port());
      try {
        assertNotReadyThenReady(api, held);
      } finally {
        held.forEach(Runnable::run); // a failed assertion must not leave the load held
      }
    }
  }

  private static void assertNotReadyThenReady(ApiClient api, ConcurrentLinkedQueue<Runnable> held) {
    ApiClient.Answer notReady = api.get("/health/ready", null);
    assertThat(notReady.status()).isEqualTo(503);
    assertThat(notReady.contentType()).startsWith(Problems.CONTENT_TYPE);
    assertThat(notReady.json().get("type").asText()).isEqualTo("/problems/not-ready");
    assertThat(notReady.json().get("indexLoaded").asBoolean()).isFalse();
    assertThat(notReady.json().get("storeAnswers").asBoolean()).isTrue();
    assertThat(notReady.header("Retry-After")).contains("1");
    ApiClient.Answer live = api.get("/health", null);
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json().get("version").asText()).isEqualTo(RapportServer.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(PrometheusText.value(PrometheusText.parse(api.get("/metrics", null).body()), "rapport_index_loaded",
        Map.of())).contains(0.0);

    assertThat(held).hasSize(1);
    held.poll().run();

    ApiClient.Answer ready = api.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("ready");
    assertThat(ready.json().get("version").asText()).isEqualTo(RapportServer.version());
    assertThat(PrometheusText.value(PrometheusText.parse(api.get("/metrics", null).body()), "rapport_index_loaded",
        Map.of())).contains(1.0);
  }
}
