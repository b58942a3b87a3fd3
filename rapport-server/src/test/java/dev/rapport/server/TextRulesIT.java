package dev.rapport.server;

import static dev.rapport.server.HttpAnswers.assertProblem;
import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text people write, over real HTTP on SQLite: what is not valid Unicode, or holds control or
 * bidirectional formatting characters, is refused naming the field, and nothing is stored; what is
 * stored is in NFC, and notes keep their line breaks.
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

  @Test
  void M1_aNameWithABidiOverride_isRefusedNamingTheField_andTheProfileStaysAsItWas() {
    String ann = unique("ann");
    String token = server.member(ann);

    // U+202E (right-to-left override) would show "Ann gnp.exe" as "Ann exe.png".
    ApiClient.Answer answer = api.patch("/v1/me", token, "{\"name\":\"Ann \\u202egnp.exe\"}");

    assertProblem(answer, 400, "invalid-name");
    assertThat(answer.json().get("field").asText()).isEqualTo("name");
    assertThat(answer.json().get("detail").asText()).contains("U+202E").contains("bidirectional");
    assertThat(api.get("/v1/me", token).json().get("name").asText()).isEqualTo("Name of " + ann);
  }

  @Test
  void M1_aHeadlineWithAControlCharacter_isRefused() {
    String handle = unique("tab");
    ApiClient.Answer answer = api.post("/v1/members", ADMIN,
        "{\"handle\":\"%s\",\"name\":\"Tab\",\"headline\":\"Engineer\\tat Acme\"}".formatted(handle));

    assertProblem(answer, 400, "invalid-headline");
    assertThat(answer.json().get("field").asText()).isEqualTo("headline");
  }

  @Test
  void M1_C8_textIsStoredInNfc_andANoteKeepsItsLineBreaksButNoOtherControl() {
    String ann = unique("ann");
    String token = server.member(ann);
    String ben = unique("ben");
    server.member(ben);

    // "e" followed by a combining acute accent, as some keyboards send it: stored as one "é".
    ApiClient.Answer patched = api.patch("/v1/me", token, "{\"name\":\"Rene\\u0301 Ann\"}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().get("name").asText()).isEqualTo("Ren\u00e9 Ann");

    assertProblem(api.post("/v1/invitations", token, "{\"to\":\"%s\",\"note\":\"Hi\\r\\nBen\"}".formatted(ben)),
        400, "invalid-note");
    ApiClient.Answer sent = api.post("/v1/invitations", token,
        "{\"to\":\"%s\",\"note\":\"Hi Ben,\\nshall we connect?\"}".formatted(ben));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    assertThat(sent.json().get("invitation").get("note").asText()).isEqualTo("Hi Ben,\nshall we connect?");
  }
}
