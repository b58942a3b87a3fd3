package dev.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;

/**
 * One member's browser: a context of its own (its own cookies, so its own session), one page, and
 * every console error and uncaught script error it shows, which a test must end without. It acts
 * only through the app's pages and its session cookie.
 */
final class MemberBrowser implements AutoCloseable {
  /** Whom it is signed in as; null while signed out. */
  WebServer.Member member;
  final BrowserContext context;
  final Page page;
  final List<String> consoleErrors = new ArrayList<>();
  /** Addresses whose refusal a test provokes on purpose; the browser reports each as a console error. */
  private final List<String> expectedRefusals = new ArrayList<>();

  private MemberBrowser(BrowserContext context) {
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

  /** A browser of its own at this width, signed out. */
  static MemberBrowser signedOut(Browser browser, WebServer server, int width) {
    return new MemberBrowser(browser.newContext(new Browser.NewContextOptions().setBaseURL(server.base)
        .setViewportSize(width, width < 600 ? 844 : 900)));
  }

  /** Creates an account on the sign-up page and waits for the page it leads to. */
  MemberBrowser signUp(String handle, String name) {
    open("/signup");
    return signUpHere(handle, name);
  }

  /** Creates an account on the sign-up page already open (an invite link's) and waits for the page it leads to. */
  MemberBrowser signUpHere(String handle, String name) {
    fillSignUp(handle, name);
    page.waitForURL(url -> !url.contains("/signup"));
    waitForPage();
    member = new WebServer.Member(handle, name, handle + "@example.com", WebServer.PASSWORD, null);
    return this;
  }

  /** Fills the sign-up form with this handle, its email and the tests' password, and sends it. */
  void fillSignUp(String handle, String name) {
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
    page.getByLabel("Handle").fill(handle);
    page.getByLabel("Email").fill(handle + "@example.com");
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(WebServer.PASSWORD);
    button("Create account").click();
  }

  /** Signs in on the sign-in page as this member and waits for the page it leads to. */
  MemberBrowser signIn(WebServer.Member who) {
    open("/signin");
    fillSignIn(who.email(), who.password());
    page.waitForURL(url -> !url.contains("/signin"));
    waitForPage();
    member = who;
    return this;
  }

  /** Fills the sign-in form and sends it, whatever the answer. */
  void fillSignIn(String email, String password) {
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(password);
    button("Sign in").click();
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
    assertThat(consoleErrors).as("console errors in %s's browser", member == null ? "a signed-out" : member.handle())
        .isEmpty();
  }

  @Override
  public void close() {
    context.close();
  }
}
