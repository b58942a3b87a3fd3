package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A3: every token has a request budget and every address a budget of failed authentications; past
 * either, the answer is 429 {@code rate-limited} with {@code Retry-After} and the RateLimit headers,
 * and nothing is applied. The buckets run on a clock the test moves: no sleeps.
 */
class RateLimitsIT {
  @TempDir
  Path dataDir;

  private final ManualTime time = new ManualTime();

  private TestServer server(RateLimits limits) {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(TestServer.ADMIN)
        .withRateLimits(limits);
    return TestServer.start(config, time);
  }

  private static RateLimits.Budget budget(long requests, Duration window) {
    return new RateLimits.Budget(requests, window);
  }

  @Test
  void A3_aTokenOverItsBudget_is429WithHeaders_andItsWriteIsNotApplied() {
    try (TestServer s = server(new RateLimits(Optional.of(budget(5, Duration.ofMinutes(1))), Optional.empty()))) {
      String ada = s.member(TestServer.unique("ada"));
      String bob = TestServer.unique("bob");
      String bobToken = s.member(bob);

      for (int left = 4; left >= 0; left--) {
        ApiClient.Answer answer = s.api.get("/v1/me", ada);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("RateLimit-Policy")).hasValue("\"token\";q=5;w=60");
        assertThat(answer.header("RateLimit").orElseThrow()).startsWith("\"token\";r=" + left + ";t=");
      }

      ApiClient.Answer refused = s.api.put("/v1/me/following/" + bob, ada);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.contentType()).startsWith(Problems.CONTENT_TYPE);
      assertThat(refused.json().path("type").asText()).isEqualTo("/problems/rate-limited");
      assertThat(refused.json().path("policy").asText()).isEqualTo("token");
      // 5 requests a minute: one comes back every 12 s.
      assertThat(refused.header("Retry-After")).hasValue("12");
      assertThat(refused.header("RateLimit")).hasValue("\"token\";r=0;t=12");
      assertThat(refused.header("RateLimit-Policy")).hasValue("\"token\";q=5;w=60");

      time.advance(Duration.ofSeconds(12));
      // Bob's followers are his own to read (P5).
      ApiClient.Answer following = s.api.get("/v1/members/" + bob + "/followers", bobToken);
      assertThat(following.status()).isEqualTo(200);
      assertThat(following.json().path("items")).as("the refused follow was not applied").isEmpty();
      assertThat(s.api.get("/v1/me", ada).status()).as("12 s later, one more request").isEqualTo(200);
      assertThat(s.api.get("/v1/me", ada).status()).as("one request per 12 s").isEqualTo(429);
    }
  }

  @Test
  void A3_budgetsArePerToken() {
    try (TestServer s = server(new RateLimits(Optional.of(budget(2, Duration.ofMinutes(1))), Optional.empty()))) {
      String ada = s.member(TestServer.unique("ada"));
      String cy = s.member(TestServer.unique("cy"));
      s.api.get("/v1/me", ada);
      s.api.get("/v1/me", ada);
      assertThat(s.api.get("/v1/me", ada).status()).isEqualTo(429);
      assertThat(s.api.get("/v1/me", cy).status()).isEqualTo(200);
    }
  }

  @Test
  void A3_anAddressPastItsFailedAuthentications_isRefusedEvenWithAGoodToken_untilItRefills() {
    try (TestServer s = server(new RateLimits(Optional.empty(), Optional.of(budget(3, Duration.ofMinutes(1)))))) {
      String ada = s.member(TestServer.unique("ada"));
      ApiClient.Answer noToken = s.api.responsesOnly().get("/v1/me", null);
      assertThat(noToken.status()).isEqualTo(401);
      assertThat(noToken.header("RateLimit")).as("no token is no guess: not counted").isEmpty();
      for (int left = 2; left >= 0; left--) {
        ApiClient.Answer denied = s.api.get("/v1/me", "not-a-token-" + left);
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.header("RateLimit").orElseThrow()).startsWith("\"failed-authentication\";r=" + left + ";t=");
        assertThat(denied.header("RateLimit-Policy")).hasValue("\"failed-authentication\";q=3;w=60");
      }
      assertThat(s.api.get("/health", null).status()).as("public routes need no token").isEqualTo(200);

      ApiClient.Answer refused = s.api.get("/v1/me", ada);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.json().path("policy").asText()).isEqualTo("failed-authentication");
      assertThat(refused.header("Retry-After")).hasValue("20");
      assertThat(refused.header("RateLimit")).hasValue("\"failed-authentication\";r=0;t=20");

      time.advance(Duration.ofSeconds(20));
      assertThat(s.api.get("/v1/me", ada).status()).isEqualTo(200);
    }
  }

  @Test
  void A3_underTheDefaultBudgets_nothingIsRefused() {
    try (TestServer s = server(RateLimits.defaults())) {
      String ada = s.member(TestServer.unique("ada"));
      for (int i = 0; i < 300; i++) {
        assertThat(s.api.get("/v1/me", ada).status()).isEqualTo(200);
      }
      for (int i = 0; i < 30; i++) {
        assertThat(s.api.get("/v1/me", "wrong-token-" + i).status()).isEqualTo(401);
      }
      ApiClient.Answer last = s.api.get("/v1/me", ada);
      assertThat(last.status()).isEqualTo(200);
      assertThat(last.header("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"token\";r=899;"));
    }
  }

  @Test
  void switchedOff_noBudgetAndNoHeaders() {
    try (TestServer s = server(RateLimits.off())) {
      String ada = s.member(TestServer.unique("ada"));
      for (int i = 0; i < 50; i++) {
        s.api.get("/v1/me", "wrong-" + i);
      }
      ApiClient.Answer answer = s.api.get("/v1/me", ada);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("RateLimit")).isEmpty();
    }
  }
}
