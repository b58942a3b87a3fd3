package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Well-formed requests about company pages (CP1), skills and endorsements (E1) and recommendations
 * (E2) that the rules refuse: each gets a clear problem of a stable type and changes nothing.
 * {@link BadInputIT} breaks the same routes' requests themselves.
 */
class ProfileBadInputIT {
  @TempDir
  static Path dataDir;

  private static TestServer server;
  private static ApiClient api;
  private static Map<String, String> tokens;
  private static String pending;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.api;
    tokens = Map.of("ada", server.member("ada"), "bob", server.member("bob"), "cyd", server.member("cyd"));
    String sent = api.post("/v1/invitations", token("bob"), "{\"to\":\"ada\"}").json().path("invitation").path("id")
        .asText();
    assertThat(api.post("/v1/invitations/" + sent + "/accept", token("ada")).status()).isEqualTo(200);
    assertThat(api.post("/v1/companies", token("ada"), "{\"handle\":\"acme\",\"name\":\"Acme\"}").status())
        .isEqualTo(201);
    server.company("globex");
    assertThat(api.withBody("PUT", "/v1/me/skills", token("ada"), "{\"skills\":[\"Java\"]}").status()).isEqualTo(200);
    pending = api.post("/v1/members/ada/recommendations", token("bob"), "{\"text\":\"Ada ships.\"}").json()
        .path("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String token(String handle) {
    return tokens.get(handle);
  }

  /** A body of {@code count} different skills. */
  private static String skills(int count) {
    StringBuilder body = new StringBuilder("{\"skills\":[");
    for (int i = 0; i < count; i++) {
      body.append(i == 0 ? "" : ",").append("\"Skill ").append(i).append('"');
    }
    return body.append("]}").toString();
  }

