package dev.rapport.server;

import static dev.rapport.server.ApiWalkthroughIT.assertProblem;
import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text people write, over real HTTP on SQLite: what is not valid Unicode is refused naming the
 * field, and nothing is stored.
 */
class TextRulesIT {
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

  @Test
  void M1_aNameWithALoneSurrogate_isRefusedNamingTheField_andNoMemberIsCreated() {
    String handle = unique("lone");
    // The JSON escape of half a surrogate pair: valid JSON, not valid Unicode.
    ApiClient.Answer answer = api.post("/v1/members", ADMIN,
        "{\"handle\":\"%s\",\"name\":\"Ada \\ud800 Lovelace\"}".formatted(handle));

    assertProblem(answer, 400, "invalid-field");
    assertThat(answer.json().get("field").asText()).isEqualTo("name");
    assertThat(answer.json().get("detail").asText()).contains("not valid Unicode").contains("\\ud800");
    String someone = server.member(unique("someone"));
    assertProblem(api.get("/v1/members/" + handle, someone), 404, "member-not-found");
  }

  @Test
  void M1_aHeadlineOrNoteWithALoneSurrogate_isRefusedNamingTheField_andChangesNothing() {
    String ann = unique("ann");
    String annToken = server.member(ann);
    String ben = unique("ben");
    server.member(ben);

    ApiClient.Answer patch = api.patch("/v1/me", annToken, "{\"headline\":\"\\udc00 trailing half\"}");
    assertProblem(patch, 400, "invalid-field");
    assertThat(patch.json().get("field").asText()).isEqualTo("headline");
    assertThat(api.get("/v1/me", annToken).json().get("headline").asText()).isEqualTo("Headline of " + ann);

    ApiClient.Answer invite = api.post("/v1/invitations", annToken,
        "{\"to\":\"%s\",\"note\":\"Hello \\ud83d\"}".formatted(ben));
    assertProblem(invite, 400, "invalid-field");
    assertThat(invite.json().get("field").asText()).isEqualTo("note");
    assertThat(api.get("/v1/me/invitations?box=sent", annToken).json().get("items")).isEmpty();
  }

  @Test
  void M1_aWholeSurrogatePair_isAccepted() {
    String handle = unique("pair");
    ApiClient.Answer answer = api.post("/v1/members", ADMIN,
        "{\"handle\":\"%s\",\"name\":\"Ada \\ud83d\\ude00\"}".formatted(handle));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    assertThat(answer.json().get("name").asText()).isEqualTo("Ada \uD83D\uDE00");
  }
}
