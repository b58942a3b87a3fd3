package dev.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.cli.DemoSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page on the demo network ({@code rapport demo}'s people), at desktop and phone width: no
 * serious or critical accessibility violation (axe-core), every control reachable with Tab, a
 * screenshot of each, and each page's first render in this browser, written beside the screenshots.
 */
class PagesIT extends WebFixture {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final int DESKTOP = 1280;
  private static final int PHONE = 390;
  /** Each page by the name of its screenshot. */
  private static final Map<String, String> PAGES = pages();
  private static Map<String, String> tokens;

  private static Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("network-invitations", "/mynetwork/invitations");
    pages.put("network-suggestions", "/mynetwork/suggestions");
    pages.put("network-connections", "/mynetwork/connections");
    pages.put("network-followers", "/mynetwork/followers");
    pages.put("network-following", "/mynetwork/following");
    pages.put("profile-creator", "/in/grace-chen");
    pages.put("profile-connection", "/in/daniel-reyes");
    pages.put("profile-self", "/in/maya-okafor");
    pages.put("notifications", "/notifications");
    pages.put("limits", "/limits");
    pages.put("settings", "/settings");
    pages.put("search", "/search?q=da");
    return pages;
  }

  @BeforeAll
  static void seedTheDemoNetwork() {
    tokens = DemoSeed.seed(server.server.rapport());
  }

  private MemberBrowser maya(int width) {
    WebServer.Member maya = new WebServer.Member("maya-okafor", "Maya Okafor", "maya.okafor@example.com",
        tokens.get("maya-okafor"));
    return browserOf(maya, width);
  }

  private static List<String> seriousViolations(Page page) {
    List<String> found = new ArrayList<>();
    for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
            .map(node -> String.valueOf(node.getTarget())).toList());
      }
    }
    return found;
  }

  @Test
  void everyPage_atBothWidths_passesAxe_andIsSavedAsAScreenshot_withItsFirstRender() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    SoftAssertions softly = new SoftAssertions();
    StringBuilder renders = new StringBuilder("| page | address | first render at 1280 px (ms) | at 390 px (ms) |\n"
        + "|---|---|---|---|\n");
    Map<String, long[]> times = new LinkedHashMap<>();
    for (int width : new int[] {DESKTOP, PHONE}) {
      MemberBrowser maya = maya(width);
      maya.open("/mynetwork"); // the first load of the files, not measured
      for (var page : PAGES.entrySet()) {
        maya.open(page.getValue());
        // From the navigation's start until the page's heading is drawn and focused.
        long rendered = Math.round(((Number) maya.page.evaluate("performance.now()")).doubleValue());
        times.computeIfAbsent(page.getKey(), k -> new long[2])[width == DESKTOP ? 0 : 1] = rendered;
        softly.assertThat(seriousViolations(maya.page)).as("%s at %d px", page.getKey(), width).isEmpty();
        softly.assertThat((Boolean) maya.page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
            .as("%s fits %d px without scrolling sideways", page.getKey(), width).isTrue();
        maya.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(SCREENSHOTS.resolve(page.getKey() + "-" + width + ".png")));
      }
      maya.open("/in/lucas-moreau");
      maya.button("Connect").click();
      maya.page.getByRole(AriaRole.DIALOG).waitFor();
      softly.assertThat(seriousViolations(maya.page)).as("invitation dialog at %d px", width).isEmpty();
      maya.page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("invite-dialog-" + width + ".png")));
      maya.page.keyboard().press("Escape");
    }
    times.forEach((name, ms) -> renders.append("| %s | `%s` | %d | %d |\n".formatted(name, PAGES.get(name), ms[0], ms[1])));
    Files.writeString(SCREENSHOTS.resolve("first-render.md"), renders);
    softly.assertAll();
  }

  @Test
  void signedOutPages_passAxe_atBothWidths() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    SoftAssertions softly = new SoftAssertions();
    for (int width : new int[] {DESKTOP, PHONE}) {
      Page page = chromium.browser.newPage(new com.microsoft.playwright.Browser.NewPageOptions()
          .setBaseURL(server.base).setViewportSize(width, 844));
      List<String> errors = new ArrayList<>();
      page.onConsoleMessage(message -> {
        if (message.type().equals("error")) {
          errors.add(message.text());
        }
      });
      for (String name : List.of("signin", "signup")) {
        page.navigate("/" + name);
        page.locator("main h1").waitFor();
        softly.assertThat(seriousViolations(page)).as("%s at %d px", name, width).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")));
      }
      page.navigate("/mynetwork");
      page.locator("main h1").waitFor();
      softly.assertThat(page.url()).as("a signed-out visit is sent to sign in").contains("/signin?next=");
      softly.assertThat(errors).as("console errors at %d px", width).isEmpty();
      page.context().close();
    }
    softly.assertAll();
  }

  @Test
  void everyControl_isReachedWithTheKeyboard() {
    MemberBrowser maya = maya(DESKTOP);
    SoftAssertions softly = new SoftAssertions();
    for (var page : PAGES.entrySet()) {
      maya.open(page.getValue());
      // Numbers every visible control, then tabs through the page and notes which of them took focus.
      int controls = ((Number) maya.page.evaluate("""
          () => { let n = 0;
            for (const el of document.querySelectorAll('a[href], button, input, textarea, select')) {
              if (el.disabled || el.closest('[hidden]') || el.getClientRects().length === 0) continue;
              // A radio group is one stop for Tab, its checked choice; arrow keys move within it.
              if (el.type === 'radio' && !el.checked) continue;
              el.dataset.control = String(n++); }
            return n; }""")).intValue();
      List<String> reached = new ArrayList<>();
      for (int i = 0; i < controls + 10; i++) {
        maya.page.keyboard().press("Tab");
        Object id = maya.page.evaluate("document.activeElement?.dataset?.control ?? null");
        if (id != null && !reached.contains(id.toString())) {
          reached.add(id.toString());
        }
      }
      List<String> missed = new ArrayList<>();
      for (int i = 0; i < controls; i++) {
        if (!reached.contains(String.valueOf(i))) {
          missed.add((String) maya.page.evaluate("i => document.querySelector(`[data-control=\"${i}\"]`).outerHTML", i));
        }
      }
      softly.assertThat(missed).as("controls of %s not reached with Tab", page.getKey()).isEmpty();
      assertThat(controls).as(page.getKey()).isPositive();
    }
    softly.assertAll();
  }
}
