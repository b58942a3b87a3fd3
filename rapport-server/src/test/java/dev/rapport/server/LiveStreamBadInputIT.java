package dev.rapport.server;

import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the live stream and the notification settings (NT2, acceptance 5 of issue 18): a
 * forged {@code Last-Event-ID} or an unknown kind gets a clear problem and changes nothing.
 */
class LiveStreamBadInputIT {
  @TempDir
  Path dataDir;

  private static ApiClient.Answer events(TestServer server, String token, String lastEventId) {
    return server.api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port()
            + "/v1/me/events")).header("Authorization", "Bearer " + token).header("Last-Event-ID", lastEventId)
        .GET().build());
  }

  @Test
  void NT2_aForgedLastEventId_isAClearProblem_andOpensOrChangesNothing() {
    try (TestServer server = TestServer.start(dataDir)) {
      String ada = unique("ada");
      String token = server.member(ada);
      server.api.put("/v1/me/following/" + ada, server.member(unique("bob")));
      long position = server.server.store().lastPosition();
      String past = Long.toString(position + 1_000);

      for (String forged : new String[] {"abc", "-1", "1e3", "12 ", "99999999999999999999", past}) {
        ApiClient.Answer answer = events(server, token, forged);
        assertThat(answer.status()).as(forged).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("type").asText()).endsWith("/invalid-last-event-id");
        assertThat(answer.json().get("detail").asText()).as(forged).contains("Last-Event-ID");
      }

      assertThat(server.server.store().lastPosition()).isEqualTo(position);
      assertThat(server.server.rapport().live().openStreams()).isZero();
      assertThat(server.api.get("/v1/me/notifications", token).json().get("unread").asInt()).isEqualTo(1);
    }
  }

  @Test
  void NT2_anUnknownKindToMute_isAClearProblem_andChangesNothing() {
    try (TestServer server = TestServer.start(dataDir)) {
      String token = server.member(unique("ada"));
      server.api.withBody("PUT", "/v1/me/notification-settings", token, "{\"muted\":[\"reacted\"]}");
      long position = server.server.store().lastPosition();

      ApiClient.Answer unknown = server.api.withBody("PUT", "/v1/me/notification-settings", token,
          "{\"muted\":[\"commented\",\"gossip\"]}");
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.json().get("type").asText()).endsWith("/invalid-notification-kind");
      assertThat(unknown.json().get("kind").asText()).isEqualTo("gossip");
      ApiClient.Answer notAList = server.api.responsesOnly().withBody("PUT", "/v1/me/notification-settings", token,
          "{\"muted\":\"reacted\"}");
      assertThat(notAList.status()).isEqualTo(400);
      assertThat(notAList.json().get("type").asText()).endsWith("/invalid-field");

      assertThat(server.server.store().lastPosition()).isEqualTo(position);
      assertThat(server.api.get("/v1/me/notification-settings", token).json().get("muted").get(0).asText())
          .isEqualTo("reacted");
    }
  }
}
