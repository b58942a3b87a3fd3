package dev.rapport.server;

import static dev.rapport.server.HttpAnswers.assertProblem;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NT1's groups over real HTTP on SQLite: "Ada and 3 others reacted to your post" as {@code actors},
 * {@code othersCount} and {@code ids}, pages that neither repeat nor skip a group while others
 * arrive, and a group marked read by its ids; bad ids are a problem and change nothing.
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
      assertThat(reacted.get("ids")).hasSize(5);
      assertThat(reacted.get("id").asText()).isEqualTo(reacted.get("ids").get(0).asText());
      assertThat(reacted.get("read").asBoolean()).isFalse();
      assertThat(second.get("next").isNull()).as("no gap, no repeat: the last page").isTrue();

      String ids = StreamSupport.stream(reacted.get("ids").spliterator(), false)
          .map(id -> "\"" + id.asText() + "\"").collect(Collectors.joining(","));
      ApiClient.Answer marked = api.post("/v1/me/notifications/read-ids", ownerToken, "{\"ids\":[" + ids + "]}");
      assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
      assertThat(marked.json().get("unread").asInt()).as("the follow is left").isEqualTo(1);
      JsonNode after = api.get("/v1/me/notifications", ownerToken).json();
      assertThat(StreamSupport.stream(after.get("items").spliterator(), false)
          .map(i -> i.get("kind").asText() + " " + i.get("read").asBoolean()).toList())
          .containsExactly("followed false", "reacted true");
    }
  }

  @Test
  void NT2_badIdsToMarkRead_areProblems_andChangeNothing() {
    try (TestServer server = TestServer.start(dataDir)) {
      ApiClient api = server.api;
      String owner = unique("own");
      String ownerToken = server.member(owner);
      assertThat(api.put("/v1/me/following/" + owner, server.member(unique("bob"))).status()).isEqualTo(200);
      // Requests outside the contract on purpose: only the answers are checked against it.
      ApiClient bad = api.responsesOnly();
      String tooMany = IntStream.rangeClosed(1, 1001).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));

      for (String body : List.of("{\"ids\":[]}", "{\"ids\":[\"x\"]}", "{\"ids\":[\"-1\"]}", "{\"ids\":[7]}",
          "{\"ids\":[\"99999999999999999999\"]}", "{\"ids\":[" + tooMany + "]}")) {
        assertProblem(bad.post("/v1/me/notifications/read-ids", ownerToken, body), 400, "invalid-field");
      }
      assertProblem(bad.post("/v1/me/notifications/read-ids", ownerToken, "{}"), 400, "missing-field");

      assertThat(api.get("/v1/me/notifications", ownerToken).json().get("unread").asInt()).isEqualTo(1);
    }
  }

  private static List<JsonNode> items(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).toList();
  }

  private static List<String> handles(JsonNode actors) {
    return StreamSupport.stream(actors.spliterator(), false).map(a -> a.get("handle").asText()).toList();
  }
}
