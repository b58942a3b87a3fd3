package dev.rapport.server;

import static dev.rapport.server.HttpAnswers.assertProblem;
import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * X1 and X2 over real HTTP on SQLite, with the dev clock, every exchange checked against the API
 * contract: the analytics an outreach page charts (acceptance warm and cold, growth by week), the
 * prospects with their reasons, and the refusals of bad query values, which change nothing.
 */
class OutreachOverHttpIT {
  @TempDir
  Path dataDir;

  @Test
  void X1_X2_analyticsSplitWarmAndCold_growthByWeek_andProspectsWithTheirReasons() {
    try (TestServer server = TestServer.start(dataDir)) {
      ApiClient api = server.api;
      String ada = server.member(unique("ada"));
      String bob = unique("bob");
      String bobToken = server.member(bob);
      String cyd = unique("cyd");
      String cydToken = server.member(cyd);
      String dan = unique("dan");
      String danToken = server.member(dan);
      assertThat(api.put("/v1/me/following/" + bob, ada).status()).isEqualTo(200);
      assertThat(api.post("/v1/admin/clock", ADMIN, "{\"advance\":\"P7D\"}").status()).isEqualTo(200);
      accept(api, invite(api, ada, bob), bobToken); // warm: followed seven days before
      invite(api, ada, cyd); // cold
      String post = api.post("/v1/posts", cydToken, "{\"text\":\"Hello\",\"visibility\":\"anyone\"}").json()
          .path("id").asText();
      assertThat(api.put("/v1/me/following/" + dan, ada).status()).isEqualTo(200);
      String dansPost = api.post("/v1/posts", danToken, "{\"text\":\"Hi\",\"visibility\":\"anyone\"}").json()
          .path("id").asText();
      assertThat(api.withBody("PUT", "/v1/posts/" + dansPost + "/reactions/me", ada, "{\"kind\":\"like\"}").status())
          .isEqualTo(200);
      assertThat(api.post("/v1/posts/" + dansPost + "/comments", ada, "{\"text\":\"Well said\"}").status())
          .isEqualTo(201);
      assertThat(api.withBody("PUT", "/v1/posts/" + post + "/reactions/me", ada, "{\"kind\":\"like\"}").status())
          .isEqualTo(200); // cyd is invited already: not a prospect

      ApiClient.Answer answer = api.get("/v1/me/analytics?weeks=2", ada);

      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      JsonNode invitations = answer.json().get("invitations");
      assertThat(invitations.get("warm").get("accepted").asInt()).isEqualTo(1);
      assertThat(invitations.get("warm").get("acceptanceRate").asDouble()).isEqualTo(1.0);
      assertThat(invitations.get("cold").get("pending").asInt()).isEqualTo(1);
      assertThat(invitations.get("cold").get("acceptanceRate").asDouble()).isZero();
      assertThat(invitations.get("all").get("sent").asInt()).isEqualTo(2);
      assertThat(answer.json().get("growth")).hasSize(2);
      assertThat(answer.json().get("growth").get(1).get("connectionsGained").asInt()).isEqualTo(1);
      assertThat(api.get("/v1/me/analytics", bobToken).json().get("invitations").get("all").get("acceptanceRate")
          .isNull()).as("nothing sent: no rate").isTrue();
      assertThat(api.get("/v1/me/analytics", ada).json().get("growth")).hasSize(12);

      JsonNode prospects = api.get("/v1/me/prospects?limit=10", ada).json();
      assertThat(handles(prospects)).containsExactly(dan);
      JsonNode reason = prospects.get("items").get(0).get("reason");
      assertThat(reason.get("reactions").asInt()).isEqualTo(1);
      assertThat(reason.get("comments").asInt()).isEqualTo(1);
      assertThat(prospects.get("items").get(0).get("engagement").asInt()).isEqualTo(2);
    }
  }

  @Test
  void X1_X2_badQueryValues_getAProblem_andChangeNothing() {
    try (TestServer server = TestServer.start(dataDir)) {
      ApiClient api = server.api;
      String ada = server.member(unique("ada"));
      String bob = unique("bob");
      server.member(bob);
      invite(api, ada, bob);
      JsonNode before = withoutTime(api.get("/v1/me/analytics", ada).json());
      ApiClient refused = api.responsesOnly();

      for (String weeks : List.of("0", "105", "-1", "1.5", "twelve", "99999999999")) {
        ApiClient.Answer answer = refused.get("/v1/me/analytics?weeks=" + weeks, ada);
        assertProblem(answer, 400, "invalid-period");
        assertThat(answer.json().get("parameter").asText()).isEqualTo("weeks");
      }
      assertProblem(refused.get("/v1/me/analytics?week=2", ada), 400, "unknown-parameter");
      assertProblem(refused.get("/v1/me/prospects?limit=0", ada), 400, "invalid-page");
      assertProblem(refused.get("/v1/me/prospects?limit=201", ada), 400, "invalid-page");
      assertProblem(refused.get("/v1/me/prospects?cursor=bm90LWEtY3Vyc29y", ada), 400, "invalid-cursor");
      assertProblem(refused.get("/v1/me/prospects?weeks=2", ada), 400, "unknown-parameter");
      assertProblem(refused.get("/v1/me/analytics", "not-a-token"), 401, "unauthenticated");
      assertProblem(refused.get("/v1/me/prospects", ADMIN), 403, "member-only");

      assertThat(withoutTime(api.get("/v1/me/analytics", ada).json())).as("nothing changed").isEqualTo(before);
      assertThat(api.get("/v1/me/invitations?box=sent", ada).json().get("items")).hasSize(1);
    }
  }

  /** The analytics but the instant they were counted at, which the dev clock moves with real time. */
  private static JsonNode withoutTime(JsonNode analytics) {
    ((ObjectNode) analytics).remove("to");
    return analytics;
  }

  private static String invite(ApiClient api, String token, String to) {
    ApiClient.Answer sent = api.post("/v1/invitations", token, "{\"to\":\"%s\"}".formatted(to));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.json().path("invitation").path("id").asText();
  }

  private static void accept(ApiClient api, String invitation, String token) {
    assertThat(api.post("/v1/invitations/" + invitation + "/accept", token).status()).isEqualTo(200);
  }

  private static List<String> handles(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("handle").asText()).toList();
  }
}
