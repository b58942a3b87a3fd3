package dev.rapport.server;

import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NT2 over real HTTP on SQLite: each notification read or unread, the unread count, marking them read. */
class NotificationsReadIT {
  @TempDir
  Path dataDir;

  @Test
  void NT2_theListShowsReadAndUnread_withTheCount_andMarkingReadUpToAnIdOrAllClearsIt() {
    try (TestServer server = TestServer.start(dataDir)) {
      ApiClient api = server.api;
      String ada = unique("ada");
      String adaToken = server.member(ada);
      String bob = server.member(unique("bob"));
      String cyd = server.member(unique("cyd"));
      assertThat(api.put("/v1/me/following/" + ada, bob).status()).isEqualTo(200);

      JsonNode first = api.get("/v1/me/notifications", adaToken).json();
      assertThat(first.get("unread").asInt()).isEqualTo(1);
      assertThat(reads(first)).containsExactly(false);
      String shown = first.get("items").get(0).get("id").asText();
      // An invitation, not a second follow: new followers of a day are one group (NT1).
      assertThat(api.post("/v1/invitations", cyd, "{\"to\":\"%s\"}".formatted(ada)).status()).isEqualTo(201);

      ApiClient.Answer upTo = api.post("/v1/me/notifications/read?upTo=" + shown, adaToken);
      assertThat(upTo.status()).as(upTo.toString()).isEqualTo(200);
      assertThat(upTo.json().get("unread").asInt()).as("the one that came in meanwhile").isEqualTo(1);
      JsonNode second = api.get("/v1/me/notifications", adaToken).json();
      assertThat(reads(second)).containsExactly(false, true);
      assertThat(second.get("unread").asInt()).isEqualTo(1);

      assertThat(api.post("/v1/me/notifications/read", adaToken).json().get("unread").asInt()).isZero();
      JsonNode third = api.get("/v1/me/notifications", adaToken).json();
      assertThat(reads(third)).containsExactly(true, true);
      assertThat(third.get("unread").asInt()).isZero();
    }
  }

  private static List<Boolean> reads(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("read").asBoolean()).toList();
  }
}
