package dev.rapport.server;

import static dev.rapport.server.HttpAnswers.assertProblem;
import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** X3 over real HTTP on SQLite, with the dev clock: withdrawing one's old invitations in one call. */
class BulkWithdrawIT {
  @TempDir
  Path dataDir;

  @Test
  void X3_bulkWithdraw_withdrawsTheCallersInvitationsSentAtLeastNDaysAgo_andSaysHowMany() {
    try (TestServer server = TestServer.start(dataDir)) {
      ApiClient api = server.api;
      String ann = server.member(unique("ann"));
      String ben = unique("ben");
      String benToken = server.member(ben);
      String cat = unique("cat");
      server.member(cat);
      String dee = unique("dee");
      String deeToken = server.member(dee);
      assertThat(api.post("/v1/invitations", ann, "{\"to\":\"%s\"}".formatted(ben)).status()).isEqualTo(201);
      assertThat(api.post("/v1/invitations", deeToken, "{\"to\":\"%s\"}".formatted(
          api.get("/v1/me", ann).json().get("handle").asText())).status()).isEqualTo(201);
      assertThat(api.post("/v1/admin/clock", ADMIN, "{\"advance\":\"P8D\"}").status()).isEqualTo(200);
      assertThat(api.post("/v1/invitations", ann, "{\"to\":\"%s\"}".formatted(cat)).status()).isEqualTo(201);

      ApiClient.Answer answer = api.post("/v1/me/invitations/withdraw?olderThanDays=7", ann);

      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      assertThat(answer.json().get("withdrawn").asInt()).isEqualTo(1);
      assertThat(handles(api.get("/v1/me/invitations?box=sent", ann).json(), "to")).containsExactly(cat);
      assertThat(handles(api.get("/v1/me/invitations?box=sent&state=withdrawn", ann).json(), "to"))
          .containsExactly(ben);
      assertThat(handles(api.get("/v1/me/invitations?box=received", ann).json(), "from")).containsExactly(dee);
      assertThat(api.get("/v1/me/invitations?box=received", benToken).json().get("items")).isEmpty();
      // C6: the withdrawal started the cooldown, as a withdrawal one at a time does.
      assertProblem(api.post("/v1/invitations", ann, "{\"to\":\"%s\"}".formatted(ben)), 429, "invitation-cooldown");
      assertThat(api.post("/v1/me/invitations/withdraw?olderThanDays=7", ann).json().get("withdrawn").asInt())
          .isZero();
      assertProblem(api.responsesOnly().post("/v1/me/invitations/withdraw", ann), 400, "invalid-query");
    }
  }

  private static List<String> handles(JsonNode page, String side) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get(side).asText()).toList();
  }
}
