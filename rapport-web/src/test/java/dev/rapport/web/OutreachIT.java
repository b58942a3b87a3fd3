package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.rapport.web.PageChecks.controlsTabMisses;
import static dev.rapport.web.PageChecks.seriousViolations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The outreach page (X1, X2): the invitations sent, accepted, pending and withdrawn, the acceptance
 * rate warm against cold as a chart, growth by week and the warm prospects with their reason, each
 * figure the one the API gives; a prospect is invited from the page; the page at both widths passes
 * axe-core and is saved as screenshots.
 */
class OutreachIT extends WebFixture {

  String invite(WebServer.Member from, WebServer.Member to) {
    return server.call("POST", "/v1/invitations", from.token(), "{\"to\":\"" + to.handle() + "\"}", 201)
        .path("invitation").path("id").asText();
  }

  /**
   * Ada's outreach: Bob invited warm (followed for 8 days) and accepted, Cyd invited cold and pending,
   * Eve invited cold and withdrawn, Dan followed and engaged with but not invited: a prospect.
   */
  MemberBrowser adasOutreach(int width) {
    MemberBrowser ada = browser("ada", "Ada Lovelace", width);
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    WebServer.Member cyd = server.member(WebServer.unique("cyd"), "Cyd Charisse");
    WebServer.Member dan = server.member(WebServer.unique("dan"), "Dan Dawson");
    WebServer.Member eve = server.member(WebServer.unique("eve"), "Eve Ellis");
    server.call("PUT", "/v1/me/following/" + bob.handle(), ada.member.token(), null, 200);
    server.call("PUT", "/v1/me/following/" + dan.handle(), ada.member.token(), null, 200);
    server.advanceClock("P8D");
    server.call("POST", "/v1/invitations/" + invite(ada.member, bob) + "/accept", bob.token(), null, 200);
    invite(ada.member, cyd);
    server.call("POST", "/v1/invitations/" + invite(ada.member, eve) + "/withdraw", ada.member.token(), null, 200);
    String dansPost = server.call("POST", "/v1/posts", dan.token(), FeedIT.postJson("Dan on gears.", "anyone"), 201)
        .get("id").asText();
    server.call("PUT", "/v1/posts/" + dansPost + "/reactions/me", ada.member.token(), "{\"kind\":\"like\"}", 200);
    server.call("POST", "/v1/posts/" + dansPost + "/comments", ada.member.token(), "{\"text\":\"Fine gears.\"}", 201);
    ada.open("/outreach");
    return ada;
  }

  static String rate(JsonNode figures) {
    return figures.get("acceptanceRate").isNull() ? "—"
        : Math.round(figures.get("acceptanceRate").asDouble() * 100) + "%";
  }

  static List<String> row(JsonNode f, String label) {
    return List.of(label, f.get("sent").asText(), f.get("accepted").asText(), f.get("pending").asText(),
        f.get("withdrawn").asText(), rate(f));
  }

  @Test
  void X1_theFiguresTheChartAndGrowth_areTheApis() {
    MemberBrowser ada = adasOutreach(1280);
    JsonNode analytics = server.call("GET", "/v1/me/analytics?weeks=12", ada.member.token(), null, 200);
    JsonNode all = analytics.path("invitations").path("all");
    JsonNode warm = analytics.path("invitations").path("warm");
    JsonNode cold = analytics.path("invitations").path("cold");
    assertThat(all.get("sent").asInt()).isEqualTo(3);
    assertThat(rate(warm)).isEqualTo("100%");
    assertThat(rate(cold)).isEqualTo("0%");

    assertThat(ada.page.locator(".figures.outreach dd")).hasText(new String[] {all.get("sent").asText(),
        all.get("accepted").asText(), all.get("pending").asText(), all.get("withdrawn").asText(), rate(all)});
    Locator rows = ada.page.locator("table.outreach-figures tbody tr");
    for (int i = 0; i < 3; i++) {
      List<String> expected = List.of(row(warm, "Warm"), row(cold, "Cold"), row(all, "All")).get(i);
      assertThat(rows.nth(i).locator("th, td")).hasText(expected.toArray(String[]::new));
    }
    assertThat(ada.page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Acceptance rate: Warm "
        + rate(warm) + ", Cold " + rate(cold)))).isVisible();
    // The bars are 200 units at a rate of 1: warm's full, cold's a hairline at 0.
    assertThat(ada.page.locator(".chart.bars rect.bar-0")).hasAttribute("width", "200");
    assertThat(ada.page.locator(".chart.bars rect.bar-1")).hasAttribute("width", "1");

    JsonNode growth = analytics.get("growth");
    ada.page.getByText("Growth week by week").click();
    Locator weeks = ada.page.locator("table.growth tbody tr");
    assertThat(weeks).hasCount(growth.size());
    List<String> expected = new ArrayList<>();
    for (JsonNode week : growth) {
      expected.add(week.get("week").asText() + "+" + week.get("followersGained").asInt() + " / −"
          + week.get("followersLost").asInt() + "+" + week.get("connectionsGained").asInt() + " / −"
          + week.get("connectionsLost").asInt());
    }
    assertThat(weeks).hasText(expected.toArray(String[]::new));
    assertThat(growth.get(growth.size() - 1).get("connectionsGained").asInt()).isEqualTo(1);
  }

  @Test
  void X2_aProspect_showsWhyItIsThere_andIsInvitedFromThePage() {
    MemberBrowser ada = adasOutreach(1280);
    JsonNode prospects = server.call("GET", "/v1/me/prospects", ada.member.token(), null, 200).get("items");
    assertThat(prospects).hasSize(1);
    Locator items = ada.page.locator("ul.prospects > li");
    assertThat(items).hasCount(1);
    Locator dan = items.first();
    assertThat(dan.getByRole(AriaRole.LINK)).hasText(prospects.get(0).get("name").asText());
    assertThat(dan.locator(".reason")).containsText("left 1 reaction and 1 comment on their posts");

    dan.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Invite Dan Dawson to connect")).click();
    ada.confirm("Send invitation");
    assertThat(dan).hasText("Invitation sent to Dan Dawson.");
    assertThat(server.call("GET", "/v1/me/prospects", ada.member.token(), null, 200).get("items")).isEmpty();
    ada.open("/outreach");
    assertThat(ada.page.locator(".figures.outreach dd").first()).hasText("4");
  }

  @Test
  void outreach_atBothWidths_passesAxe_fitsTheScreen_isReachedWithTheKeyboard_andIsSavedAsScreenshots()
      throws IOException {
    Files.createDirectories(PagesIT.SCREENSHOTS);
    SoftAssertions softly = new SoftAssertions();
    for (int width : new int[] {1280, 390}) {
      MemberBrowser ada = adasOutreach(width);
      ada.page.getByText("Growth week by week").click();
      softly.assertThat(seriousViolations(ada.page)).as("outreach at %d px", width).isEmpty();
      softly.assertThat((Boolean) ada.page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
          .as("outreach fits %d px without scrolling sideways", width).isTrue();
      ada.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
          .setPath(PagesIT.SCREENSHOTS.resolve("outreach-" + width + ".png")));
      if (width == 1280) {
        softly.assertThat(controlsTabMisses(ada.page, "body")).as("controls not reached with Tab").isEmpty();
      }
    }
    softly.assertAll();
  }
}
