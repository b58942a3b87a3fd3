package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/members?q=}: member search over HTTP, checked against the contract on every exchange. */
class MemberSearchIT {
  @TempDir
  static Path dataDir;

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> handles(JsonNode page) {
    List<String> handles = new ArrayList<>();
    page.path("items").forEach(item -> handles.add(item.path("handle").asText()));
    return handles;
  }

  @Test
  void search_findsByHandleAndNameWords_andLeavesOutBlocks() {
    String zed = TestServer.unique("zed");
    String zelda = TestServer.unique("zelda");
    String zoe = TestServer.unique("zoe");
    String zedToken = server.member(zed);
    String zeldaToken = server.member(zelda);
    server.member(zoe);

    ApiClient.Answer found = server.api.get("/v1/members?q=ZE&limit=10", zedToken);
    assertThat(found.status()).isEqualTo(200);
    assertThat(handles(found.json())).containsExactly(zelda, zed);
    // "Name of zoe-3": a word of the name starts with "zoe".
    assertThat(handles(server.api.get("/v1/members?q=zoe", zedToken).json())).containsExactly(zoe);

    assertThat(server.api.put("/v1/me/blocks/" + zed, zeldaToken).status()).isEqualTo(200);
    assertThat(handles(server.api.get("/v1/members?q=ze", zedToken).json())).containsExactly(zed);
    assertThat(handles(server.api.get("/v1/members?q=ze", zeldaToken).json())).containsExactly(zelda);
  }

  @Test
  void search_withoutText_isRefused_asAnInvalidQuery() {
    String token = server.member(TestServer.unique("quinn"));
    // The contract's validator takes a blank value for a missing one: only the answer is checked.
    ApiClient.Answer blank = server.api.responsesOnly().get("/v1/members?q=%20", token);
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().path("type").asText()).isEqualTo("/problems/invalid-query");
    assertThat(server.api.responsesOnly().get("/v1/members?q=ada", null).status()).isEqualTo(401);
  }
}
