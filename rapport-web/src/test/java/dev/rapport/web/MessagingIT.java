package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.rapport.web.PageChecks.controlsTabMisses;
import static dev.rapport.web.PageChecks.seriousViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.model.Tier;
import dev.rapport.server.RateLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messaging in the browser (MS1-MS4): members write from a profile's Message action, the other sees
 * the conversation with its unread count and opens it, the sender sees "Seen"; requests are accepted
 * or declined; the cost of a message to a non-connection shows before sending; and, over the live
 * stream, two members in two browsers see each other's messages, the read receipt and typing
 * without a reload.
 */
class MessagingIT extends WebFixture {

  /**
   * Whether the server streams messaging's events and takes typing: the live cases need them and
   * run once the API documents the typing route.
   */
  static boolean streamCarriesMessaging() {
    return server.call("GET", "/openapi.json", WebServer.ADMIN, null, 200).path("paths")
        .has("/v1/conversations/{id}/typing");
  }

  /**
   * The browser, told that the typing route's 404 is expected while the server does not serve it yet;
   * once it does, nothing is excused.
   */
  static MemberBrowser typingExcusedUntilServed(MemberBrowser browser) {
    return streamCarriesMessaging() ? browser : browser.expectRefusal("/typing");
  }

  /** A premium member made by the administrator, with Open Profile on or off, for the test's API calls. */
  static WebServer.Member premium(String base, String name, boolean openProfile) {
    String handle = WebServer.unique(base);
    JsonNode created = server.call("POST", "/v1/members", WebServer.ADMIN,
        "{\"handle\":\"%s\",\"name\":\"%s\",\"tier\":\"premium\"}".formatted(handle, name), 201);
    WebServer.Member member = new WebServer.Member(handle, name, null, null, created.get("token").asText());
    server.call("PATCH", "/v1/me", member.token(), "{\"settings\":{\"openProfile\":%s}}".formatted(openProfile), 200);
    return member;
  }

  static String send(WebServer.Member from, WebServer.Member to, String text) {
    return server.call("POST", "/v1/messages", from.token(), WebServer.JSON.createObjectNode().put("to", to.handle())
        .put("text", text).toString(), 201).get("conversationId").asText();
  }

  /** The conversation with this member in the list of the browser's messaging page. */
  static Locator conversation(MemberBrowser browser, String name) {
    return browser.page.locator(".conversation").filter(new Locator.FilterOptions().setHasText(name));
  }

  static Locator messages(MemberBrowser browser) {
    return browser.page.locator(".messages .message");
  }

  /** Writes in the composer open on the page and sends it; waits until the message is in the thread. */
  static void write(MemberBrowser browser, String text) {
    browser.page.getByLabel("Write a message").fill(text);
    browser.click("Send");
    assertThat(messages(browser).last()).containsText(text);
  }

  @Test
  void MS1_MS4_aMessageFromAProfile_isListedUnread_andOnceReadTheSenderSeesSeen() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    connect(ada.member, bob.member);

    ada.open("/in/" + bob.member.handle());
    ada.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Message").setExact(true)).click();
    assertThat(ada.page.locator("#thread-title")).hasText("New message to Bob Babbage");
    ada.page.getByLabel("Write a message").fill("Shall we talk engines?");
    assertThat(ada.page.getByText("22 of 8,000 characters")).isVisible();
    assertThat(ada.page.locator("#message-cost")).isEmpty();
    ada.click("Send");
    ada.page.waitForURL(Pattern.compile(".*/messaging/[0-9]+$"));
    assertThat(messages(ada).locator(".text")).hasText(new String[] {"Shall we talk engines?"});
    assertThat(ada.page.locator(".seen")).hasCount(0);

    bob.open("/messaging");
    Locator fromAda = conversation(bob, "Ada Lovelace");
    assertThat(fromAda.locator(".count")).hasText("1 unread");
    assertThat(fromAda.locator(".last")).hasText("Shall we talk engines?");
    fromAda.getByRole(AriaRole.LINK).click();
    assertThat(messages(bob).first()).containsText("Shall we talk engines?");
    assertThat(fromAda.locator(".count")).hasCount(0);

