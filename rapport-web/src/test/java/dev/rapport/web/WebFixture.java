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

  /** A new member with their own browser at this width. */
  MemberBrowser browser(String handleBase, String name, int width) {
    return browserOf(server.member(WebServer.unique(handleBase), name), width);
  }

  MemberBrowser browser(String handleBase, String name) {
    return browser(handleBase, name, 1280);
  }

  MemberBrowser browserOf(WebServer.Member member, int width) {
    MemberBrowser browser = MemberBrowser.signedIn(chromium.browser, server, member, width);
    open.add(browser);
    return browser;
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
