package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Well-formed messaging requests that the rules refuse (issue 18, acceptance 5): each gets a clear
 * problem of a stable type and changes nothing. {@link BadInputIT} breaks the same routes' requests
 * themselves.
 */
class MessagingBadInputIT {
  @TempDir
  static Path dataDir;

  private static TestServer server;
  private static ApiClient api;
  private static Map<String, String> tokens;
  private static String declined;
  private static String pending;
  private static String adaAndBob;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.api;
    tokens = Map.of("ada", server.member("ada"), "bob", server.member("bob"), "cyd", server.member("cyd"),
        "pro", server.member("pro", "premium"), "max", server.member("max", "premium"), "eve", server.member("eve"));
    server.company("acme");
    String invitation = api.post("/v1/invitations", token("bob"), "{\"to\":\"ada\"}").json().path("invitation")
        .path("id").asText();
    assertThat(api.post("/v1/invitations/" + invitation + "/accept", token("ada")).status()).isEqualTo(200);
    adaAndBob = api.post("/v1/messages", token("ada"), "{\"to\":\"bob\",\"text\":\"Hi\"}").json()
        .path("conversationId").asText();
    // cyd follows ada: following allows no messaging (MS3).
    assertThat(api.put("/v1/me/following/ada", token("cyd")).status()).isEqualTo(200);
    assertThat(api.put("/v1/me/blocks/eve", token("ada")).status()).isEqualTo(200);
    declined = api.post("/v1/messages", token("pro"), "{\"to\":\"cyd\",\"text\":\"A job\"}").json()
        .path("conversationId").asText();
    assertThat(api.post("/v1/conversations/" + declined + "/decline", token("cyd")).status()).isEqualTo(200);
    pending = api.post("/v1/messages", token("pro"), "{\"to\":\"eve\",\"text\":\"A job\"}").json()
        .path("conversationId").asText();
    // max spends every credit of the month.
    for (int i = 0; i < 15; i++) {
      String handle = "lead-" + i;
      server.member(handle);
      assertThat(api.post("/v1/messages", token("max"), "{\"to\":\"%s\",\"text\":\"Hello\"}".formatted(handle))
          .status()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String token(String handle) {
    return tokens.get(handle);
  }

  private static String message(String to, String text) {
    return "{\"to\":\"%s\",\"text\":\"%s\"}".formatted(to, text);
  }

  @Test
  void MS1_MS2_MS3_MS4_rulesRefuse_withAClearProblem_andChangeNothing() {
    String ada = token("ada");
    String cyd = token("cyd");
    String pro = token("pro");
    // Some break the contract's schemas on purpose (lengths): only their answers are checked.
    ApiClient bad = api.responsesOnly();
    List<Refusal> refusals = List.of(
        new Refusal("MS1: 8,001 characters", () -> bad.post("/v1/messages", ada, message("bob", "m".repeat(8_001))),
            400, "message-too-long"),
        new Refusal("MS1: only white space", () -> bad.post("/v1/messages", ada, message("bob", " \\n ")), 400,
            "invalid-text"),
        new Refusal("MS1: a control character", () -> bad.post("/v1/messages", ada, message("bob", "bell\\u0007")),
            400, "invalid-text"),
        new Refusal("MS1: oneself", () -> bad.post("/v1/messages", ada, message("ada", "me")), 409,
            "cannot-message-self"),
        new Refusal("MS1: a company page", () -> bad.post("/v1/messages", ada, message("acme", "hi")), 409,
            "not-messageable"),
        new Refusal("MS1: nobody", () -> bad.post("/v1/messages", ada, message("nobody", "hi")), 404,
            "member-not-found"),
        new Refusal("MS3: a follower, without InMail", () -> bad.post("/v1/messages", ada, message("cyd", "hi")), 403,
            "not-connected-needs-inmail"),
        new Refusal("MS3: whom one follows, without InMail", () -> bad.post("/v1/messages", cyd, message("ada", "hi")),
            403, "not-connected-needs-inmail"),
        new Refusal("MS3, B3: a member one blocked", () -> bad.post("/v1/messages", ada, message("eve", "hi")), 409,
            "member-blocked"),
        new Refusal("MS3, B2: a member who blocked one", () -> bad.post("/v1/messages", token("eve"),
            message("ada", "hi")), 404, "member-not-found"),
        new Refusal("MS2: InMail without credits", () -> bad.post("/v1/messages", token("max"), message("ada", "hi")),
            429, "no-inmail-credits"),
        new Refusal("MS2: a second request while one waits", () -> bad.post("/v1/messages", pro, message("eve", "?")),
            409, "request-pending"),
        new Refusal("MS2: replying to a declined request", () -> bad.post("/v1/conversations/" + declined
            + "/messages", cyd, "{\"text\":\"Wait\"}"), 409, "request-declined"),
        new Refusal("MS2: writing again after a decline", () -> bad.post("/v1/messages", pro, message("cyd", "?")),
            409, "request-declined"),
        new Refusal("MS2: accepting a declined request", () -> bad.post("/v1/conversations/" + declined + "/accept",
            cyd), 409, "request-not-pending"),
        new Refusal("MS2: the requester accepting", () -> bad.post("/v1/conversations/" + pending + "/accept", pro),
            409, "request-not-pending"),
        new Refusal("MS2: accepting a conversation between connections", () -> bad.post("/v1/conversations/"
            + adaAndBob + "/accept", token("bob")), 409, "request-not-pending"),
        new Refusal("MS1: another's conversation", () -> bad.get("/v1/conversations/" + adaAndBob + "/messages", cyd),
            404, "conversation-not-found"),
        new Refusal("MS1: writing in another's conversation", () -> bad.post("/v1/conversations/" + adaAndBob
            + "/messages", cyd, "{\"text\":\"Hi\"}"), 404, "conversation-not-found"),
        new Refusal("MS4: reading up to a message of another conversation", () -> bad.post("/v1/conversations/"
            + adaAndBob + "/read?upTo=" + declined, ada), 404, "message-not-found"),
        new Refusal("MS4: reading up to what is not an id", () -> bad.post("/v1/conversations/" + adaAndBob
            + "/read?upTo=abc", ada), 400, "invalid-query"),
        new Refusal("MS2: terms of a member who blocked one", () -> bad.get("/v1/members/ada/message-terms",
            token("eve")), 404, "member-not-found"));
    Refusal.assertEachRefused_changingNothing(refusals, MessagingBadInputIT::snapshot);
  }

  @Test
  void MS2_noCredits_saysWhenTheNextComeAndHowMany() {
    JsonNode problem = api.responsesOnly().post("/v1/messages", token("max"), message("bob", "hi")).json();
    assertThat(problem.path("retryAt").asText()).endsWith("-01T00:00:00Z");
    assertThat(problem.path("limit").asInt()).isEqualTo(45);
    JsonNode terms = api.get("/v1/members/bob/message-terms", token("max")).json();
    assertThat(terms.path("allowed").asBoolean()).isFalse();
    assertThat(terms.path("refusal").path("type").asText()).isEqualTo("/problems/no-inmail-credits");
    assertThat(api.get("/v1/me/limits", token("max")).json().path("inMail").path("credits").asInt()).isZero();
  }

  /** The event log and what every member reads of their conversations and credits. */
  private static String snapshot() {
    StringBuilder state = new StringBuilder();
    server.server.store().eventsAfter(0, 1_000_000).forEach(e -> state.append(e).append('\n'));
    for (Map.Entry<String, String> viewer : tokens.entrySet()) {
      for (String path : List.of("/v1/me/conversations", "/v1/me/limits")) {
        state.append(viewer.getKey()).append(' ').append(path).append(' ').append(api.get(path, viewer.getValue()))
            .append('\n');
      }
    }
    return state.toString();
  }
}