    ada.page.reload();
    ada.waitForPage();
    assertThat(ada.page.locator(".seen")).hasText("SeenSeen by Bob Babbage");
    assertThat(conversation(ada, "Bob Babbage").locator(".last")).hasText("You: Shall we talk engines?");

    ada.open("/in/" + bob.member.handle());
    ada.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Message").setExact(true)).click();
    ada.page.waitForURL(Pattern.compile(".*/messaging/[0-9]+$"));
    assertThat(messages(ada)).hasCount(1);
    assertThat(conversation(ada, "Bob Babbage").getByRole(AriaRole.LINK)).hasAttribute("aria-current", "page");
  }

  @Test
  void MS1_theList_isNewestFirst_andAThreadIsPagedBack() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    WebServer.Member cyd = server.member(WebServer.unique("cyd"), "Cyd Charisse");
    connect(ada.member, bob);
    connect(ada.member, cyd);
    for (int i = 1; i <= 23; i++) {
      send(bob, ada.member, "Bob's note " + i + ".");
    }
    send(cyd, ada.member, "Cyd writes last.");

    ada.open("/messaging");
    assertThat(ada.page.locator(".conversation strong")).hasText(new String[] {"Cyd Charisse", "Bob Babbage"});
    assertThat(conversation(ada, "Bob Babbage").locator(".count")).hasText("23 unread");
    conversation(ada, "Bob Babbage").getByRole(AriaRole.LINK).click();
    assertThat(messages(ada)).hasCount(20);
    assertThat(messages(ada).last()).containsText("Bob's note 23.");
    ada.click("Show earlier messages");
    assertThat(messages(ada)).hasCount(23);
    assertThat(messages(ada).first()).containsText("Bob's note 1.");
    assertThat(ada.button("Show earlier messages")).isHidden();
    assertThat(conversation(ada, "Bob Babbage").locator(".count")).hasCount(0);
  }

  @Test
  void MS2_requests_standApart_oneAccepted_oneDeclined() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    WebServer.Member eve = premium("eve", "Eve Ellis", false);
    WebServer.Member fay = premium("fay", "Fay Fisher", false);
    String evesConversation = send(eve, ada.member, "Eve by InMail: a role for you?");
    String faysConversation = send(fay, ada.member, "Fay by InMail: buy our engine.");

    ada.open("/messaging");
    assertThat(ada.page.locator("#requests-title")).hasText("Message requests (2)");
    ada.button("Accept Eve Ellis's request").click();
    assertThat(ada.page.locator("#requests-title")).hasText("Message requests (1)");
    assertThat(ada.page.locator("#conversations-title + ul")).containsText("Eve Ellis");
    ada.button("Decline Fay Fisher's request").click();
    assertThat(ada.page.locator("#requests-title")).hasCount(0);

    assertThat(server.call("GET", "/v1/conversations/" + evesConversation + "/messages", eve.token(), null, 200)
        .path("conversation").path("status").asText()).isEqualTo("open");
    assertThat(server.call("GET", "/v1/conversations/" + faysConversation + "/messages", fay.token(), null, 200)
        .path("conversation").path("status").asText()).isEqualTo("declined");
    conversation(ada, "Fay Fisher").getByRole(AriaRole.LINK).click();
    assertThat(ada.page.locator(".thread")).containsText("This conversation was declined");
    assertThat(ada.page.getByLabel("Write a message")).isDisabled();
  }

  @Test
  void MS2_aRequestOpenInItsThread_isAcceptedThere_andTheReplyIsFree() {
    MemberBrowser ada = typingExcusedUntilServed(browser("ada", "Ada Lovelace"));
    WebServer.Member eve = premium("eve", "Eve Ellis", false);
    String id = send(eve, ada.member, "Eve by InMail: a role for you?");
    ada.open("/messaging/" + id);
    assertThat(ada.page.locator(".request-banner")).containsText("Eve Ellis sent you a message request.");
    assertThat(ada.page.locator("#message-cost")).hasText("Replying accepts Eve Ellis's message request.");
    ada.click("Accept");
    assertThat(ada.page.locator(".request-banner")).hasCount(0);
    assertThat(ada.page.locator("#message-cost")).isEmpty();
    write(ada, "Tell me more.");
    assertThat(server.call("GET", "/v1/conversations/" + id + "/messages", eve.token(), null, 200)
        .path("items").get(0).path("text").asText()).isEqualTo("Tell me more.");
  }

  @Test
  void MS2_theCostShowsBeforeSending_refusedWithoutInMail_freeByOpenProfile() {
    MemberBrowser ada = browser("ada", "Ada Lovelace").expectRefusal("/v1/messages");
    WebServer.Member dan = server.member(WebServer.unique("dan"), "Dan Dawson");
    WebServer.Member gil = premium("gil", "Gil Grant", true);

    ada.open("/messaging?to=" + dan.handle());
    assertThat(ada.page.locator("#message-cost")).hasText(Pattern.compile("^You are not connected, and your plan has no InMail.*"));
    assertThat(ada.page.getByLabel("Write a message")).isDisabled();
    assertThat(ada.button("Send")).isDisabled();

    ada.open("/messaging?to=" + gil.handle());
    assertThat(ada.page.locator("#message-cost"))
        .hasText("Free: Gil Grant has an Open Profile. Gil Grant gets it as a message request.");
    ada.page.getByLabel("Write a message").fill("x".repeat(8001));
    assertThat(ada.page.getByText("8,001 of 8,000 characters")).isVisible();
    ada.click("Send");
    assertThat(ada.page.getByRole(AriaRole.ALERT)).containsText("8,000");
    assertThat(server.call("GET", "/v1/me/conversations", gil.token(), null, 200).get("items")).isEmpty();

    ada.page.getByLabel("Write a message").fill("Hello Gil, your profile is open.");
    ada.click("Send");
    ada.page.waitForURL(Pattern.compile(".*/messaging/[0-9]+$"));
    assertThat(ada.page.locator(".thread")).containsText("Waiting for Gil Grant to accept your request.");
    assertThat(server.call("GET", "/v1/me/conversations", gil.token(), null, 200).path("items").get(0)
        .path("status").asText()).isEqualTo("request-received");
  }

  /**
   * On a server whose members have one InMail credit: a non-connection with it sees what sending
   * costs; once it is spent elsewhere, sending from the page still open is refused with the problem
   * shown and nothing sent, and the composer opened again says why it cannot send.
   */
  @Test
  void MS2_withACredit_theCostShows_andOnceItIsSpent_theSendIsRefused_withTheProblemShown(@TempDir Path otherDataDir) {
    Tier oneInMail = new Tier("basic", WebServer.WEEKLY_INVITATIONS, WebServer.WEEKLY_INVITATIONS, 5, 200, 1, 1, false);
    try (WebServer inMailServer = WebServer.start(otherDataDir, RateLimits.defaults(), oneInMail);
        MemberBrowser ada = MemberBrowser.signedOut(chromium.browser, inMailServer, 1280)
            .signUp(WebServer.unique("ada"), "Ada Lovelace").expectRefusal("/v1/messages")) {
      String adaToken = inMailServer.tokenOf(ada.member.handle());
      WebServer.Member dan = inMailServer.member(WebServer.unique("dan"), "Dan Dawson");
      WebServer.Member cyd = inMailServer.member(WebServer.unique("cyd"), "Cyd Charisse");

      ada.open("/messaging?to=" + dan.handle());
      assertThat(ada.page.locator("#message-cost"))
          .hasText("Sending uses 1 InMail credit (you have 1). Dan Dawson gets it as a message request.");
      assertThat(ada.button("Send")).isEnabled();
      inMailServer.call("POST", "/v1/messages", adaToken, "{\"to\":\"%s\",\"text\":\"Elsewhere\"}"
          .formatted(cyd.handle()), 201);

      ada.page.getByLabel("Write a message").fill("Hello Dan, a question about your engine.");
      ada.click("Send");
      assertThat(ada.page.getByRole(AriaRole.ALERT)).containsText("You have no InMail credits left; new ones come on");
      assertThat(inMailServer.call("GET", "/v1/me/conversations", dan.token(), null, 200).get("items")).isEmpty();

      ada.open("/messaging?to=" + dan.handle());
      assertThat(ada.page.locator("#message-cost")).containsText("You have no InMail credits left");
      assertThat(ada.button("Send")).isDisabled();
      ada.assertNoConsoleErrors();
    }
  }

  @Test
  void MS4_twoMembers_seeEachOthersMessages_andTheReadReceipt_withoutAReload() {
    assumeTrue(streamCarriesMessaging(), "the stream's messaging events are not on this server yet");
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    connect(ada.member, bob.member);
    String id = send(ada.member, bob.member, "First, by the API.");
    ada.open("/messaging/" + id);
    bob.open("/messaging");
    assertThat(conversation(bob, "Ada Lovelace").locator(".count")).hasText("1 unread");

    bob.open("/messaging/" + id);
    assertThat(ada.page.locator(".seen")).hasText("SeenSeen by Bob Babbage");
    write(ada, "Second, from Ada's browser.");
    assertThat(messages(bob).last()).containsText("Second, from Ada's browser.");
    assertThat(ada.page.locator(".seen")).hasCount(1);
    assertThat(ada.page.locator(".messages > li").last()).hasClass("seen");
    write(bob, "Bob answers live.");
    assertThat(messages(ada).last()).containsText("Bob answers live.");
    assertThat(conversation(ada, "Bob Babbage").locator(".last")).hasText("Bob answers live.");
  }

  @Test
  void MS4_typing_showsInTheOtherBrowser_andClearsOnTheMessage() {
    assumeTrue(streamCarriesMessaging(), "the typing route is not on this server yet");
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    connect(ada.member, bob.member);
    String id = send(ada.member, bob.member, "Are you there?");
    ada.open("/messaging/" + id);
    bob.open("/messaging/" + id);
    bob.page.getByLabel("Write a message").pressSequentially("Yes, writing");
    assertThat(ada.page.locator(".typing")).hasText("Bob Babbage is typing…");
    bob.click("Send");
    assertThat(messages(ada).last()).containsText("Yes, writing");
    assertThat(ada.page.locator(".typing")).isEmpty();
  }

  @Test
  void messaging_atBothWidths_passesAxe_fitsTheScreen_isReachedWithTheKeyboard_andIsSavedAsScreenshots()
      throws IOException {
    Files.createDirectories(PagesIT.SCREENSHOTS);
    SoftAssertions softly = new SoftAssertions();
    for (int width : new int[] {1280, 390}) {
      MemberBrowser ada = browser("ada", "Ada Lovelace", width);
      WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
      WebServer.Member eve = premium("eve", "Eve Ellis", false);
      connect(ada.member, bob);
      String id = send(bob, ada.member, "Did you read the notes on the engine?");
      server.call("POST", "/v1/conversations/" + id + "/messages", ada.member.token(),
          "{\"text\":\"Yes, all of them. Note G is the best part.\"}", 201);
      server.call("POST", "/v1/conversations/" + id + "/read", bob.token(), null, 200);
      send(bob, ada.member, "Agreed. Lunch on Thursday?");
      send(eve, ada.member, "Eve by InMail: we are hiring analysts.");
      for (String path : new String[] {"/messaging", "/messaging/" + id}) {
        ada.open(path);
        String name = path.equals("/messaging") ? "messaging" : "messaging-thread";
        softly.assertThat(seriousViolations(ada.page)).as("%s at %d px", name, width).isEmpty();
        softly.assertThat((Boolean) ada.page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
            .as("%s fits %d px without scrolling sideways", name, width).isTrue();
        ada.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(PagesIT.SCREENSHOTS.resolve(name + "-" + width + ".png")));
      }
      if (width == 1280) {
        softly.assertThat(controlsTabMisses(ada.page, "body")).as("controls of messaging not reached with Tab").isEmpty();
      }
    }
    softly.assertAll();
  }
}
