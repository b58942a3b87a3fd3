package dev.rapport.server;

import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts over real HTTP (A1, A2): signing up and in to an {@code HttpOnly}, {@code SameSite}
 * session cookie, CSRF tokens on every state change made with it, signing out, changing the
 * password, and login CSRF.
 */
class AccountsIT {
  private static final String PASSWORD = "correct horse battery staple";
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

  private static Browser signedUp(String handle) {
    Browser browser = new Browser(server.api);
    ApiClient.Answer answer = browser.signUp(handle, handle + "@example.com", PASSWORD);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return browser;
  }

  @Test
  void A2_signUp_setsAnHttpOnlySameSiteSessionCookie_andAnswersTheMemberAndTheCsrfToken() {
    String ada = unique("ada");
    Browser browser = new Browser(server.api);
    ApiClient.Answer answer = browser.signUp(ada, ada + "@Example.com", PASSWORD);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
        .startsWith("rapport_session=rpt_").contains("; HttpOnly", "; SameSite=Lax", "; Path=/", "; Max-Age=1209600")
        .doesNotContain("Secure"));
    assertThat(answer.header("Location")).contains("/v1/members/" + ada);
    assertThat(answer.json().get("member").get("handle").asText()).isEqualTo(ada);
    assertThat(answer.body()).doesNotContain(PASSWORD).doesNotContain(browser.sessionToken());

