package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2 of issue 16 where it is about the browser: the session cookie out of scripts' reach,
 * the CSRF token on every change the page makes, and the throttling a person meets on the sign-in
 * page. The HTTP-level cases (cookie attributes as sent, login CSRF, per-address budgets, unknown
 * emails answering alike) are rapport-server's AccountsIT and AccountSecurityIT; a member's calls
 * replayed by another are {@link ReplayedCallsIT}.
 */
class SessionSecurityIT extends WebFixture {

  @Test
  void A2_theSessionCookie_isHttpOnlyAndSameSite_andNoScriptReadsOrReplacesIt() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    Cookie session = ada.context.cookies().stream().filter(c -> c.name.equals("rapport_session")).findFirst()
        .orElseThrow();
    assertThat(session.httpOnly).isTrue();
    assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
    assertThat(session.path).isEqualTo("/");
    assertThat((String) ada.page.evaluate("document.cookie")).doesNotContain("rapport_session")
        .doesNotContain(session.value);

    // A script may not overwrite an HttpOnly cookie either: the session goes on as it was.
    ada.page.evaluate("document.cookie = 'rapport_session=rpt_forged; path=/'");
    ada.open("/account");
    assertThat(ada.page.locator("main h1")).hasText("Account");
    assertThat(ada.context.cookies().stream().filter(c -> c.name.equals("rapport_session")).map(c -> c.value))
        .containsExactly(session.value);
  }

  @Test
  void A2_aChangeFromThePage_withoutTheCsrfToken_isRefused_andChangesNothing() {
    MemberBrowser ada = browser("ada", "Ada Lovelace").expectRefusal("/v1/me").expectRefusal("/v1/sessions/current");
    ada.open("/settings");
    String fetch = """
        async ([method, path, csrf]) => {
          const headers = { 'Content-Type': 'application/json' };
          if (csrf) headers['X-CSRF-Token'] = csrf;
          const answer = await fetch(path, { method, headers, credentials: 'same-origin',
            body: method === 'DELETE' ? undefined : JSON.stringify({ name: 'Mallory' }) });
          return { status: answer.status, type: (await answer.json()).type };
        }""";
    assertThat(ada.page.evaluate(fetch, new Object[] {"PATCH", "/v1/me", null}))
        .isEqualTo(Map.of("status", 403, "type", "/problems/csrf-token-missing"));
    assertThat(ada.page.evaluate(fetch, new Object[] {"PATCH", "/v1/me", "not-the-sessions-token"}))
        .isEqualTo(Map.of("status", 403, "type", "/problems/csrf-token-invalid"));
    assertThat(ada.page.evaluate(fetch, new Object[] {"DELETE", "/v1/sessions/current", null}))
        .isEqualTo(Map.of("status", 403, "type", "/problems/csrf-token-missing"));

    assertThat(server.call("GET", "/v1/me", ada.member.token(), null, 200).get("name").asText()).isEqualTo("Ada Lovelace");
    ada.open("/settings");
    assertThat(ada.page.getByLabel("Name")).hasValue("Ada Lovelace");
    assertThat(ada.button("Sign out")).isVisible();
  }

  @Test
  void A3_repeatedWrongPasswords_onTheSignInPage_sayWhenToTryAgain_andRefuseEvenTheRightOne() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser visitor = signedOutBrowser(390).expectRefusal("/v1/sessions");
    visitor.open("/signin");
    for (int i = 0; i < 10; i++) {
      visitor.fillSignIn(ada.member.email(), "wrong password " + i);
      assertThat(visitor.page.getByRole(AriaRole.ALERT))
          .hasText("The email address or the password is not right. Check both and try again.");
    }
    visitor.fillSignIn(ada.member.email(), "wrong password again");
    assertThat(visitor.page.getByRole(AriaRole.ALERT)).hasText(java.util.regex.Pattern.compile(
        "Too many attempts with a wrong password\\. For your safety, try again in \\d+ (minutes?|seconds?) \\(at \\d\\d:\\d\\d\\)\\."));
    visitor.fillSignIn(ada.member.email(), ada.member.password());
    assertThat(visitor.button("Sign in")).isEnabled(); // answered: the form takes input again
    assertThat(visitor.page.getByRole(AriaRole.ALERT)).containsText("Too many attempts with a wrong password.");
    assertThat(visitor.page).hasURL(server.base + "/signin");
  }
}
