package dev.rapport.server;

import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posts, reactions, comments and the feed (P2, P3, P4, B2) over real HTTP on SQLite, every exchange checked against the contract. */
class PostsOverHttpIT {
  @TempDir
  static Path dataDir;

  private static TestServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.api;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void connect(String aToken, String a, String bToken, String b) {
    String id = api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)).json().path("invitation")
        .path("id").asText();
    assertThat(api.post("/v1/invitations/" + id + "/accept", bToken).status()).isEqualTo(200);
  }

  private static String post(String token, String text, String visibility) {
    ApiClient.Answer made = api.post("/v1/posts", token, "{\"text\":\"%s\",\"visibility\":\"%s\"}".formatted(text,
        visibility));
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    String id = made.json().path("id").asText();
    assertThat(made.header("Location")).contains("/v1/posts/" + id);
    return id;
  }

  private static List<String> ids(JsonNode page, String path) {
    return StreamSupport.stream(page.path("items").spliterator(), false)
        .map(i -> path.isEmpty() ? i.path("id").asText() : i.path(path).path("id").asText()).toList();
  }

  @Test
  void P2_P4_aPost_isWrittenReactedToCommentedEditedAndDeleted() {
    String ada = unique("ada");
    String adaToken = server.member(ada);
    String bobToken = server.member(unique("bob"));
    String id = post(adaToken, "Shipped the feed", "anyone");

    JsonNode reacted = api.withBody("PUT", "/v1/posts/" + id + "/reactions/me", bobToken, "{\"kind\":\"like\"}").json();
    assertThat(reacted.path("myReaction").asText()).isEqualTo("like");
    JsonNode changed = api.withBody("PUT", "/v1/posts/" + id + "/reactions/me", bobToken, "{\"kind\":\"celebrate\"}").json();
    assertThat(changed.path("counts").path("reactions").path("like").asInt()).isZero();
    assertThat(changed.path("counts").path("reactions").path("celebrate").asInt()).isEqualTo(1);
    assertThat(changed.path("counts").path("reactionTotal").asInt()).isEqualTo(1);
    assertThat(changed.path("mine").asBoolean()).isFalse();
    JsonNode listed = api.get("/v1/posts/" + id + "/reactions?kind=celebrate", adaToken).json();
    assertThat(listed.path("items").get(0).path("kind").asText()).isEqualTo("celebrate");

    ApiClient.Answer comment = api.post("/v1/posts/" + id + "/comments", bobToken, "{\"text\":\"Congratulations\"}");
    assertThat(comment.status()).isEqualTo(201);
    assertThat(comment.json().path("mine").asBoolean()).isTrue();
    JsonNode comments = api.get("/v1/posts/" + id + "/comments", adaToken).json();
    assertThat(comments.path("items").get(0).path("mine").asBoolean()).as("the post's author may delete it").isTrue();
    assertThat(api.get("/v1/posts/" + id, adaToken).json().path("counts").path("comments").asInt()).isEqualTo(1);
    assertThat(api.delete("/v1/posts/" + id + "/comments/" + comment.json().path("id").asText(), adaToken).status())
        .isEqualTo(204);

    JsonNode edited = api.patch("/v1/posts/" + id, adaToken, "{\"text\":\"Shipped the feed, with top\"}").json();
    assertThat(edited.path("editedAt").isTextual()).isTrue();
    assertThat(edited.path("mine").asBoolean()).isTrue();
    assertThat(edited.path("counts").path("comments").asInt()).isZero();
    assertThat(api.delete("/v1/posts/" + id + "/reactions/me", bobToken).json().path("myReaction").isNull()).isTrue();
    assertThat(ids(api.get("/v1/members/" + ada + "/posts", bobToken).json(), "")).containsExactly(id);
    assertThat(api.delete("/v1/posts/" + id, adaToken).status()).isEqualTo(204);
    assertThat(api.get("/v1/posts/" + id, adaToken).json().path("type").asText()).isEqualTo("/problems/post-not-found");
    assertThat(api.get("/v1/posts/" + id + "/comments", bobToken).status()).isEqualTo(404);
  }

  @Test
  void P2_B2_whoSeesAPost_overHttp() {
    String author = unique("author");
    String authorToken = server.member(author);
    String connection = unique("connection");
    String connectionToken = server.member(connection);
    String followerToken = server.member(unique("follower"));
    String strangerToken = server.member(unique("stranger"));
    String blocked = unique("blocked");
    String blockedToken = server.member(blocked);
    connect(authorToken, author, connectionToken, connection);
    api.put("/v1/me/following/" + author, followerToken);
    api.put("/v1/me/following/" + author, blockedToken);
    String open = post(authorToken, "For anyone", "anyone");
    String closed = post(authorToken, "For connections", "connections");
    api.withBody("PUT", "/v1/posts/" + open + "/reactions/me", blockedToken, "{\"kind\":\"funny\"}");
    api.post("/v1/posts/" + open + "/comments", blockedToken, "{\"text\":\"Ha\"}");
    assertThat(api.put("/v1/me/blocks/" + blocked, authorToken).status()).isEqualTo(200);

    record Viewer(String name, String token, boolean open, boolean closed, boolean inFeed) {}
    SoftAssertions softly = new SoftAssertions();
    for (Viewer v : List.of(new Viewer("author", authorToken, true, true, true),
        new Viewer("connection", connectionToken, true, true, true),
        new Viewer("follower", followerToken, true, false, true),
        new Viewer("stranger", strangerToken, true, false, false),
        new Viewer("blocked", blockedToken, false, false, false))) {
      softly.assertThat(api.get("/v1/posts/" + open, v.token()).status()).as(v.name() + " open").isEqualTo(v.open() ? 200 : 404);
      softly.assertThat(api.get("/v1/posts/" + closed, v.token()).status()).as(v.name() + " closed")
          .isEqualTo(v.closed() ? 200 : 404);
      softly.assertThat(api.get("/v1/posts/" + closed + "/comments", v.token()).status()).as(v.name() + " comments")
          .isEqualTo(v.closed() ? 200 : 404);
      for (String order : List.of("recent", "top")) {
        List<String> feed = ids(api.get("/v1/me/feed?order=" + order, v.token()).json(), "post");
        softly.assertThat(feed.contains(open)).as(v.name() + " feed " + order).isEqualTo(v.inFeed() && v.open());
        softly.assertThat(feed.contains(closed)).as(v.name() + " feed " + order).isEqualTo(v.inFeed() && v.closed());
      }
      ApiClient.Answer list = api.get("/v1/members/" + author + "/posts", v.token());
      softly.assertThat(list.status()).as(v.name() + " author's posts").isEqualTo(v.open() ? 200 : 404);
      if (v.open()) {
        JsonNode post = api.get("/v1/posts/" + open, v.token()).json();
        // B2: the blocked member's reaction and comment stay stored, hidden from both sides of the block.
        softly.assertThat(post.path("counts").path("reactionTotal").asInt()).as(v.name() + " reactions")
            .isEqualTo(v.token().equals(authorToken) ? 0 : 1);
        softly.assertThat(api.get("/v1/posts/" + open + "/reactions", v.token()).json().path("items").size())
            .as(v.name() + " reaction list").isEqualTo(v.token().equals(authorToken) ? 0 : 1);
      }
    }
    softly.assertAll();
  }

  @Test
  void P3_theFeed_saysWhyEachPostIsThere_andPagesWithoutDuplicatesAsPostsArrive() {
    String viewer = unique("viewer");
    String viewerToken = server.member(viewer);
    String friend = unique("friend");
    String friendToken = server.member(friend);
    String followed = unique("followed");
    String followedToken = server.member(followed);
    String page = unique("page");
    String adminToken = server.member(unique("admin"));
    assertThat(api.post("/v1/companies", adminToken, "{\"handle\":\"%s\",\"name\":\"Page\"}".formatted(page))
        .status()).isEqualTo(201);
    String farToken = server.member(unique("far"));
    connect(viewerToken, viewer, friendToken, friend);
    api.put("/v1/me/following/" + followed, viewerToken);
    api.put("/v1/me/following/" + page, viewerToken);
    String own = post(viewerToken, "Mine", "anyone");
    String fromFriend = post(friendToken, "From a connection", "connections");
    String fromFollowed = post(followedToken, "From someone followed", "anyone");
    String fromPage = api.post("/v1/companies/" + page + "/posts", adminToken, "{\"text\":\"From a page\"}").json()
        .path("id").asText();
    String far = post(farToken, "From far away", "anyone");
    api.withBody("PUT", "/v1/posts/" + far + "/reactions/me", friendToken, "{\"kind\":\"insightful\"}");

    JsonNode recent = api.get("/v1/me/feed", viewerToken).json();
    assertThat(ids(recent, "post")).containsExactly(fromPage, fromFollowed, fromFriend, own);
    assertThat(StreamSupport.stream(recent.path("items").spliterator(), false)
        .map(i -> i.path("reason").path("kind").asText()).toList())
        .containsExactly("page", "following", "connection", "own");
    JsonNode top = api.get("/v1/me/feed?order=top", viewerToken).json();
    JsonNode engaged = StreamSupport.stream(top.path("items").spliterator(), false)
        .filter(i -> i.path("post").path("id").asText().equals(far)).findFirst().orElseThrow();
    assertThat(engaged.path("reason").path("kind").asText()).isEqualTo("connection-reacted");
    assertThat(engaged.path("reason").path("by").path("handle").asText()).isEqualTo(friend);
    assertThat(engaged.path("score").isNumber()).isTrue();

    for (String order : List.of("recent", "top")) {
      Set<String> seen = new HashSet<>();
      List<String> pages = new ArrayList<>();
      String cursor = null;
      do {
        JsonNode body = api.get("/v1/me/feed?order=" + order + "&limit=2" + (cursor == null ? ""
            : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), viewerToken).json();
        for (String id : ids(body, "post")) {
          assertThat(seen.add(id)).as(order + ": shown once " + id).isTrue();
          pages.add(id);
        }
        post(followedToken, "Arrived between pages", "anyone");
        cursor = body.path("next").isTextual() ? body.path("next").asText() : null;
      } while (cursor != null);
      assertThat(pages).as(order).contains(own, fromFriend, fromFollowed, fromPage);
    }
  }
}
