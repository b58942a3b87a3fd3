package dev.rapport.server;

import static dev.rapport.server.HttpAnswers.assertProblem;
import static dev.rapport.server.TestServer.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on PostgreSQL (embedded), configured by URL as in production: the main flow and a few refusals. */
class PostgresServerIT {
  @TempDir
  Path dataDir;

  @Test
  void theApiRunsOnPostgres() {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(ADMIN)
        .withPostgres(TestDatabases.freshPostgresUrl());
    try (RapportServer server = RapportServer.start(config)) {
      ApiClient api = new ApiClient(server.port());
      assertThat(api.get("/health", null).json().get("store").asText()).isEqualTo("postgres");
      String ann = api.post("/v1/members", ADMIN, "{\"handle\":\"ann\",\"name\":\"Ann\"}").json().get("token").asText();
      String ben = api.post("/v1/members", ADMIN, "{\"handle\":\"ben\",\"name\":\"Ben\"}").json().get("token").asText();

      ApiClient.Answer sent = api.post("/v1/invitations", ann, "{\"to\":\"ben\",\"note\":\"Hi Ben\"}");
      assertThat(sent.status()).isEqualTo(201);
      String id = sent.json().get("invitation").get("id").asText();
      assertThat(api.get("/v1/me/invitations", ben).json().get("items").get(0)).isEqualTo(sent.json().get("invitation"));
      assertThat(api.post("/v1/invitations/" + id + "/accept", ben).json().get("connected").asBoolean()).isTrue();
      assertThat(api.get("/v1/members/ben", ann).json().get("actions").get("primary").asText()).isEqualTo("message");
      assertThat(api.get("/v1/members/ann/connections?limit=1", ben).json().get("items").get(0).get("handle").asText())
          .isEqualTo("ben");

      assertProblem(api.get("/v1/members/nobody-here", ann), 404, "member-not-found");
      assertProblem(api.responsesOnly().post("/v1/invitations", ann, "{\"to\":"), 400, "malformed-json");
      assertProblem(api.get("/v1/members/ann/followers?cursor=garbage", ann), 400, "invalid-cursor");
      assertProblem(api.post("/v1/invitations/" + id + "/withdraw", ben), 404, "invitation-not-found");

      // Two members, an invitation and its acceptance: four commits, each its own on PostgreSQL.
      var metrics = PrometheusText.parse(api.get("/metrics", null).body());
      assertThat(PrometheusText.value(metrics, "rapport_store_commits_total", Map.of("store", "postgres"))).contains(4.0);
      assertThat(PrometheusText.value(metrics, "rapport_store_commit_duration_seconds_count", Map.of("store", "postgres")))
          .contains(4.0);
      assertThat(PrometheusText.value(metrics, "rapport_index_connections", Map.of())).contains(1.0);
    }
  }
}
