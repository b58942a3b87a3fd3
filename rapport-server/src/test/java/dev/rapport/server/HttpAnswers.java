package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;

/** What the HTTP tests read from answers, and the one step they all take: connecting two members. */
final class HttpAnswers {
  private HttpAnswers() {}

  static void connect(ApiClient api, String aToken, String bToken, String b) {
    String id = api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)).json()
        .get("invitation").get("id").asText();
    assertThat(api.post("/v1/invitations/" + id + "/accept", bToken).status()).isEqualTo(200);
  }

  static void assertProblem(ApiClient.Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.get("type").asText()).isEqualTo("/problems/" + type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  static List<String> kinds(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("kind").asText()).toList();
  }

  static List<String> handles(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("handle").asText()).toList();
  }

  static String relationship(JsonNode profile) {
    JsonNode r = profile.get("relationship");
    return "following=%s followedBy=%s connected=%s invitation=%s".formatted(r.get("following").asBoolean(),
        r.get("followedBy").asBoolean(), r.get("connected").asBoolean(),
        r.get("invitation").isNull() ? "null" : r.get("invitation").toString());
  }

  static String actions(JsonNode profile) {
    JsonNode actions = profile.get("actions");
    List<String> more = StreamSupport.stream(actions.get("more").spliterator(), false).map(JsonNode::asText).toList();
    return actions.get("primary").asText() + " " + more.toString();
  }
}
