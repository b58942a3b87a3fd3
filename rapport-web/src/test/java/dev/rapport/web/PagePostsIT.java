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
 * Posting as a company page (CP1, P2) in the app: an admin posts from the page's view, a follower
 * finds it in the feed because they follow the page, and a member who runs no page sees no composer
 * there. The page passes axe and is saved as a screenshot beside the others.
 */
class PagePostsIT extends WebFixture {

  private static Locator post(MemberBrowser browser, String text) {
    return browser.page.locator("main article.post").filter(new Locator.FilterOptions().setHasText(text));
  }

  private static Locator edit(Locator post) {
    return post.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit").setExact(true));
  }

  @Test
  void CP1_P2_anAdminPostsAsThePage_aFollowerSeesItInTheFeed_andANonAdminHasNoComposer() throws IOException {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser cyd = browser("cyd", "Cyd Charisse");
    String page = WebServer.unique("engines");
    server.call("POST", "/v1/companies", ada.member.token(), WebServer.JSON.createObjectNode().put("handle", page)
        .put("name", "Analytical Engines").put("headline", "Engines that weave algebra").toString(), 201);
    server.call("PUT", "/v1/me/following/" + page, cyd.member.token(), null, 200);

    ada.open("/company/" + page);
    assertThat(ada.page.locator("#posts")).containsText("No posts yet.");
    ada.page.getByLabel("Start a post as Analytical Engines").fill("We are hiring engineers who love algebra.");
    ada.click("Post");
    Locator posted = post(ada, "We are hiring engineers");
    assertThat(posted.locator(".author-name")).hasText("Analytical Engines");
    assertThat(edit(posted)).hasCount(1);
    Files.createDirectories(PagesIT.SCREENSHOTS);
    assertThat(seriousViolations(ada.page)).as("company page with its posts").isEmpty();
    ada.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(PagesIT.SCREENSHOTS.resolve("company-posts-1280.png")));

    cyd.open("/feed");
    Locator seen = post(cyd, "We are hiring engineers");
    assertThat(seen.locator(".reason")).hasText("You follow Analytical Engines");
    assertThat(seen.locator(".author-name")).hasAttribute("href", "/company/" + page);
    assertThat(edit(seen)).hasCount(0);

    cyd.open("/company/" + page);
    assertThat(cyd.page.locator("#posts")).containsText("We are hiring engineers who love algebra.");
    assertThat(cyd.page.getByLabel("Start a post as Analytical Engines")).hasCount(0);
    assertThat(cyd.page.locator("form.composer")).hasCount(0);
    assertThat(edit(post(cyd, "We are hiring engineers"))).hasCount(0);
    assertThat(seriousViolations(cyd.page)).as("company page to a follower").isEmpty();
  }
}
