package dev.rapport.server;

import static dev.rapport.server.HttpAnswers.assertProblem;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NT1's groups over real HTTP on SQLite: "Ada and 3 others reacted to your post" as {@code actors},
 * {@code othersCount} and {@code latestId}, pages that neither repeat nor skip a group while others
 * arrive, and a group marked read by its id up to its latest shown; a bad id, another member's or a
 * missing one is a problem and changes nothing.
 */
class NotificationGroupsIT {
  @TempDir
  Path dataDir;

  @Test
  void NT1_reactionsToOnePost_areOneItem_pagedByTheirFirst_andMarkedReadTogether() {
    try (TestServer server = TestServer.start(dataDir)) {
      ApiClient api = server.api;
      String owner = unique("own");
      String ownerToken = server.member(owner);
      List<String> reactors = new ArrayList<>();
      String post = api.post("/v1/posts", ownerToken, "{\"text\":\"Shipped\"}").json().get("id").asText();
      for (String name : List.of("bob", "cyd", "dan", "ada")) {
        String handle = unique(name);
        reactors.add(handle);
        String token = server.member(handle);
        assertThat(api.withBody("PUT", "/v1/posts/" + post + "/reactions/me", token, "{\"kind\":\"like\"}").status())
            .isEqualTo(200);
      }
      String follower = server.member(unique("eve"));
      assertThat(api.put("/v1/me/following/" + owner, follower).status()).isEqualTo(200);

      JsonNode first = api.get("/v1/me/notifications?limit=1", ownerToken).json();
      assertThat(items(first)).hasSize(1);
      assertThat(first.get("items").get(0).get("kind").asText()).isEqualTo("followed");
      assertThat(first.get("unread").asInt()).isEqualTo(5);
      String lateComer = server.member(unique("fay"));
      api.withBody("PUT", "/v1/posts/" + post + "/reactions/me", lateComer, "{\"kind\":\"celebrate\"}");
      JsonNode second = api.get("/v1/me/notifications?limit=1&cursor=" + first.get("next").asText(), ownerToken)
          .json();

      JsonNode reacted = second.get("items").get(0);
      assertThat(reacted.get("kind").asText()).isEqualTo("reacted");
      assertThat(reacted.get("postId").asText()).isEqualTo(post);
      assertThat(reacted.get("othersCount").asInt()).as("Fay and Ada, and 3 others").isEqualTo(3);
      assertThat(handles(reacted.get("actors"))).hasSize(2).element(1).isEqualTo(reactors.getLast());
      assertThat(reacted.get("actor").get("handle").asText()).isEqualTo(handles(reacted.get("actors")).getFirst());
      assertThat(Long.parseLong(reacted.get("latestId").asText())).isGreaterThan(reacted.get("id").asLong());
      assertThat(reacted.get("read").asBoolean()).isFalse();
      assertThat(second.get("next").isNull()).as("no gap, no repeat: the last page").isTrue();

      String shown = "{\"id\":\"%s\",\"upTo\":\"%s\"}".formatted(reacted.get("id").asText(),
          reacted.get("latestId").asText());
      api.withBody("PUT", "/v1/posts/" + post + "/reactions/me", server.member(unique("gus")), "{\"kind\":\"like\"}");
      ApiClient.Answer marked = api.post("/v1/me/notifications/read-group", ownerToken, shown);
      assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
      assertThat(marked.json().get("unread").asInt()).as("the follow and Gus's reaction, after upTo").isEqualTo(2);
      JsonNode after = api.get("/v1/me/notifications", ownerToken).json();
      assertThat(StreamSupport.stream(after.get("items").spliterator(), false)
          .map(i -> i.get("kind").asText() + " " + i.get("othersCount").asInt() + " " + i.get("read").asBoolean())
          .toList()).containsExactly("followed 0 false", "reacted 4 false");
    }
  }

  @Test
  void NT2_aBadMissingUnknownOrAnotherMembersGroupId_isAProblem_andChangesNothing() {
    try (TestServer server = TestServer.start(dataDir)) {
      ApiClient api = server.api;
      String owner = unique("own");
      String ownerToken = server.member(owner);
      String bobToken = server.member(unique("bob"));
      assertThat(api.put("/v1/me/following/" + owner, bobToken).status()).isEqualTo(200);
      assertThat(api.put("/v1/me/following/" + owner, server.member(unique("cyd")))
          .status()).isEqualTo(200);
      String other = unique("oth");
      String otherToken = server.member(other);
      assertThat(api.put("/v1/me/following/" + other, bobToken).status()).isEqualTo(200);
      JsonNode owners = api.get("/v1/me/notifications", ownerToken).json().get("items").get(0);
      String id = owners.get("id").asText();
      String latest = owners.get("latestId").asText();
      String others = api.get("/v1/me/notifications", otherToken).json().get("items").get(0).get("id").asText();
      // Requests outside the contract on purpose: only the answers are checked against it.
      ApiClient bad = api.responsesOnly();
      String route = "/v1/me/notifications/read-group";

      for (String body : List.of("{\"id\":\"x\",\"upTo\":\"1\"}", "{\"id\":\"-1\",\"upTo\":\"1\"}",
          "{\"id\":7,\"upTo\":\"7\"}", "{\"id\":\"99999999999999999999\",\"upTo\":\"1\"}",
          "{\"id\":\"%s\",\"upTo\":\"-1\"}".formatted(id),
          "{\"id\":\"%s\",\"upTo\":\"%d\"}".formatted(latest, Long.parseLong(id) - 1))) {
        assertProblem(bad.post(route, ownerToken, body), 400, "invalid-field");
      }
      assertProblem(bad.post(route, ownerToken, "{\"upTo\":\"%s\"}".formatted(latest)), 400, "missing-field");
      assertProblem(bad.post(route, ownerToken, "{\"id\":\"%s\"}".formatted(id)), 400, "missing-field");
      assertProblem(bad.post(route, ownerToken, "{\"id\":\"12345\",\"upTo\":\"12345\"}"), 404,
          "notification-not-found");
      assertProblem(bad.post(route, ownerToken, "{\"id\":\"%s\",\"upTo\":\"%s\"}".formatted(others, others)),
          404, "notification-not-found");
      assertProblem(bad.post(route, otherToken, "{\"id\":\"%s\",\"upTo\":\"%s\"}".formatted(id, latest)), 404,
          "notification-not-found");

      assertThat(api.get("/v1/me/notifications", ownerToken).json().get("unread").asInt()).isEqualTo(2);
      assertThat(api.get("/v1/me/notifications", otherToken).json().get("unread").asInt()).isEqualTo(1);
    }
  }

  private static List<JsonNode> items(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).toList();
  }

  private static List<String> handles(JsonNode actors) {
    return StreamSupport.stream(actors.spliterator(), false).map(a -> a.get("handle").asText()).toList();
  }
}
