package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Company pages (CP1), skills and endorsements (E1) and recommendations (E2) over HTTP, every
 * exchange checked against the contract; the rules' cases are the contract suite's.
 */
class ProfileOverHttpIT {
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

  private static List<String> handles(JsonNode items) {
    List<String> handles = new ArrayList<>();
    items.forEach(item -> handles.add(item.path("handle").asText()));
    return handles;
  }

  /** Two connected members: their handles and tokens. */
  private static String[] connectedPair(String a, String b) {
    String ha = TestServer.unique(a);
    String hb = TestServer.unique(b);
    String ta = server.member(ha);
    String tb = server.member(hb);
    ApiClient.Answer sent = api.post("/v1/invitations", ta, "{\"to\":\"%s\"}".formatted(hb));
    assertThat(sent.status()).isEqualTo(201);
    String id = sent.json().path("invitation").path("id").asText();
    assertThat(api.post("/v1/invitations/" + id + "/accept", tb).status()).isEqualTo(200);
    return new String[] {ha, ta, hb, tb};
  }

  @Test
  void CP1_aMemberMakesAPage_addsAndRemovesAdmins_neverTheLast_andOthersSeeTheFollowerCount() {
    String ada = TestServer.unique("ada");
    String bob = TestServer.unique("bob");
    String cyd = TestServer.unique("cyd");
    String adaToken = server.member(ada);
    String bobToken = server.member(bob);
    String cydToken = server.member(cyd);
    String page = TestServer.unique("acme");

    ApiClient.Answer created = api.post("/v1/companies", adaToken,
        "{\"handle\":\"%s\",\"name\":\"Acme Rockets\",\"headline\":\"We make rockets\"}".formatted(page));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).contains("/v1/companies/" + page);
    assertThat(created.json().path("isAdmin").asBoolean()).isTrue();
    assertThat(handles(created.json().path("admins"))).containsExactly(ada);

    ApiClient.Answer added = api.put("/v1/companies/%s/admins/%s".formatted(page, bob), adaToken);
    assertThat(handles(added.json().path("admins"))).containsExactly(ada, bob);
    assertThat(api.put("/v1/companies/%s/admins/%s".formatted(page, cyd), cydToken).json().path("type").asText())
        .isEqualTo("/problems/not-page-admin");
    assertThat(api.patch("/v1/companies/" + page, bobToken, "{\"headline\":\"Rockets for all\"}").json()
        .path("headline").asText()).isEqualTo("Rockets for all");

    assertThat(api.put("/v1/me/following/" + page, cydToken).status()).isEqualTo(200);
    JsonNode seen = api.get("/v1/companies/" + page, cydToken).json();
    assertThat(seen.path("followerCount").asInt()).isEqualTo(1);
    assertThat(seen.path("following").asBoolean()).isTrue();
    assertThat(seen.path("admins").isNull()).isTrue();
    assertThat(seen.path("kind").asText()).isEqualTo("company");
    assertThat(api.get("/v1/members/" + page, cydToken).json().path("followerCount").asInt()).isEqualTo(1);

