package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messaging over HTTP (MS1-MS4), every exchange checked against the OpenAPI document: the cost
 * before sending, an InMail as a request, its reply and refund, the list with unread counts, read
 * receipts, the credits among the limits, and the dev clock granting the next month's.
 */
class MessagingOverHttpIT {
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
  void MS2_MS4_anInMail_isARequest_itsReplyRefundsIt_andReceiptsShowHowFarItWasRead() {
    String pro = server.member("recruiter", "premium");
    String dev = server.member("developer");
    JsonNode terms = api.get("/v1/members/developer/message-terms", pro).json();
    assertThat(terms.path("access").asText()).isEqualTo("inmail");
    assertThat(terms.path("inMailSpent").asBoolean()).isTrue();
    assertThat(terms.path("inMailCredits").asInt()).isEqualTo(15);

    ApiClient.Answer sent = api.post("/v1/messages", pro, "{\"to\":\"developer\",\"text\":\"A role for you\"}");
    assertThat(sent.status()).isEqualTo(201);
    assertThat(sent.json().path("inMailCredits").asInt()).isEqualTo(14);
    assertThat(sent.json().path("request").asBoolean()).isTrue();
    String conversation = sent.json().path("conversationId").asText();
    assertThat(api.get("/v1/me/limits", pro).json().path("inMail").path("credits").asInt()).isEqualTo(14);

    JsonNode inbox = api.get("/v1/me/conversations", dev).json().path("items").get(0);
    assertThat(inbox.path("status").asText()).isEqualTo("request-received");
    assertThat(inbox.path("unread").asInt()).isEqualTo(1);
    assertThat(inbox.path("with").path("handle").asText()).isEqualTo("recruiter");
    assertThat(api.get("/v1/me/conversations", pro).json().path("items").get(0).path("status").asText())
        .isEqualTo("request-sent");

    JsonNode reply = api.post("/v1/conversations/" + conversation + "/messages", dev,
        "{\"text\":\"Tell me more\"}").json();
    assertThat(reply.path("access").asText()).isEqualTo("reply-to-request");
    assertThat(reply.path("refunded").asBoolean()).isTrue();
    assertThat(api.get("/v1/me/limits", pro).json().path("inMail").path("credits").asInt()).isEqualTo(15);

    JsonNode page = api.get("/v1/conversations/" + conversation + "/messages", pro).json();
    assertThat(page.path("items")).extracting(m -> m.path("text").asText()).containsExactly("Tell me more",
        "A role for you");
    assertThat(page.path("conversation").path("unread").asInt()).isEqualTo(1);
    String firstId = page.path("items").get(1).path("id").asText();
    assertThat(page.path("conversation").path("theirReadUpTo").asText()).isNotEqualTo(firstId);

    JsonNode read = api.post("/v1/conversations/" + conversation + "/read", pro).json();
    assertThat(read.path("unread").asInt()).isZero();
    assertThat(read.path("status").asText()).isEqualTo("open");
    JsonNode devsView = api.get("/v1/conversations/" + conversation + "/messages", dev).json();
    assertThat(devsView.path("conversation").path("theirReadUpTo").asText())
        .isEqualTo(devsView.path("items").get(0).path("id").asText());
  }

  @Test
  void MS2_M2_theDevClock_grantsTheNextMonthsCredits() {
    String pro = server.member("grant-pro", "premium");
    for (int i = 0; i < 15; i++) {
      server.member("grant-lead-" + i);
      assertThat(api.post("/v1/messages", pro, "{\"to\":\"grant-lead-%d\",\"text\":\"Hi\"}".formatted(i)).status())
          .isEqualTo(201);
    }
    JsonNode inMail = api.get("/v1/me/limits", pro).json().path("inMail");
    assertThat(inMail.path("credits").asInt()).isZero();
    assertThat(inMail.path("cap").asInt()).isEqualTo(45);
    assertThat(api.post("/v1/admin/clock", TestServer.ADMIN, "{\"advance\":\"P32D\"}").status()).isEqualTo(200);
    assertThat(api.get("/v1/me/limits", pro).json().path("inMail").path("credits").asInt()).isEqualTo(15);
  }

  @Test
  void MS1_openProfile_andConnections_areFree() {
    String basic = server.member("free-basic");
    String open = server.member("open-pro", "premium");
    assertThat(api.patch("/v1/me", open, "{\"settings\":{\"openProfile\":true}}").status()).isEqualTo(200);
    JsonNode sent = api.post("/v1/messages", basic, "{\"to\":\"open-pro\",\"text\":\"Hello\"}").json();
    assertThat(sent.path("access").asText()).isEqualTo("open-profile");
    assertThat(sent.path("inMailSpent").asBoolean()).isFalse();
    String conversation = sent.path("conversationId").asText();
    assertThat(api.post("/v1/conversations/" + conversation + "/accept", open).json().path("status").asText())
        .isEqualTo("open");
    assertThat(api.post("/v1/messages", basic, "{\"to\":\"open-pro\",\"text\":\"Thanks\"}").json().path("access")
        .asText()).isEqualTo("accepted-conversation");
  }
}
