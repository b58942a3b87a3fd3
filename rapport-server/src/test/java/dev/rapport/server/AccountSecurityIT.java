package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.server.accounts.AccountsConfig;
import io.github.bucket4j.TimeMeter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts against abuse, over real HTTP (A1-A3): failed sign-ins throttled per account and per
 * address, no account enumeration by the answer, one member's session confined to their own data,
 * concurrent sign-ups with one email, and invite-only sign-up.
 */
class AccountSecurityIT {
  private static final String PASSWORD = "correct horse battery staple";
  @TempDir
  Path dataDir;

  private TestServer server(AccountsConfig accounts, TimeMeter time) {
    return TestServer.start(ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(ADMIN)
        .withDevClock(true).withAccounts(accounts), time);
  }

  private static Browser signedUp(TestServer server, String handle) {
    Browser browser = new Browser(server.api);
    assertThat(browser.signUp(handle, handle + "@example.com", PASSWORD).status()).isEqualTo(201);
    return browser;
  }

  @Test
  void A3_repeatedWrongPasswords_areThrottledPerAccount_with429RetryAfterAndRateLimit() {
    ManualTime time = new ManualTime();
    AccountsConfig accounts = AccountsConfig.defaults().withFailedSignIns(
        Optional.of(new RateLimits.Budget(3, Duration.ofMinutes(15))), Optional.of(new RateLimits.Budget(100,
            Duration.ofMinutes(15))));
    try (TestServer server = server(accounts, time)) {
      String ada = unique("ada");
      signedUp(server, ada);
      Browser attacker = new Browser(server.api.responsesOnly());
      for (int i = 0; i < 3; i++) {
        ApiClient.Answer failed = attacker.signIn(ada + "@example.com", "guess number " + i);
        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.header("RateLimit")).hasValueSatisfying(v -> assertThat(v).contains("failed-sign-in-account"));
      }
      ApiClient.Answer refused = new Browser(server.api).signIn(ada + "@example.com", PASSWORD);
      assertThat(refused.status()).as("even the right password waits").isEqualTo(429);
      assertThat(refused.json().get("type").asText()).isEqualTo("/problems/rate-limited");
      assertThat(refused.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
      assertThat(refused.header("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith(
          "\"failed-sign-in-account\";r=0;t="));
      assertThat(refused.header("RateLimit-Policy")).contains("\"failed-sign-in-account\";q=3;w=900");
      assertThat(refused.header("Set-Cookie")).isEmpty();

      // Another account from the same address is not locked out by the first one's failures.
      String bob = unique("bob");
      signedUp(server, bob);
      assertThat(new Browser(server.api).signIn(bob + "@example.com", PASSWORD).status()).isEqualTo(201);

      time.advance(Duration.ofMinutes(5));
      assertThat(new Browser(server.api).signIn(ada + "@example.com", PASSWORD).status()).isEqualTo(201);
    }
  }

