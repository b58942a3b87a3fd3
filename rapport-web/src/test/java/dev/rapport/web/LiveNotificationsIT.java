package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.rapport.web.PageChecks.controlsTabMisses;
import static dev.rapport.web.PageChecks.seriousViolations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Notifications over the live stream (NT1, NT2): a follow and a reaction reach the signed-in browser
 * without a reload, in the navigation's unread badge on any page and at the top of the notifications
 * page; reactions to one post are one line ("Ada Lovelace and 3 others reacted to your post") that
 * grows live and is marked read at once; reading them elsewhere clears the badge; a muted kind is neither listed nor counted nor
 * streamed; the page at both widths passes axe-core and is saved as screenshots.
 */
class LiveNotificationsIT extends WebFixture {

  static Locator badge(MemberBrowser browser) {
    return browser.page.locator("#nav .count");
  }

  static Locator items(MemberBrowser browser) {
    return browser.page.locator("main ul.notifications > li");
  }

  String postAs(WebServer.Member author, String text) {
    return server.call("POST", "/v1/posts", author.token(), FeedIT.postJson(text, "anyone"), 201).get("id").asText();
  }

  void react(WebServer.Member who, String post) {
    server.call("PUT", "/v1/posts/" + post + "/reactions/me", who.token(), "{\"kind\":\"like\"}", 200);
  }

  void follow(WebServer.Member follower, WebServer.Member followee) {
    server.call("PUT", "/v1/me/following/" + followee.handle(), follower.token(), null, 200);
  }

  @Test
  void NT2_aFollow_reachesTheBadgeLive_andAReaction_theOpenNotificationsPage() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    WebServer.Member cyd = server.member(WebServer.unique("cyd"), "Cyd Charisse");
    String post = postAs(ada.member, "The engine weaves algebraic patterns.");
    assertThat(badge(ada)).isHidden();

    follow(bob, ada.member);
    assertThat(badge(ada)).hasText(", 1 unread");
    assertThat(ada.page).hasURL(server.base + "/feed");

    ada.page.locator("#nav").getByText("Notifications").click();
    assertThat(items(ada)).hasCount(1);
    assertThat(items(ada).first()).containsText("Bob Babbage followed you");
    react(cyd, post);
    assertThat(items(ada)).hasCount(2);
    assertThat(items(ada).first()).containsText("Cyd Charisse reacted to your post");
    assertThat(items(ada).first()).hasClass("unread");
    assertThat(ada.page.locator("#list-title")).hasText("2 unread");
    assertThat(badge(ada)).hasText(", 2 unread");
  }

  @Test
  void NT1_NT2_reactionsToOnePost_showAsOneLine_growLive_andAreMarkedReadTogether_upToTheLatestShown() throws IOException {
    MemberBrowser grace = browser("grace", "Grace Hopper");
    String post = postAs(grace.member, "The first compiler.");
    for (String name : new String[] {"Bob Babbage", "Cyd Charisse", "Dan Dawson"}) {
      react(server.member(WebServer.unique("fan"), name), post);
    }
    grace.open("/notifications");
    assertThat(items(grace)).hasCount(1);
    assertThat(items(grace).first()).containsText("Dan Dawson and 2 others reacted to your post");

    react(server.member(WebServer.unique("ada"), "Ada Lovelace"), post);
    assertThat(items(grace).first()).containsText("Ada Lovelace and 3 others reacted to your post");
    assertThat(items(grace)).hasCount(1);
    assertThat(badge(grace)).hasText(", 4 unread");
    Files.createDirectories(PagesIT.SCREENSHOTS);
    grace.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(PagesIT.SCREENSHOTS.resolve("notifications-grouped-1280.png")));

    grace.click("Mark these read");
    assertThat(badge(grace)).isHidden();
    assertThat(items(grace).first()).hasClass("read");
    assertThat(grace.page.locator("#list-title")).hasText("All read");

    // Marked up to the latest one shown: a reaction after it makes the group unread again, alone.
    react(server.member(WebServer.unique("eve"), "Eve Example"), post);
    assertThat(items(grace).first()).containsText("Eve Example and 4 others reacted to your post");
    assertThat(items(grace).first()).hasClass("unread");
    assertThat(badge(grace)).hasText(", 1 unread");
  }

  @Test
  void NT2_readingElsewhere_clearsTheBadgeLive() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    follow(bob, ada.member);
    ada.open("/feed");
    assertThat(badge(ada)).hasText(", 1 unread");
    server.call("POST", "/v1/me/notifications/read", ada.member.token(), null, 200);
    assertThat(badge(ada)).isHidden();
  }

  @Test
  void NT2_muteHidesAKind_fromTheList_theCount_andTheStream() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    WebServer.Member cyd = server.member(WebServer.unique("cyd"), "Cyd Charisse");
    String post = postAs(ada.member, "On the Analytical Engine.");
    follow(bob, ada.member);
    react(cyd, post);
    ada.open("/notifications");
    assertThat(items(ada)).hasCount(2);

    ada.page.getByLabel("Reactions to your posts").check();
    ada.click("Save mutes");
    assertThat(items(ada)).hasCount(1);
    assertThat(items(ada).first()).containsText("Bob Babbage followed you");
    assertThat(ada.page.getByLabel("Reactions to your posts")).isChecked();
    assertThat(badge(ada)).hasText(", 1 unread");
    JsonNode settings = server.call("GET", "/v1/me/notification-settings", ada.member.token(), null, 200);
    assertThat(settings.get("muted")).hasSize(1);
    assertThat(settings.get("muted").get(0).asText()).isEqualTo("reacted");

    WebServer.Member dan = server.member(WebServer.unique("dan"), "Dan Dawson");
    react(dan, post);
    follow(dan, ada.member);
    assertThat(items(ada).first()).containsText("Dan Dawson and Bob Babbage followed you");
    assertThat(items(ada)).hasCount(1);
    assertThat(ada.main()).not().containsText("reacted to your post");
    assertThat(badge(ada)).hasText(", 2 unread");
  }

  @Test
  void notifications_atBothWidths_passAxe_fitTheScreen_areReachedWithTheKeyboard_andSavedAsScreenshots()
      throws IOException {
    Files.createDirectories(PagesIT.SCREENSHOTS);
    SoftAssertions softly = new SoftAssertions();
    for (int width : new int[] {1280, 390}) {
      MemberBrowser ada = browser("ada", "Ada Lovelace", width);
      String post = postAs(ada.member, "Notes on the engine.");
      for (String name : new String[] {"Bob Babbage", "Cyd Charisse"}) {
        WebServer.Member fan = server.member(WebServer.unique("fan"), name);
        follow(fan, ada.member);
        react(fan, post);
      }
      ada.open("/notifications");
      assertThat(items(ada)).hasCount(2);
      softly.assertThat(seriousViolations(ada.page)).as("notifications at %d px", width).isEmpty();
      softly.assertThat((Boolean) ada.page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
          .as("notifications fit %d px without scrolling sideways", width).isTrue();
      ada.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
          .setPath(PagesIT.SCREENSHOTS.resolve("notifications-live-" + width + ".png")));
      if (width == 1280) {
        softly.assertThat(controlsTabMisses(ada.page, "body")).as("controls not reached with Tab").isEmpty();
      }
    }
    softly.assertAll();
  }
}
