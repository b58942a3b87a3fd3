package dev.rapport.server;

import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posting as a company page (CP1, P2) over real HTTP on SQLite, every exchange checked against the contract. */
class PagePostsOverHttpIT {
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

  private static List<String> items(JsonNode page, String path) {
    return StreamSupport.stream(page.path("items").spliterator(), false)
        .map(i -> path.isEmpty() ? i.path("id").asText() : i.path(path).path("id").asText()).toList();
  }

  @Test
  void CP1_P2_anAdminPostsEditsAndDeletesAsThePage_andARemovedAdminCannot() {
    String page = unique("acme");
    String ada = unique("ada");
    String adaToken = server.member(ada);
    String bob = unique("bob");
    String bobToken = server.member(bob);
    String fanToken = server.member(unique("fan"));
    assertThat(api.post("/v1/companies", adaToken, "{\"handle\":\"%s\",\"name\":\"Acme\"}".formatted(page)).status())
        .isEqualTo(201);
    assertThat(api.put("/v1/companies/%s/admins/%s".formatted(page, bob), adaToken).status()).isEqualTo(200);
    assertThat(api.put("/v1/me/following/" + page, fanToken).status()).isLessThan(300);

    ApiClient.Answer made = api.post("/v1/companies/" + page + "/posts", bobToken,
        "{\"text\":\"We are hiring\",\"visibility\":\"anyone\"}");
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    String id = made.json().path("id").asText();
    assertThat(made.header("Location")).contains("/v1/posts/" + id);
    assertThat(made.json().path("author").path("handle").asText()).isEqualTo(page);
    assertThat(made.json().path("mine").asBoolean()).isTrue();
    assertThat(api.get("/v1/posts/" + id, adaToken).json().path("mine").asBoolean()).isTrue();
    assertThat(api.get("/v1/posts/" + id, fanToken).json().path("mine").asBoolean()).isFalse();
    JsonNode feed = api.get("/v1/me/feed", fanToken).json();
    assertThat(items(feed, "post")).containsExactly(id);
    assertThat(feed.path("items").get(0).path("reason").path("kind").asText()).isEqualTo("page");
    assertThat(items(api.get("/v1/members/" + page + "/posts", fanToken).json(), "")).containsExactly(id);

    String comment = api.post("/v1/posts/" + id + "/comments", fanToken, "{\"text\":\"Applied\"}").json()
        .path("id").asText();
    assertThat(api.get("/v1/posts/" + id + "/comments", adaToken).json().path("items").get(0).path("mine")
        .asBoolean()).isTrue();
    assertThat(api.delete("/v1/posts/" + id + "/comments/" + comment, adaToken).status()).isEqualTo(204);
    JsonNode edited = api.withBody("PATCH", "/v1/posts/" + id, adaToken, "{\"text\":\"We are hiring in Leeds\"}")
        .json();
    assertThat(edited.path("text").asText()).isEqualTo("We are hiring in Leeds");
    assertThat(edited.path("editedAt").isTextual()).isTrue();

    assertThat(api.delete("/v1/companies/%s/admins/%s".formatted(page, bob), adaToken).status()).isEqualTo(200);
    assertThat(api.get("/v1/posts/" + id, bobToken).json().path("mine").asBoolean()).isFalse();
    ApiClient.Answer refused = api.withBody("PATCH", "/v1/posts/" + id, bobToken, "{\"text\":\"Mine now\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("type").asText()).isEqualTo("/problems/not-post-author");
    ApiClient.Answer notAdmin = api.post("/v1/companies/" + page + "/posts", bobToken, "{\"text\":\"Still here\"}");
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(notAdmin.json().path("type").asText()).isEqualTo("/problems/not-page-admin");
    assertThat(api.delete("/v1/posts/" + id, bobToken).status()).isEqualTo(403);
    assertThat(api.delete("/v1/posts/" + id, adaToken).status()).isEqualTo(204);
    assertThat(api.get("/v1/members/" + page + "/posts", fanToken).json().path("items")).isEmpty();
  }

  @Test
  void CP1_aPagesOwnToken_isRefused_andAPersonsHandleIsNoPage() {
    String page = unique("initech");
    String pageToken = server.company(page);
    ApiClient.Answer refused = api.post("/v1/posts", pageToken, "{\"text\":\"From the page itself\"}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("type").asText()).isEqualTo("/problems/page-posts-through-admins");
    assertThat(api.get("/v1/members/" + page + "/posts", pageToken).json().path("items")).isEmpty();

    String ada = unique("ada");
    String adaToken = server.member(ada);
    ApiClient.Answer person = api.post("/v1/companies/" + ada + "/posts", adaToken, "{\"text\":\"Hi\"}");
    assertThat(person.status()).isEqualTo(404);
    assertThat(person.json().path("type").asText()).isEqualTo("/problems/member-not-found");
    assertThat(api.put("/v1/admin/companies/%s/admins/%s".formatted(page, ada), TestServer.ADMIN).status())
        .isEqualTo(204);
    assertThat(api.post("/v1/companies/" + page + "/posts", adaToken, "{\"text\":\"Through an admin\"}").status())
        .isEqualTo(201);
  }
}
