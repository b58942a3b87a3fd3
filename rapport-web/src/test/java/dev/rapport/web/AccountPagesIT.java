package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The accounts through the app's pages (A1, A2): sign-up, sign-out and sign-in, a password change,
 * personal API tokens, invite links, and the refusals a person meets on the way, each a sentence.
 */
class AccountPagesIT extends WebFixture {

  private static Locator dialog(MemberBrowser browser) {
    return browser.page.getByRole(AriaRole.DIALOG);
  }

  @Test
  void A1_signingOut_endsTheSession_andSigningInAgain_returnsToThePageAsked() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    ada.click("Sign out");
    ada.page.waitForURL("**/signin");
    ada.open("/notifications");
    assertThat(ada.page).hasURL(server.base + "/signin?next=%2Fnotifications");

    ada.fillSignIn(ada.member.email(), ada.member.password());
    ada.page.waitForURL("**/notifications");
    assertThat(ada.page.locator("main h1")).hasText("Notifications");
    assertThat(ada.button("Sign out")).isVisible();
  }

  @Test
  void A1_wrongPasswords_emailsAndHandlesTaken_areSaidInSentences() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser visitor = signedOutBrowser(1280).expectRefusal("/v1/sessions").expectRefusal("/v1/accounts");
    visitor.open("/signin");
    visitor.fillSignIn(ada.member.email(), "not the password at all");
    assertThat(visitor.page.getByRole(AriaRole.ALERT))
        .hasText("The email address or the password is not right. Check both and try again.");

    visitor.open("/signup");
    visitor.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Eve");
    visitor.page.getByLabel("Handle").fill(WebServer.unique("eve"));
    visitor.page.getByLabel("Email").fill(ada.member.email().toUpperCase(Locale.ROOT));
    visitor.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(WebServer.PASSWORD);
    visitor.click("Create account");
    assertThat(visitor.page.getByRole(AriaRole.ALERT)).hasText(
        "An account with this email address exists already. Sign in instead, or use another address.");
    visitor.page.getByLabel("Email").fill(WebServer.unique("eve") + "@example.com");
    visitor.page.getByLabel("Handle").fill(ada.member.handle());
    visitor.click("Create account");
    assertThat(visitor.page.getByRole(AriaRole.ALERT)).hasText("This handle is taken. Choose another one.");
  }

  @Test
  void A1_changingThePassword_keepsThisSession_endsTheOthers_andTheNewOneSignsIn() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser adaElsewhere = signedInBrowser(ada.member, 390).expectRefusal("/v1/sessions/current");
    ada.expectRefusal("/v1/me/password");
    ada.open("/account");
    ada.page.getByLabel("Current password").fill("not my password");
    ada.page.getByLabel("New password").fill("an even longer passphrase");
    ada.click("Change password");
    assertThat(ada.page.getByRole(AriaRole.ALERT)).hasText("Your current password is not right.");

    ada.page.getByLabel("Current password").fill(WebServer.PASSWORD);
    ada.page.getByLabel("New password").fill("an even longer passphrase");
    ada.click("Change password");
    assertThat(ada.page.locator("#status")).hasText("Password changed. Every other session has ended.");
    ada.open("/mynetwork");
    assertThat(ada.page).hasURL(server.base + "/mynetwork");

    adaElsewhere.open("/mynetwork");
    assertThat(adaElsewhere.page).hasURL(server.base + "/signin?next=%2Fmynetwork");
    adaElsewhere.signIn(new WebServer.Member(ada.member.handle(), ada.member.name(), ada.member.email(),
        "an even longer passphrase", null));
    assertThat(adaElsewhere.page.locator("main h1")).hasText("Feed");
  }

  @Test
  void A2_aPersonalToken_isShownOnceWithACopyButton_listed_thenRevoked() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    ada.context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
    ada.open("/account");
    ada.page.getByLabel("Name").fill("Nightly sync");
    ada.page.getByLabel("Expires after").selectOption("30");
    ada.click("Create token");
    assertThat(dialog(ada)).containsText("it is not shown again");
    String token = dialog(ada).getByLabel("Token “Nightly sync”").inputValue();
    assertThat(token).startsWith("rpt_");
    dialog(ada).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy")).click();
    assertThat(ada.page.locator("#status")).hasText("Copied.");
    assertThat(ada.page.evaluate("navigator.clipboard.readText()")).isEqualTo(token);
    ada.confirm("Done");
    assertThat(dialog(ada)).hasCount(0);

    JsonNode me = server.call("GET", "/v1/me", token, null, 200);
    assertThat(me.get("handle").asText()).isEqualTo(ada.member.handle());
    Locator row = ada.page.locator("main tr", new Page.LocatorOptions().setHasText("Nightly sync"));
    // Listed with the day it ends, 30 days on, as this machine's time zone (the browser's) tells it.
    JsonNode listed = server.call("GET", "/v1/me/tokens", ada.member.token(), null, 200).get("items");
    Instant ends = Instant.parse(java.util.stream.StreamSupport.stream(listed.spliterator(), false)
        .filter(t -> "Nightly sync".equals(t.path("name").asText())).findFirst().orElseThrow().get("expiresAt").asText());
    assertThat(Duration.between(Instant.now(), ends).toDays()).isBetween(29L, 30L);
    assertThat(row).containsText(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
        .format(LocalDate.ofInstant(ends, ZoneId.systemDefault())));
    assertThat(ada.page.locator("main")).not().containsText(token);

    ada.page.getByLabel("Revoke Nightly sync").click();
    ada.confirm("Revoke");
    assertThat(ada.page.locator("#status")).hasText("Token “Nightly sync” revoked.");
    assertThat(row).hasCount(0);
    server.call("GET", "/v1/me", token, null, 401);
  }

  @Test
  void A1_anInviteLink_signsUpOnePerson_andIsThenUsed() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    ada.open("/account");
    ada.click("Create invite link");
    String link = dialog(ada).getByLabel("Invite link").inputValue();
    assertThat(link).startsWith(server.base + "/signup?invite=");
    ada.confirm("Done");

    MemberBrowser bob = signedOutBrowser(390);
    bob.page.navigate(link);
    bob.waitForPage();
    assertThat(bob.main()).containsText("You are signing up with an invite link.");
    bob.signUpHere(WebServer.unique("bob"), "Bob Babbage");
    assertThat(bob.page.locator("main h1")).hasText("Feed");

    MemberBrowser cyd = signedOutBrowser(1280).expectRefusal("/v1/accounts");
    cyd.page.navigate(link);
    cyd.waitForPage();
    cyd.fillSignUp(WebServer.unique("cyd"), "Cyd Charisse");
    assertThat(cyd.page.getByRole(AriaRole.ALERT))
        .hasText("This invite link was used already: each is good for one sign-up. Ask for a new one.");
  }
}
