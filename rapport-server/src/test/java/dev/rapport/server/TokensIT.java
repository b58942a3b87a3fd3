package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member's personal API tokens over real HTTP (A2): created once, listed without secrets, revoked at once. */
class TokensIT {
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

  @Test
  void A2_aPersonalToken_isShownOnce_listedWithoutItsSecret_andRevokedAtOnce() {
    String ada = unique("ada");
    Browser browser = new Browser(server.api);
    browser.signUp(ada, ada + "@example.com", "correct horse battery staple");

    ApiClient.Answer created = browser.send("POST", "/v1/me/tokens", "{\"name\":\"nightly export\",\"expiresInDays\":30}");
    assertThat(created.status()).isEqualTo(201);
    String token = created.json().get("token").asText();
    String id = created.json().get("id").asText();
    assertThat(server.api.get("/v1/me", token).json().get("handle").asText()).isEqualTo(ada);

    JsonNode list = browser.get("/v1/me/tokens").json();
    assertThat(list.get("items")).hasSize(1);
    assertThat(list.get("items").get(0).get("name").asText()).isEqualTo("nightly export");
    assertThat(list.toString()).doesNotContain(token);

    assertThat(server.api.delete("/v1/me/tokens/" + id, token).status()).isEqualTo(204);
    assertThat(server.api.responsesOnly().get("/v1/me", token).status()).isEqualTo(401);
    assertThat(browser.get("/v1/me/tokens").json().get("items")).isEmpty();
    assertThat(browser.send("DELETE", "/v1/me/tokens/" + id, "").status()).isEqualTo(404);
  }

  @Test
  void A2_tokensTheAdministratorIssued_keepWorking_andAreListedWithoutAName() {
    String bob = unique("bob");
    String token = server.member(bob);
    assertThat(server.api.get("/v1/me", token).status()).isEqualTo(200);
    JsonNode items = server.api.get("/v1/me/tokens", token).json().get("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("name").isNull()).isTrue();
    String another = server.api.post("/v1/members/" + bob + "/tokens", ADMIN).json().get("token").asText();
    assertThat(server.api.get("/v1/me/tokens", another).json().get("items")).hasSize(2);
  }

  @Test
  void A2_aTokensLifetime_andName_areChecked() {
    String token = server.member(unique("cy"));
    ApiClient api = server.api.responsesOnly();
    assertThat(api.post("/v1/me/tokens", token, "{\"name\":\"x\",\"expiresInDays\":400}").status()).isEqualTo(400);
    assertThat(api.post("/v1/me/tokens", token, "{\"name\":\"\"}").status()).isEqualTo(400);
    assertThat(api.delete("/v1/me/tokens/not-a-number", token).status()).isEqualTo(404);
  }
}
