package dev.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One member's browser: a context of its own (its own cookies), one page, and every console error
 * and uncaught script error it shows, which a test must end without.
 */
final class MemberBrowser implements AutoCloseable {
  final WebServer.Member member;
  final BrowserContext context;
  final Page page;
  final List<String> consoleErrors = new ArrayList<>();

  private MemberBrowser(WebServer.Member member, BrowserContext context) {
    this.member = member;
    this.context = context;
    this.page = context.newPage();
    page.onConsoleMessage(message -> {
      if (message.type().equals("error")) {
        consoleErrors.add(message.text() + " at " + page.url());
      }
    });
    page.onPageError(error -> consoleErrors.add("uncaught: " + error + " at " + page.url()));
  }

  /** A member's browser, signed in. */
  static MemberBrowser signedIn(Browser browser, WebServer server, WebServer.Member member, int width) {
    Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(server.base)
        .setViewportSize(width, width < 600 ? 844 : 900)
        .setExtraHTTPHeaders(Map.of("Authorization", "Bearer " + member.token()));
    return new MemberBrowser(member, browser.newContext(options));
  }

  /** Opens an address of the app and waits until its page is drawn (its heading has focus). */
  MemberBrowser open(String path) {
    page.navigate(path);
    waitForPage();
    return this;
  }

  /** Waits until the app has drawn a page: the main heading is there. */
  void waitForPage() {
    page.locator("main h1").first().waitFor();
  }

  Locator button(String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  Locator main() {
    return page.locator("main");
  }

  /** Clicks and waits for the app to draw the page again. */
  void click(String buttonName) {
    button(buttonName).click();
  }

  /** The text the status region announced last. */
  String announced() {
    return page.locator("#status").textContent();
  }

  void assertNoConsoleErrors() {
    assertThat(consoleErrors).as("console errors in %s's browser", member.handle()).isEmpty();
  }

  @Override
  public void close() {
    context.close();
  }
}
