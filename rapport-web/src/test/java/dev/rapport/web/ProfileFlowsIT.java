package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.rapport.web.PageChecks.seriousViolations;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Company pages with their admins (CP1), skills and endorsements (E1) and recommendations (E2)
 * through the app's pages, each member in a browser of their own; every page passes axe and is
 * saved as a screenshot beside the others.
 */
class ProfileFlowsIT extends WebFixture {

  private static void screenshot(MemberBrowser browser, String name) {
    try {
      Files.createDirectories(PagesIT.SCREENSHOTS);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(seriousViolations(browser.page)).as(name).isEmpty();
    browser.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(PagesIT.SCREENSHOTS.resolve(name + ".png")));
  }

  @Test
  void CP1_aMemberCreatesAPage_addsAnAdmin_othersFollowIt_andTheLastAdminStays() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    MemberBrowser cyd = browser("cyd", "Cyd Charisse");
    String page = WebServer.unique("engines");

    ada.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pages")).click();
    ada.waitForPage();
    assertThat(ada.main()).containsText("You do not run a company page yet.");
    ada.page.getByLabel("Company name").fill("Analytical Engines");
    ada.page.getByLabel("Page handle").fill(page);
    ada.page.getByLabel("Headline (optional)").fill("Engines that weave algebra");
    ada.click("Create page");
    ada.page.waitForURL("**/company/" + page);
    assertThat(ada.page.locator("h1")).hasText("Analytical Engines");
    assertThat(ada.page.locator(".figure")).hasText("0 followers");
    assertThat(ada.page.locator("[aria-labelledby=admins-title]")).containsText("Ada Lovelace");

    ada.page.getByLabel("Add an admin by handle").fill(bob.member.handle());
    ada.click("Add admin");
    assertThat(ada.page.locator("[aria-labelledby=admins-title]")).containsText("Bob Babbage");
    screenshot(ada, "company-admin-1280");

    cyd.open("/company/" + page);
    assertThat(cyd.page.locator("[aria-labelledby=admins-title]")).hasCount(0);
    cyd.click("Follow");
    assertThat(cyd.page.locator(".figure")).hasText("1 follower");
    assertThat(cyd.button("Unfollow")).isVisible();
    screenshot(cyd, "company-follower-1280");
    // A page is followed, never connected: its handle under /in/ shows the page.
    cyd.open("/in/" + page);
    cyd.page.waitForURL("**/company/" + page);
    assertThat(cyd.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect"))).hasCount(0);

    bob.open("/companies");
    assertThat(bob.main()).containsText("Analytical Engines");
    screenshot(bob, "companies-1280");
    bob.open("/company/" + page);
    bob.button("Remove Ada Lovelace as admin").click();
    bob.confirm("Remove admin");
    assertThat(bob.page.locator("[aria-labelledby=admins-title]")).not().containsText("Ada Lovelace");
    bob.expectRefusal("/v1/companies/" + page + "/admins/" + bob.member.handle());
    bob.button("Remove Bob Babbage as admin").click();
    bob.confirm("Remove admin");
    assertThat(bob.page.getByRole(AriaRole.ALERT)).hasText(
        "A page always keeps an admin. Add another admin before removing the last one.");

    ada.open("/company/" + page);
    assertThat(ada.page.locator("[aria-labelledby=admins-title]")).hasCount(0);
  }

  @Test
  void E1_theMemberOrdersTheirSkills_connectionsEndorse_andOthersSeeHowManyOfTheirConnectionsDid() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    MemberBrowser cyd = browser("cyd", "Cyd Charisse");
    connect(ada.member, bob.member);
    connect(ada.member, cyd.member);
    connect(cyd.member, bob.member);

    ada.open("/in/" + ada.member.handle());
    assertThat(ada.main()).containsText("List your skills below");
    ada.page.getByLabel("Your skills, one per line, in the order to show them").fill("Mathematics\nProgramming\nPoetry");
    ada.click("Save skills");
    assertThat(ada.page.locator("#status")).containsText("Skills saved.");
    assertThat(ada.page.locator(".skill strong")).hasText(new String[] {"Mathematics", "Programming", "Poetry"});

    bob.open("/in/" + ada.member.handle());
    bob.button("Endorse Programming").click();
    assertThat(bob.button("Endorsed Programming")).hasAttribute("aria-pressed", "true");
    assertThat(bob.page.locator(".skill").nth(1)).containsText("1 endorsement");

    cyd.open("/in/" + ada.member.handle());
    assertThat(cyd.page.locator(".skill").nth(1)).containsText("1 of your connections endorsed this");
    assertThat(cyd.page.locator(".skill").nth(1)).containsText("Endorsed by Bob Babbage");
    screenshot(cyd, "profile-skills-1280");

    // Not a connection: no button to endorse (E1).
    MemberBrowser eveBrowser = browser("eve", "Eve Example");
    eveBrowser.open("/in/" + ada.member.handle());
    assertThat(eveBrowser.page.locator(".skill button")).hasCount(0);

    bob.button("Endorsed Programming").click();
    assertThat(bob.page.locator(".skill").nth(1)).containsText("0 endorsements");

    ada.open("/in/" + ada.member.handle());
    ada.page.getByLabel("Your skills, one per line, in the order to show them").fill("Poetry\nMathematics");
    ada.click("Save skills");
    assertThat(ada.page.locator(".skill strong")).hasText(new String[] {"Poetry", "Mathematics"});
  }

  @Test
  void E2_aConnectionRecommends_theRecipientApprovesHidesAndRemoves_andOnlyTheySeePendingOnes() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    MemberBrowser cyd = browser("cyd", "Cyd Charisse");
    connect(ada.member, bob.member);

    bob.open("/in/" + ada.member.handle());
    bob.click("Recommend Ada Lovelace");
    bob.page.getByLabel("How you know each other (optional)").fill("Worked together on the engine");
    bob.page.getByLabel("Your recommendation").fill("Ada sees further than anyone.\nShe writes the programs.");
    bob.click("Send recommendation");
    assertThat(bob.page.locator("#status")).containsText("Your recommendation is sent.");
    assertThat(bob.page.locator("[aria-labelledby=recommendations-title]")).containsText("No recommendations yet.");

    cyd.open("/in/" + ada.member.handle());
    assertThat(cyd.page.locator("[aria-labelledby=recommendations-title]")).containsText("No recommendations yet.");

    ada.open("/in/" + ada.member.handle());
    Locator section = ada.page.locator("[aria-labelledby=recommendations-title]");
    assertThat(section).containsText("Waiting for your approval");
    assertThat(section).containsText("Ada sees further than anyone.");
    screenshot(ada, "profile-recommendations-1280");
    ada.button("Approve the recommendation from Bob Babbage").click();
    assertThat(ada.page.locator("#status")).containsText("shown on your profile");

    cyd.open("/in/" + ada.member.handle());
    assertThat(cyd.page.locator("[aria-labelledby=recommendations-title]")).containsText("Worked together on the engine");

    ada.button("Hide the recommendation from Bob Babbage").click();
    assertThat(ada.page.locator("[aria-labelledby=recommendations-title]")).containsText("Hidden from your profile");
    cyd.open("/in/" + ada.member.handle());
    assertThat(cyd.page.locator("[aria-labelledby=recommendations-title]")).containsText("No recommendations yet.");

    ada.button("Remove the recommendation from Bob Babbage").click();
    ada.confirm("Remove");
    assertThat(ada.page.locator("[aria-labelledby=recommendations-title]")).containsText("No recommendations shown");
    assertThat(ada.page.locator("[aria-labelledby=recommendations-title]")).not().containsText("Hidden from your profile");
  }
}