    ApiClient.Answer current = browser.get("/v1/sessions/current");
    assertThat(current.status()).isEqualTo(200);
    assertThat(current.json().get("csrfToken").asText()).isEqualTo(browser.csrfToken());
    assertThat(current.json().get("member").get("handle").asText()).isEqualTo(ada);
    // By default only the administrator makes invite links, and the session says so to the web app.
    assertThat(current.json().get("mayInvite").asBoolean()).isFalse();
    assertThat(browser.get("/v1/me").json().get("handle").asText()).isEqualTo(ada);
  }

  @Test
  void A1_signIn_withEmailInAnyCase_startsAnotherSession() {
    String ada = unique("ada");
    signedUp(ada);
    Browser other = new Browser(server.api);
    ApiClient.Answer answer = other.signIn(ada.toUpperCase() + "@EXAMPLE.com", PASSWORD);
    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().get("member").get("handle").asText()).isEqualTo(ada);
    assertThat(other.get("/v1/me/limits").status()).isEqualTo(200);
  }

  @Test
  void A1_passwords_haveAtLeast8Characters_andMayHave64AndMore() {
    Browser browser = new Browser(server.api.responsesOnly());
    String short1 = unique("short");
    ApiClient.Answer tooShort = browser.signUp(short1, short1 + "@example.com", "1234567");
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.json().get("type").asText()).isEqualTo("/problems/invalid-password");
    String ada = unique("ada");
    assertThat(new Browser(server.api).signUp(ada, ada + "@example.com", "pässwörd ".repeat(8)).status())
        .isEqualTo(201);
  }

  @Test
  void A1_signUp_refusesAnEmailTaken_inAnyCase() {
    String ada = unique("ada");
    signedUp(ada);
    ApiClient.Answer again = new Browser(server.api).signUp(unique("other"), ada.toUpperCase() + "@example.com",
        PASSWORD);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asText()).isEqualTo("/problems/email-taken");
  }

  @Test
  void A2_aStateChange_withoutTheCsrfToken_isRefused_andChangesNothing() {
    String ada = unique("ada");
    Browser browser = signedUp(ada);
    String patch = "{\"name\":\"Changed by another site\"}";

    ApiClient.Answer missing = browser.sendWithCsrf("PATCH", "/v1/me", patch, Optional.empty());
    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.json().get("type").asText()).isEqualTo("/problems/csrf-token-missing");
    ApiClient.Answer wrong = browser.sendWithCsrf("PATCH", "/v1/me", patch, Optional.of("not-the-token"));
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.json().get("type").asText()).isEqualTo("/problems/csrf-token-invalid");
    ApiClient.Answer signOut = browser.sendWithCsrf("DELETE", "/v1/sessions/current", "", Optional.empty());
    assertThat(signOut.status()).isEqualTo(403);

    assertThat(browser.get("/v1/me").json().get("name").asText()).isEqualTo("Name of " + ada);
    assertThat(browser.get("/v1/sessions/current").status()).isEqualTo(200);
    assertThat(browser.send("PATCH", "/v1/me", patch).json().get("name").asText()).isEqualTo("Changed by another site");
  }

  @Test
  void A2_bearerTokens_needNoCsrfToken() {
    Browser browser = signedUp(unique("ada"));
    String token = browser.send("POST", "/v1/me/tokens", "{\"name\":\"script\"}").json().get("token").asText();
    ApiClient.Answer patched = server.api.patch("/v1/me", token, "{\"headline\":\"From a script\"}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("headline").asText()).isEqualTo("From a script");
    assertThat(server.api.responsesOnly().get("/v1/sessions/current", token).status()).isEqualTo(401);
  }

  @Test
  void A2_signingOut_clearsTheCookie_andEndsTheSessionInTheStore() {
    Browser browser = signedUp(unique("ada"));
    ApiClient.Answer out = browser.send("DELETE", "/v1/sessions/current", "");
    assertThat(out.status()).isEqualTo(204);
    assertThat(out.header("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
        .startsWith("rapport_session=;").contains("Max-Age=0", "HttpOnly", "SameSite=Lax"));
    ApiClient.Answer after = browser.get("/v1/me");
    assertThat(after.status()).isEqualTo(401);
    assertThat(server.server.rapport().accounts().session(browser.sessionToken())).isEmpty();
  }

  @Test
  void A1_changingThePassword_endsTheOtherSessions_andKeepsThisOne() {
    String ada = unique("ada");
    Browser first = signedUp(ada);
    Browser second = new Browser(server.api);
    second.signIn(ada + "@example.com", PASSWORD);
    String newPassword = "a new and longer passphrase";

    ApiClient.Answer wrong = first.send("PUT", "/v1/me/password",
        "{\"current\":\"not it at all\",\"new\":\"%s\"}".formatted(newPassword));
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.json().get("type").asText()).isEqualTo("/problems/wrong-password");
    ApiClient.Answer changed = first.send("PUT", "/v1/me/password",
        "{\"current\":\"%s\",\"new\":\"%s\"}".formatted(PASSWORD, newPassword));
    assertThat(changed.status()).isEqualTo(204);

    assertThat(first.get("/v1/me").status()).isEqualTo(200);
    assertThat(second.get("/v1/me").status()).isEqualTo(401);
    assertThat(new Browser(server.api.responsesOnly()).signIn(ada + "@example.com", PASSWORD).status()).isEqualTo(401);
    assertThat(new Browser(server.api).signIn(ada + "@example.com", newPassword).status()).isEqualTo(201);
  }

  @Test
  void A2_signingInOrUp_fromAnotherSitesPage_isRefused() {
    String ada = unique("ada");
    signedUp(ada);
    for (String[] header : new String[][] {{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"}}) {
      ApiClient.Answer in = server.api.send(server.api.request("/v1/sessions").header(header[0], header[1])
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Browser.signInBody(ada + "@example.com", PASSWORD))).build());
      assertThat(in.status()).isEqualTo(403);
      assertThat(in.json().get("type").asText()).isEqualTo("/problems/cross-site-request");
      assertThat(in.header("Set-Cookie")).isEmpty();
      String bob = unique("bob");
      ApiClient.Answer up = server.api.send(server.api.request("/v1/accounts").header(header[0], header[1])
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Browser.signUpBody(bob, bob + "@example.com", PASSWORD))).build());
      assertThat(up.status()).isEqualTo(403);
    }
    ApiClient.Answer sameSite = server.api.send(server.api.request("/v1/sessions")
        .header("Origin", "http://" + server.api.request("/").build().uri().getRawAuthority())
        .header("Sec-Fetch-Site", "same-origin")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Browser.signInBody(ada + "@example.com", PASSWORD))).build());
    assertThat(sameSite.status()).isEqualTo(201);
  }
}