    assertThat(api.delete("/v1/companies/%s/admins/%s".formatted(page, ada), bobToken).status()).isEqualTo(200);
    ApiClient.Answer last = api.delete("/v1/companies/%s/admins/%s".formatted(page, bob), bobToken);
    assertThat(last.status()).isEqualTo(409);
    assertThat(last.json().path("type").asText()).isEqualTo("/problems/last-page-admin");
    assertThat(handles(api.get("/v1/me/companies", bobToken).json().path("items"))).containsExactly(page);
    assertThat(api.get("/v1/me/companies", adaToken).json().path("items")).isEmpty();
    assertThat(api.get("/v1/companies/" + bob, adaToken).status()).isEqualTo(404);
  }

  @Test
  void CP1_theOperator_givesAPageMadeWithTheAdminTokenItsFirstAdmin() {
    String page = TestServer.unique("initech");
    server.company(page);
    String ada = TestServer.unique("ada");
    String adaToken = server.member(ada);
    assertThat(api.get("/v1/companies/" + page, adaToken).json().path("isAdmin").asBoolean()).isFalse();
    assertThat(api.put("/v1/admin/companies/%s/admins/%s".formatted(page, ada), ADMIN).status()).isEqualTo(204);
    assertThat(api.get("/v1/companies/" + page, adaToken).json().path("isAdmin").asBoolean()).isTrue();
  }

  @Test
  void E1_skillsInOrder_endorsedByConnections_withCountsForTheViewer() {
    String[] pair = connectedPair("ada", "bob");
    String ada = pair[0];
    String adaToken = pair[1];
    String bobToken = pair[3];
    JsonNode set = api.withBody("PUT", "/v1/me/skills", adaToken, "{\"skills\":[\"Java\",\"SQL\"]}").json();
    assertThat(set.path("items").get(0).path("name").asText()).isEqualTo("Java");
    JsonNode endorsed = api.post("/v1/members/%s/endorsements".formatted(ada), bobToken, "{\"skill\":\"sql\"}").json();
    assertThat(endorsed.path("name").asText()).isEqualTo("SQL");
    assertThat(endorsed.path("endorsementCount").asInt()).isEqualTo(1);
    assertThat(endorsed.path("endorsedByMe").asBoolean()).isTrue();
    JsonNode skills = api.get("/v1/members/%s/skills".formatted(ada), adaToken).json().path("items");
    assertThat(skills.get(1).path("endorsedByMyConnections").asInt()).isEqualTo(1);
    assertThat(handles(skills.get(1).path("firstEndorsers"))).containsExactly(pair[2]);
    JsonNode unendorsed = api.delete("/v1/members/%s/endorsements?skill=SQL".formatted(ada), bobToken).json();
    assertThat(unendorsed.path("endorsementCount").asInt()).isZero();
    ApiClient.Answer stranger = api.post("/v1/members/%s/endorsements".formatted(ada),
        server.member(TestServer.unique("cyd")), "{\"skill\":\"Java\"}");
    assertThat(stranger.status()).isEqualTo(403);
    assertThat(stranger.json().path("type").asText()).isEqualTo("/problems/endorsement-requires-connection");
  }

  @Test
  void E2_aConnectionWrites_theRecipientApprovesHidesAndRemoves() {
    String[] pair = connectedPair("ada", "bob");
    String ada = pair[0];
    String adaToken = pair[1];
    String bobToken = pair[3];
    String cydToken = server.member(TestServer.unique("cyd"));
    ApiClient.Answer written = api.post("/v1/members/%s/recommendations".formatted(ada), bobToken,
        "{\"text\":\"Ada ships.\\nEvery time.\",\"relationship\":\"Worked together\"}");
    assertThat(written.status()).isEqualTo(201);
    assertThat(written.json().path("state").asText()).isEqualTo("pending");
    assertThat(written.json().path("shownAt").isNull()).isTrue();
    String id = written.json().path("id").asText();
    assertThat(api.get("/v1/members/%s/recommendations".formatted(ada), cydToken).json().path("items")).isEmpty();
    assertThat(api.get("/v1/members/%s/recommendations?state=pending".formatted(ada), adaToken).json().path("items"))
        .hasSize(1);
    assertThat(api.get("/v1/members/%s/recommendations?state=pending".formatted(ada), cydToken).status())
        .isEqualTo(403);
    assertThat(api.post("/v1/me/recommendations/%s/approve".formatted(id), bobToken).status()).isEqualTo(404);
    JsonNode shown = api.post("/v1/me/recommendations/%s/approve".formatted(id), adaToken).json();
    assertThat(shown.path("state").asText()).isEqualTo("shown");
    assertThat(api.get("/v1/members/%s/recommendations".formatted(ada), cydToken).json().path("items")).hasSize(1);
    assertThat(api.post("/v1/me/recommendations/%s/hide".formatted(id), adaToken).json().path("state").asText())
        .isEqualTo("hidden");
    assertThat(api.get("/v1/me/recommendations/given", bobToken).json().path("items").get(0).path("state").asText())
        .isEqualTo("hidden");
    assertThat(api.delete("/v1/me/recommendations/" + id, adaToken).status()).isEqualTo(204);
    assertThat(api.get("/v1/me/recommendations/given", bobToken).json().path("items")).isEmpty();
  }
}
