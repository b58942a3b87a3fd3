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
  /** Addresses whose refusal a test provokes on purpose; the browser reports each as a console error. */
  private final List<String> expectedRefusals = new ArrayList<>(List.of("/v1/sessions/current"));

  private MemberBrowser(WebServer.Member member, BrowserContext context) {
    this.member = member;
    this.context = context;
    this.page = context.newPage();
    page.setDefaultTimeout(10_000);
    page.onConsoleMessage(message -> {
      if (message.type().equals("error") && !expected(message.text(), message.location())) {
        consoleErrors.add(message.text() + " at " + message.location());
      }
    });
    page.onPageError(error -> consoleErrors.add("uncaught: " + error + " at " + page.url()));
  }

  private boolean expected(String text, String location) {
    return text.startsWith("Failed to load resource: the server responded with a status of 4")
        && expectedRefusals.stream().anyMatch(location::contains);
  }

  /** The API's refusal at this address is what the test provokes; the browser's report of it is no error. */
  MemberBrowser expectRefusal(String address) {
    expectedRefusals.add(address);
    return this;
  }

  /** A member's browser, signed in. */
  static MemberBrowser signedIn(Browser browser, WebServer server, WebServer.Member member, int width) {
    Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(server.base)
        .setViewportSize(width, width < 600 ? 844 : 900)
        .setExtraHTTPHeaders(Map.of("Authorization", "Bearer " + member.token()));
    BrowserContext context = browser.newContext(options);
    // Until the server has accounts, the member's token goes with every request, and the app is told a
    // session is there.
    context.addInitScript("localStorage.setItem('rapport.session', '1')");
    return new MemberBrowser(member, context);
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

  /** Clicks this button of the open dialog. */
  void confirm(String buttonName) {
    page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
        new Locator.GetByRoleOptions().setName(buttonName).setExact(true)).click();
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
