package dev.rapport.web;

import static dev.rapport.web.PageChecks.controlsTabMisses;
import static dev.rapport.web.PageChecks.seriousViolations;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.cli.DemoSeed;
import dev.rapport.model.Handle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page and dialog on the demo network ({@code rapport demo}'s people, Maya signed in with the
 * password the demo gave her), at desktop and phone width: no serious or critical accessibility
 * violation (axe-core), every control reachable with Tab, a screenshot of each, and each page's
 * first render in this browser, written beside the screenshots.
 */
class PagesIT extends WebFixture {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final int DESKTOP = 1280;
  private static final int PHONE = 390;
  /** Each page by the name of its screenshot. */
  private static final Map<String, String> PAGES = pages();
  /** Each dialog by the name of its screenshot, with how Maya opens it. */
  private static final Map<String, Consumer<MemberBrowser>> DIALOGS = dialogs();
  private static Map<String, DemoSeed.SignIn> signIns;

  private static Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home-feed", "/feed");
    pages.put("home-feed-top", "/feed?order=top");
    pages.put("network-invitations", "/mynetwork/invitations");
    pages.put("network-suggestions", "/mynetwork/suggestions");
    pages.put("network-connections", "/mynetwork/connections");
    pages.put("network-followers", "/mynetwork/followers");
    pages.put("network-following", "/mynetwork/following");
    pages.put("profile-creator", "/in/grace-chen");
    pages.put("profile-connection", "/in/daniel-reyes");
    pages.put("profile-self", "/in/maya-okafor");
    pages.put("notifications", "/notifications");
    pages.put("messaging", "/messaging");
    pages.put("outreach", "/outreach");
    pages.put("limits", "/limits");
    pages.put("settings", "/settings");
    pages.put("account", "/account");
    pages.put("search", "/search?q=da");
    pages.put("company", "/company/northwind-analytics");
    pages.put("companies", "/companies");
    return pages;
  }

  private static Map<String, Consumer<MemberBrowser>> dialogs() {
    Map<String, Consumer<MemberBrowser>> dialogs = new LinkedHashMap<>();
    dialogs.put("invite-dialog", maya -> {
      maya.open("/in/lucas-moreau");
      maya.button("Connect").click();
    });
    dialogs.put("new-token-dialog", maya -> {
      maya.open("/account");
      maya.page.getByLabel("Name").fill("Weekly export");
      maya.button("Create token").click();
    });
    dialogs.put("revoke-token-dialog", maya -> {
      maya.open("/account");
      maya.page.locator("main table button").first().click();
    });
    dialogs.put("invite-link-dialog", maya -> {
      maya.open("/account");
      maya.button("Create invite link").click();
    });
    return dialogs;
  }

  @BeforeAll
  static void seedTheDemoNetwork() {
    signIns = DemoSeed.seed(server.server.rapport());
    showcase(server.server.rapport());
  }

  /** CP1, E1, E2 on the demo network: Maya's page with Daniel as admin, skills, endorsements, recommendations. */
  private static void showcase(dev.rapport.Rapport rapport) {
    java.util.function.ToLongFunction<String> id = handle -> rapport.member(Handle.of(handle)).orElseThrow().id();
    long maya = id.applyAsLong("maya-okafor");
    long daniel = id.applyAsLong("daniel-reyes");
    long priya = id.applyAsLong("priya-raman");
    rapport.companies().create(maya, Handle.of("northwind-analytics"), "Northwind Analytics",
        "Analytics for teams that ship");
    rapport.companies().addAdmin(maya, Handle.of("northwind-analytics"), Handle.of("daniel-reyes"));
    rapport.follow(id.applyAsLong("grace-chen"), Handle.of("northwind-analytics"));
    rapport.endorsements().setSkills(maya, List.of("Engineering leadership", "Distributed systems", "Data platforms"));
    rapport.endorsements().setSkills(daniel, List.of("Product strategy", "SQL"));
    rapport.endorsements().endorse(daniel, Handle.of("maya-okafor"), "Engineering leadership");
    rapport.endorsements().endorse(priya, Handle.of("maya-okafor"), "Engineering leadership");
    rapport.endorsements().endorse(daniel, Handle.of("maya-okafor"), "Distributed systems");
    long shown = rapport.endorsements().recommend(daniel, Handle.of("maya-okafor"),
        "Maya built the team that shipped our data platform, and kept it calm while doing it.",
        java.util.Optional.of("Worked with Maya at Northwind")).recommendation().id();
    rapport.endorsements().approve(maya, shown);
    rapport.endorsements().recommend(priya, Handle.of("maya-okafor"), "A manager who listens first.",
        java.util.Optional.empty());
  }

  /** Maya signs in on the sign-in page with the password the demo gave her. */
  private MemberBrowser maya(int width) {
    DemoSeed.SignIn maya = signIns.get("maya-okafor");
    return signedInBrowser(new WebServer.Member(maya.handle(), "Maya Okafor", maya.email(), maya.password(), null),
        width);
  }

  private static void openDialog(MemberBrowser maya, Consumer<MemberBrowser> opening) {
    opening.accept(maya);
    maya.page.getByRole(AriaRole.DIALOG).waitFor();
  }

  @Test
  void everyPage_atBothWidths_passesAxe_andIsSavedAsAScreenshot_withItsFirstRender() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    SoftAssertions softly = new SoftAssertions();
    StringBuilder renders = new StringBuilder("| page | address | first render at 1280 px (ms) | at 390 px (ms) |\n"
        + "|---|---|---|---|\n");
    Map<String, long[]> times = new LinkedHashMap<>();
    for (int width : new int[] {DESKTOP, PHONE}) {
      MemberBrowser maya = maya(width); // the first load of the files, not measured
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
      for (var dialog : DIALOGS.entrySet()) {
        openDialog(maya, dialog.getValue());
        softly.assertThat(seriousViolations(maya.page)).as("%s at %d px", dialog.getKey(), width).isEmpty();
        maya.page.screenshot(new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve(dialog.getKey() + "-" + width + ".png")));
        maya.page.keyboard().press("Escape");
      }
    }
    times.forEach((name, ms) -> renders.append("| %s | `%s` | %d | %d |\n".formatted(name, PAGES.get(name), ms[0], ms[1])));
    Files.writeString(SCREENSHOTS.resolve("first-render.md"), renders);
    softly.assertAll();
  }

  @Test
  void signedOutPages_passAxe_atBothWidths_andASignedOutVisitIsSentToSignIn() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    SoftAssertions softly = new SoftAssertions();
    for (int width : new int[] {DESKTOP, PHONE}) {
      MemberBrowser visitor = signedOutBrowser(width);
      for (String name : List.of("signin", "signup")) {
        visitor.open("/" + name);
        softly.assertThat(seriousViolations(visitor.page)).as("%s at %d px", name, width).isEmpty();
        softly.assertThat((Boolean) visitor.page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
            .as("%s fits %d px without scrolling sideways", name, width).isTrue();
        visitor.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")));
      }
      visitor.open("/account");
      softly.assertThat(visitor.page.url()).as("a signed-out visit is sent to sign in").contains("/signin?next=");
    }
    softly.assertAll();
  }

  @Test
  void everyControl_ofEveryPageAndDialog_isReachedWithTheKeyboard() {
    SoftAssertions softly = new SoftAssertions();
    MemberBrowser visitor = signedOutBrowser(DESKTOP);
    for (String path : List.of("/signin", "/signup")) {
      visitor.open(path);
      softly.assertThat(controlsTabMisses(visitor.page, "body")).as("controls of %s not reached with Tab", path)
          .isEmpty();
    }
    MemberBrowser maya = maya(DESKTOP);
    for (var page : PAGES.entrySet()) {
      maya.open(page.getValue());
      softly.assertThat(controlsTabMisses(maya.page, "body")).as("controls of %s not reached with Tab", page.getKey())
          .isEmpty();
    }
    for (var dialog : DIALOGS.entrySet()) {
      openDialog(maya, dialog.getValue());
      softly.assertThat(controlsTabMisses(maya.page, "dialog[open]"))
          .as("controls of %s not reached with Tab", dialog.getKey()).isEmpty();
      maya.page.keyboard().press("Escape");
    }
    softly.assertAll();
  }
}
