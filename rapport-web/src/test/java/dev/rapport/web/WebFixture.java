package dev.rapport.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server and one Chromium for a test class; each test opens members' browsers, and each
 * browser must end its test without a console error.
 */
abstract class WebFixture {
  @TempDir
  static Path dataDir;

  static WebServer server;
  static Chromium chromium;
  private final List<MemberBrowser> open = new ArrayList<>();

  @BeforeAll
  static void startServerAndBrowser() {
    chromium = Chromium.launch();
    server = WebServer.start(dataDir);
  }

  @AfterAll
  static void stopServerAndBrowser() {
    if (server != null) {
      server.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  /**
   * A new member who signs up on the sign-up page in a browser of their own at this width; the test
   * gets an API token of theirs for its setup calls, which the browser never sees.
   */
  MemberBrowser browser(String handleBase, String name, int width) {
    MemberBrowser browser = signedOutBrowser(width).signUp(WebServer.unique(handleBase), name);
    WebServer.Member signedUp = browser.member;
    browser.member = new WebServer.Member(signedUp.handle(), signedUp.name(), signedUp.email(), signedUp.password(),
        server.tokenOf(signedUp.handle()));
    return browser;
  }

  MemberBrowser browser(String handleBase, String name) {
    return browser(handleBase, name, 1280);
  }

  /** A browser of its own, signed out, closed after the test. */
  MemberBrowser signedOutBrowser(int width) {
    MemberBrowser browser = MemberBrowser.signedOut(chromium.browser, server, width);
    open.add(browser);
    return browser;
  }

  /** A browser signed in on the sign-in page as a member who has a password. */
  MemberBrowser signedInBrowser(WebServer.Member member, int width) {
    return signedOutBrowser(width).signIn(member);
  }

  /** An invitation from one member to another, accepted, through the API. */
  void connect(WebServer.Member from, WebServer.Member to) {
    String id = server.call("POST", "/v1/invitations", from.token(), "{\"to\":\"" + to.handle() + "\"}", 201)
        .path("invitation").path("id").asText();
    server.call("POST", "/v1/invitations/" + id + "/accept", to.token(), null, 200);
  }

  @AfterEach
  void closeBrowsers_withoutConsoleErrors() {
    try {
      open.forEach(MemberBrowser::assertNoConsoleErrors);
    } finally {
      open.forEach(MemberBrowser::close);
      open.clear();
    }
  }
}