  @Test
  void A3_failedSignIns_areThrottledPerAddress_acrossEmails() {
    AccountsConfig accounts = AccountsConfig.defaults().withFailedSignIns(
        Optional.of(new RateLimits.Budget(100, Duration.ofMinutes(15))),
        Optional.of(new RateLimits.Budget(4, Duration.ofMinutes(15))));
    try (TestServer server = server(accounts, new ManualTime())) {
      Browser attacker = new Browser(server.api.responsesOnly());
      for (int i = 0; i < 4; i++) {
        assertThat(attacker.signIn("someone-" + i + "@example.com", "guess").status()).isEqualTo(401);
      }
      ApiClient.Answer refused = attacker.signIn("someone-else@example.com", "guess");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.json().get("policy").asText()).isEqualTo("failed-sign-in-address");
    }
  }

  @Test
  void A3_anUnknownEmail_andAWrongPassword_answerAlike() {
    try (TestServer server = server(AccountsConfig.defaults(), new ManualTime())) {
      String ada = unique("ada");
      signedUp(server, ada);
      ApiClient.Answer wrong = new Browser(server.api.responsesOnly()).signIn(ada + "@example.com", "wrong password");
      ApiClient.Answer unknown = new Browser(server.api.responsesOnly()).signIn("nobody@example.com", "wrong password");
      assertThat(wrong.status()).isEqualTo(401).isEqualTo(unknown.status());
      assertThat(wrong.json().get("type")).isEqualTo(unknown.json().get("type"));
      assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }
  }

  @Test
  void A2_oneMembersSession_cannotReadOrActOnAnothersPrivateData() {
    try (TestServer server = server(AccountsConfig.defaults().withMembersMayInvite(true), new ManualTime())) {
      String ada = unique("ada");
      String bob = unique("bob");
      Browser adaBrowser = signedUp(server, ada);
      Browser bobBrowser = signedUp(server, bob);
      ApiClient.Answer bobsToken = bobBrowser.send("POST", "/v1/me/tokens", "{\"name\":\"bob's script\"}");
      String bobsTokenId = bobsToken.json().get("id").asText();
      assertThat(bobBrowser.send("POST", "/v1/invitations", "{\"to\":\"%s\"}".formatted(ada)).status()).isEqualTo(201);
      String invitation = adaBrowser.get("/v1/me/invitations?box=received").json().get("items").get(0).get("id")
          .asText();
      bobBrowser.send("POST", "/v1/me/invites", "{}");

      assertThat(adaBrowser.get("/v1/me/tokens").json().get("items")).isEmpty();
      ApiClient.Answer revoke = adaBrowser.send("DELETE", "/v1/me/tokens/" + bobsTokenId, "");
      assertThat(revoke.status()).isEqualTo(404);
      assertThat(server.api.get("/v1/me", bobsToken.json().get("token").asText()).status()).isEqualTo(200);
      assertThat(adaBrowser.get("/v1/me/invitations?box=sent").json().get("items")).isEmpty();
      assertThat(bobBrowser.send("POST", "/v1/invitations/" + invitation + "/accept", "").status()).isEqualTo(404);
      assertThat(bobBrowser.get("/v1/me/notifications").json().get("items")).isEmpty();
      assertThat(adaBrowser.get("/v1/me/notifications").json().get("items")).isNotEmpty();
      assertThat(adaBrowser.get("/v1/me/limits").json().toString())
          .isNotEqualTo(bobBrowser.get("/v1/me/limits").json().toString());
      // Bob's session cookie with Ada's CSRF token is refused: the token belongs to one session.
      ApiClient.Answer mixed = bobBrowser.sendWithCsrf("PATCH", "/v1/me", "{\"name\":\"x\"}",
          Optional.of(adaBrowser.csrfToken()));
      assertThat(mixed.status()).isEqualTo(403);
    }
  }

  @Test
  void A1_twoSignUpsWithOneEmail_atOnce_exactlyOneWins() throws Exception {
    try (TestServer server = server(AccountsConfig.defaults(), new ManualTime())) {
      String email = unique("same") + "@example.com";
      int attempts = 6;
      ExecutorService pool = Executors.newFixedThreadPool(attempts);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
          String handle = unique("racer");
          statuses.add(pool.submit(() -> {
            start.await();
            return new Browser(server.api.responsesOnly()).signUp(handle, email, PASSWORD).status();
          }));
        }
        start.countDown();
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
          answered.add(status.get());
        }
        assertThat(answered).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answered).filteredOn(s -> s != 201).containsOnly(409);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void A1_inviteOnlySignUp_takesAnInviteLinkOnce() {
    AccountsConfig inviteOnly = AccountsConfig.defaults().withSignUp(AccountsConfig.SignUpMode.INVITE_ONLY);
    try (TestServer server = server(inviteOnly, new ManualTime())) {
      String ada = unique("ada");
      ApiClient.Answer without = new Browser(server.api.responsesOnly()).signUp(ada, ada + "@example.com", PASSWORD);
      assertThat(without.status()).isEqualTo(403);
      assertThat(without.json().get("type").asText()).isEqualTo("/problems/invite-required");

      ApiClient.Answer invite = server.api.post("/v1/admin/invites", ADMIN, "{\"expiresInDays\":3}");
      assertThat(invite.status()).isEqualTo(201);
      String code = invite.json().get("code").asText();
      String body = Browser.signUpBody(ada, ada + "@example.com", PASSWORD).replace("}", ",\"invite\":\"" + code + "\"}");
      assertThat(server.api.withBody("POST", "/v1/accounts", null, body).status()).isEqualTo(201);
      String bob = unique("bob");
      ApiClient.Answer reused = server.api.responsesOnly().withBody("POST", "/v1/accounts", null,
          Browser.signUpBody(bob, bob + "@example.com", PASSWORD).replace("}", ",\"invite\":\"" + code + "\"}"));
      assertThat(reused.status()).isEqualTo(409);
      assertThat(reused.json().get("type").asText()).isEqualTo("/problems/invite-used");

      Browser adaBrowser = new Browser(server.api);
      adaBrowser.signIn(ada + "@example.com", PASSWORD);
      ApiClient.Answer byMember = adaBrowser.send("POST", "/v1/me/invites", "{}");
      assertThat(byMember.status()).isEqualTo(403);
      assertThat(byMember.json().get("type").asText()).isEqualTo("/problems/members-may-not-invite");
    }
  }
}