  @Test
  void rulesRefuse_withAClearProblem_andChangeNothing() {
    String ada = token("ada");
    String bob = token("bob");
    String cyd = token("cyd");
    // Some break the contract's schemas on purpose (lengths, counts, enums): only their answers are checked.
    ApiClient bad = api.responsesOnly();
    List<Refusal> refusals = List.of(
        new Refusal("E1: endorsing as a non-connection", () -> bad.post("/v1/members/ada/endorsements", cyd,
            "{\"skill\":\"Java\"}"), 403, "endorsement-requires-connection"),
        new Refusal("E1: endorsing oneself", () -> bad.post("/v1/members/ada/endorsements", ada,
            "{\"skill\":\"Java\"}"), 409, "cannot-endorse-self"),
        new Refusal("E1: endorsing an unknown skill", () -> bad.post("/v1/members/ada/endorsements", bob,
            "{\"skill\":\"Rust\"}"), 404, "skill-not-found"),
        new Refusal("E1: unendorsing an unknown skill", () -> bad.delete("/v1/members/ada/endorsements?skill=Rust",
            bob), 404, "skill-not-found"),
        new Refusal("E1: unendorsing without a skill", () -> bad.delete("/v1/members/ada/endorsements", bob), 400,
            "invalid-query"),
        new Refusal("E1: 51 skills", () -> bad.withBody("PUT", "/v1/me/skills", ada, skills(51)), 400,
            "too-many-skills"),
        new Refusal("E1: the same skill twice", () -> bad.withBody("PUT", "/v1/me/skills", ada,
            "{\"skills\":[\"Java\",\"JAVA\"]}"), 400, "duplicate-skill"),
        new Refusal("E1: a skill of 81 characters", () -> bad.withBody("PUT", "/v1/me/skills", ada,
            "{\"skills\":[\"%s\"]}".formatted("x".repeat(81))), 400, "invalid-skill"),
        new Refusal("E1: a blank skill", () -> bad.withBody("PUT", "/v1/me/skills", ada, "{\"skills\":[\"  \"]}"),
            400, "invalid-skill"),
        new Refusal("E1: a skill with a line break", () -> bad.withBody("PUT", "/v1/me/skills", ada,
            "{\"skills\":[\"Ja\\nva\"]}"), 400, "invalid-skill"),
        new Refusal("E2: recommending as a non-connection", () -> bad.post("/v1/members/ada/recommendations", cyd,
            "{\"text\":\"Hi\"}"), 403, "recommendation-requires-connection"),
        new Refusal("E2: recommending oneself", () -> bad.post("/v1/members/ada/recommendations", ada,
            "{\"text\":\"Hi\"}"), 409, "cannot-recommend-self"),
        new Refusal("E2: a second pending recommendation", () -> bad.post("/v1/members/ada/recommendations", bob,
            "{\"text\":\"Again\"}"), 409, "recommendation-already-pending"),
        new Refusal("E2: a recommendation of 3,001 characters", () -> bad.post("/v1/members/bob/recommendations", ada,
            "{\"text\":\"%s\"}".formatted("r".repeat(3_001))), 400, "invalid-recommendation"),
        new Refusal("E2: an empty recommendation", () -> bad.post("/v1/members/bob/recommendations", ada,
            "{\"text\":\" \"}"), 400, "invalid-recommendation"),
        new Refusal("E2: a relationship of 101 characters", () -> bad.post("/v1/members/bob/recommendations", ada,
            "{\"text\":\"Good\",\"relationship\":\"%s\"}".formatted("r".repeat(101))), 400, "invalid-recommendation"),
        new Refusal("E2: the writer approving", () -> bad.post("/v1/me/recommendations/" + pending + "/approve", bob),
            404, "recommendation-not-found"),
        new Refusal("E2: another approving", () -> bad.post("/v1/me/recommendations/" + pending + "/approve", cyd),
            404, "recommendation-not-found"),
        new Refusal("E2: the writer hiding", () -> bad.post("/v1/me/recommendations/" + pending + "/hide", bob),
            404, "recommendation-not-found"),
        new Refusal("E2: another removing", () -> bad.delete("/v1/me/recommendations/" + pending, cyd), 404,
            "recommendation-not-found"),
        new Refusal("E2: another reading pending ones", () -> bad.get("/v1/members/ada/recommendations?state=pending",
            cyd), 403, "recommendations-hidden"),
        new Refusal("E2: a state that does not exist", () -> bad.get("/v1/members/ada/recommendations?state=draft",
            ada), 400, "invalid-query"),
        new Refusal("CP1: removing the last admin", () -> bad.delete("/v1/companies/acme/admins/ada", ada), 409,
            "last-page-admin"),
        new Refusal("CP1: a non-admin adding an admin", () -> bad.put("/v1/companies/acme/admins/cyd", cyd), 403,
            "not-page-admin"),
        new Refusal("CP1: a non-admin removing an admin", () -> bad.delete("/v1/companies/acme/admins/ada", bob), 403,
            "not-page-admin"),
        new Refusal("CP1: a non-admin editing", () -> bad.patch("/v1/companies/acme", bob, "{\"name\":\"Mine\"}"), 403,
            "not-page-admin"),
        new Refusal("CP1: a page as admin", () -> bad.put("/v1/companies/acme/admins/globex", ada), 409,
            "page-admin-not-a-person"),
        new Refusal("CP1: a page with a taken handle", () -> bad.post("/v1/companies", ada,
            "{\"handle\":\"bob\",\"name\":\"Bob Inc\"}"), 409, "handle-taken"),
        new Refusal("CP1: a page with an invalid handle", () -> bad.post("/v1/companies", ada,
            "{\"handle\":\"Not Valid\",\"name\":\"X\"}"), 400, "invalid-handle"),
        new Refusal("CP1: a page name of 101 characters", () -> bad.patch("/v1/companies/acme", ada,
            "{\"name\":\"%s\"}".formatted("n".repeat(101))), 400, "invalid-name"),
        new Refusal("CP1: a person's handle as a page", () -> bad.get("/v1/companies/bob", ada), 404,
            "member-not-found"));
    Refusal.assertEachRefused_changingNothing(refusals, ProfileBadInputIT::snapshot);
  }

  /** The event log and everything the three members read of pages, skills and recommendations. */
  private static String snapshot() {
    StringBuilder state = new StringBuilder();
    server.server.store().eventsAfter(0, 1_000_000).forEach(e -> state.append(e).append('\n'));
    for (Map.Entry<String, String> viewer : tokens.entrySet()) {
      for (String path : List.of("/v1/companies/acme", "/v1/companies/globex", "/v1/me/companies",
          "/v1/members/ada/skills", "/v1/members/bob/skills", "/v1/members/ada/recommendations",
          "/v1/members/bob/recommendations", "/v1/me/recommendations/given")) {
        state.append(viewer.getKey()).append(' ').append(path).append(' ').append(api.get(path, viewer.getValue()))
            .append('\n');
      }
    }
    return state.toString();
  }
}
