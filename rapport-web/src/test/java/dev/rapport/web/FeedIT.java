package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.rapport.web.PageChecks.controlsTabMisses;
import static dev.rapport.web.PageChecks.seriousViolations;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.rapport.Rapport;
import dev.rapport.model.Handle;
import dev.rapport.model.PostVisibility;
import java.io.IOException;
import java.nio.file.Files;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The feed, the home page after signing in (P2, P3): members post from its composer to anyone or to
 * their connections, followers and connections see what they may in both orders with the reason
 * of each item, and the feed at both widths passes axe-core, is reached with the keyboard and is
 * saved as screenshots.
 */
class FeedIT extends WebFixture {

  /** Writes a post from the feed's composer with this visibility and waits until it is on top of the feed. */
  static void postFromTheFeed(MemberBrowser author, String text, String visibility) {
    author.page.getByLabel("Start a post").fill(text);
    author.page.getByLabel(visibility, new Page.GetByLabelOptions().setExact(true)).check();
    author.click("Post");
    assertThat(author.page.locator("main article.post").first()).containsText(text);
  }

  /** The post holding this text on the member's page. */
  static Locator post(MemberBrowser browser, String text) {
    return browser.page.locator("main article.post").filter(new Locator.FilterOptions().setHasText(text));
  }

  void follow(WebServer.Member follower, WebServer.Member followee) {
    server.call("PUT", "/v1/me/following/" + followee.handle(), follower.token(), null, 200);
  }

  static String postJson(String text, String visibility) {
    return WebServer.JSON.createObjectNode().put("text", text).put("visibility", visibility).toString();
  }

  String postAs(WebServer.Member author, String text, String visibility) {
    return server.call("POST", "/v1/posts", author.token(), postJson(text, visibility), 201).get("id").asText();
  }

  @Test
  void P2_F2_aPublicPost_reachesAFollower_andAConnectionsPost_onlyAConnection() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    MemberBrowser cyd = browser("cyd", "Cyd Charisse");
    connect(ada.member, bob.member);
    follow(cyd.member, ada.member);

    assertThat(ada.page).hasURL(server.base + "/feed");
    assertThat(ada.page.locator("#nav [aria-current=page]")).hasText("Home");
    ada.page.getByLabel("Start a post").fill("The engine computes Bernoulli numbers.");
    assertThat(ada.page.getByText("38 of 3,000 characters")).isVisible();
    postFromTheFeed(ada, "The engine computes Bernoulli numbers.", "Anyone");
    postFromTheFeed(ada, "For my connections: notes on the engine.", "Connections only");
    assertThat(ada.page.getByText("0 of 3,000 characters")).isVisible();
    assertThat(post(ada, "For my connections").locator(".visibility")).hasText("Connections only");
    assertThat(post(ada, "Bernoulli").locator(".visibility")).hasText("Anyone");
    assertThat(post(ada, "Bernoulli").locator(".reason")).hasText("Your post");

    cyd.open("/feed");
    assertThat(post(cyd, "Bernoulli").locator(".reason")).hasText("You follow Ada Lovelace");
    assertThat(post(cyd, "For my connections")).hasCount(0);
    cyd.open("/feed?order=top");
    assertThat(post(cyd, "Bernoulli")).hasCount(1);
    assertThat(post(cyd, "For my connections")).hasCount(0);

    bob.open("/feed");
    assertThat(post(bob, "For my connections").locator(".reason")).hasText("Your connection Ada Lovelace");
    assertThat(post(bob, "Bernoulli")).hasCount(1);
    assertThat(bob.page.locator("main article.post").first()).containsText("For my connections");
  }

  @Test
  void P3_bothOrders_sayWhyEachPostIsThere_andTopAddsWhatConnectionsReactedTo() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    WebServer.Member dan = server.member(WebServer.unique("dan"), "Dan Dawson");
    WebServer.Member eve = server.member(WebServer.unique("eve"), "Eve Ellis");
    connect(ada.member, bob);
    follow(ada.member, dan);
    String dansPost = postAs(dan, "Dan on difference engines.", "anyone");
    String evesPost = postAs(eve, "Eve asks: who has read the Sketch?", "anyone");
    String evesOther = postAs(eve, "Eve on punched cards.", "anyone");
    postAs(bob, "Bob's own news.", "anyone");
    server.call("PUT", "/v1/posts/" + evesPost + "/reactions/me", bob.token(), "{\"kind\":\"insightful\"}", 200);
    server.call("POST", "/v1/posts/" + evesOther + "/comments", bob.token(), "{\"text\":\"I have.\"}", 201);
    server.call("PUT", "/v1/posts/" + dansPost + "/reactions/me", bob.token(), "{\"kind\":\"like\"}", 200);

    ada.open("/feed");
    assertThat(ada.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Recent"))).hasAttribute(
        "aria-current", "page");
    assertThat(post(ada, "Dan on difference engines.").locator(".reason")).hasText("You follow Dan Dawson");
    assertThat(post(ada, "Bob's own news.").locator(".reason")).hasText("Your connection Bob Babbage");
    assertThat(post(ada, "Eve asks")).hasCount(0);
    assertThat(post(ada, "punched cards")).hasCount(0);

    ada.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Top")).click();
    assertThat(ada.page).hasURL(server.base + "/feed?order=top");
    assertThat(ada.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Top"))).hasAttribute(
        "aria-current", "page");
    assertThat(post(ada, "Eve asks").locator(".reason")).hasText("Bob Babbage reacted to this");
    assertThat(post(ada, "punched cards").locator(".reason")).hasText("Bob Babbage commented on this");
    assertThat(post(ada, "Dan on difference engines.")).hasCount(1);
    assertThat(post(ada, "Bob's own news.")).hasCount(1);
    assertThat(ada.main().locator("article.post")).hasCount(4);

    ada.page.reload();
    ada.waitForPage();
    assertThat(ada.page).hasURL(server.base + "/feed?order=top");
    assertThat(post(ada, "Eve asks").locator(".reason")).hasText("Bob Babbage reacted to this");
  }

  @Test
  void P3_CP1_aPagesPosts_reachItsFollowers_withTheReasonPage_andShowOnItsPage() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    String acme = WebServer.unique("acme");
    server.call("POST", "/v1/members", WebServer.ADMIN,
        "{\"handle\":\"%s\",\"name\":\"Acme Analytics\",\"kind\":\"company\"}".formatted(acme), 201);
    follow(ada.member, new WebServer.Member(acme, "Acme Analytics", null, null, null));
    // The engine's own path for the operator posts as the page here; PagePostsIT posts through an admin (CP1).
    Rapport rapport = server.server.rapport();
    rapport.content().post(rapport.member(Handle.of(acme)).orElseThrow().id(), "Acme is hiring engineers.",
        PostVisibility.ANYONE);

    ada.open("/feed");
    Locator hiring = post(ada, "Acme is hiring");
    assertThat(hiring.locator(".reason")).hasText("You follow Acme Analytics");
    assertThat(hiring.locator(".reason a")).hasAttribute("href", "/company/" + acme);
    assertThat(hiring.locator(".author-name")).hasAttribute("href", "/company/" + acme);
    assertThat(hiring.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit"))).hasCount(0);

    ada.open("/in/" + acme);
    assertThat(ada.page.locator("#posts h2").first()).hasText("Acme Analytics's posts");
    assertThat(ada.page.locator("#posts")).containsText("Acme is hiring engineers.");
  }

  @Test
  void B2_afterABlock_neitherSeesTheOthersPosts_norTheirComments() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    WebServer.Member dan = server.member(WebServer.unique("dan"), "Dan Dawson");
    connect(ada.member, bob);
    follow(ada.member, dan);
    postAs(bob, "Bob's post, soon out of sight.", "anyone");
    String dansPost = postAs(dan, "Dan's post stays.", "anyone");
    server.call("POST", "/v1/posts/" + dansPost + "/comments", bob.token(), "{\"text\":\"Bob's comment.\"}", 201);
    ada.open("/feed");
    assertThat(post(ada, "Bob's post")).hasCount(1);

    server.call("PUT", "/v1/me/blocks/" + ada.member.handle(), bob.token(), null, 200);
    ada.open("/feed");
    assertThat(post(ada, "Dan's post stays.")).hasCount(1);
    assertThat(post(ada, "Bob's post")).hasCount(0);
    Locator dans = post(ada, "Dan's post stays.");
    assertThat(dans.locator(".post-counts")).isHidden();
    dans.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Comment").setExact(true)).click();
    assertThat(dans.getByText("No comments yet.")).isVisible();
    ada.open("/feed?order=top");
    assertThat(post(ada, "Bob's post")).hasCount(0);
  }

  @Test
  void P3_showMore_readsTheNextPage_byCursor_withoutRepeats() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    WebServer.Member dan = server.member(WebServer.unique("dan"), "Dan Dawson");
    follow(ada.member, dan);
    for (int i = 1; i <= 23; i++) {
      postAs(dan, "Dan's note number " + i + ".", "anyone");
    }
    ada.open("/feed");
    assertThat(ada.main().locator("article.post")).hasCount(20);
    assertThat(ada.main().locator("article.post").first()).containsText("Dan's note number 23.");
    ada.click("Show more posts");
    assertThat(ada.main().locator("article.post")).hasCount(23);
    assertThat(ada.main().locator("article.post").last()).containsText("Dan's note number 1.");
    assertThat(ada.button("Show more posts")).isHidden();
    for (int i = 1; i <= 23; i++) {
      assertThat(post(ada, "Dan's note number " + i + ".")).hasCount(1);
    }
  }

  @Test
  void P2_aPostOverTheLimit_isCountedAndRefusedWithASentence_andNothingIsPosted() {
    MemberBrowser ada = browser("ada", "Ada Lovelace").expectRefusal("/v1/posts");
    ada.page.getByLabel("Start a post").fill("x".repeat(3001));
    assertThat(ada.page.getByText("3,001 of 3,000 characters")).isVisible();
    ada.click("Post");
    Locator alert = ada.page.getByRole(AriaRole.ALERT);
    assertThat(alert).containsText("3,000 characters");
    assertThat(alert).not().containsText("{");
    ada.page.getByLabel("Start a post").fill("   ");
    ada.click("Post");
    assertThat(ada.page.getByRole(AriaRole.ALERT)).isVisible();
    assertThat(ada.main().locator("article.post")).hasCount(0);
    assertThat(server.call("GET", "/v1/members/" + ada.member.handle() + "/posts", ada.member.token(), null, 200)
        .get("items")).isEmpty();
  }

  /** A feed with something in each part: reasons of every kind, reactions, a comment thread open. */
  private MemberBrowser aLivelyFeed(int width) {
    MemberBrowser ada = browser("ada", "Ada Lovelace", width);
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    WebServer.Member dan = server.member(WebServer.unique("dan"), "Dan Dawson");
    WebServer.Member eve = server.member(WebServer.unique("eve"), "Eve Ellis");
    connect(ada.member, bob);
    follow(ada.member, dan);
    String evesPost = postAs(eve, "Which programme should the engine run first? Ideas welcome.", "anyone");
    server.call("POST", "/v1/posts/" + evesPost + "/comments", bob.token(), "{\"text\":\"The Bernoulli numbers.\"}", 201);
    String dansPost = postAs(dan, "Difference engine No. 2 is finished, 8,000 parts and all.", "anyone");
    String bobsPost = postAs(bob, "Only for my connections: the workshop moves to Thursday.", "connections");
    for (String kind : new String[] {"celebrate", "like"}) {
      WebServer.Member fan = server.member(WebServer.unique("fan"), "A Fan");
      server.call("PUT", "/v1/posts/" + dansPost + "/reactions/me", fan.token(), "{\"kind\":\"" + kind + "\"}", 200);
    }
    server.call("PUT", "/v1/posts/" + bobsPost + "/reactions/me", ada.member.token(), "{\"kind\":\"support\"}", 200);
    ada.open("/feed");
    postFromTheFeed(ada, "Notes on the Analytical Engine, part one.", "Anyone");
    return ada;
  }

  @Test
  void feed_bothOrders_atBothWidths_passAxe_fitTheScreen_andAreSavedAsScreenshots() throws IOException {
    Files.createDirectories(PagesIT.SCREENSHOTS);
    SoftAssertions softly = new SoftAssertions();
    for (int width : new int[] {1280, 390}) {
      MemberBrowser ada = aLivelyFeed(width);
      for (String order : new String[] {"recent", "top"}) {
        ada.open("/feed?order=" + order);
        Locator eves = post(ada, "Which programme");
        if (order.equals("top")) {
          eves.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Comment").setExact(true)).click();
          assertThat(eves.locator(".comment")).hasCount(1);
        }
        softly.assertThat(seriousViolations(ada.page)).as("feed %s at %d px", order, width).isEmpty();
        softly.assertThat((Boolean) ada.page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
            .as("feed %s fits %d px without scrolling sideways", order, width).isTrue();
        ada.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
            .setPath(PagesIT.SCREENSHOTS.resolve("feed-" + order + "-" + width + ".png")));
      }
      Locator dans = post(ada, "Difference engine");
      dans.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React").setExact(true)).click();
      softly.assertThat(seriousViolations(ada.page)).as("reaction picker at %d px", width).isEmpty();
      softly.assertThat((Boolean) ada.page.evaluate("document.documentElement.scrollWidth <= innerWidth"))
          .as("reaction picker fits %d px", width).isTrue();
      ada.page.screenshot(new Page.ScreenshotOptions()
          .setPath(PagesIT.SCREENSHOTS.resolve("feed-reactions-" + width + ".png")));
    }
    softly.assertAll();
  }

  @Test
  void feed_everyControl_isReachedWithTheKeyboard_andAReactionIsChosenWithKeysAlone() {
    MemberBrowser ada = aLivelyFeed(1280);
    ada.open("/feed?order=top");
    post(ada, "Which programme").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Comment").setExact(true)).click();
    assertThat(controlsTabMisses(ada.page, "body")).as("controls of the feed not reached with Tab").isEmpty();

    Locator dans = post(ada, "Difference engine");
    dans.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React").setExact(true)).focus();
    ada.page.keyboard().press("Enter");
    Locator picker = dans.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Reactions"));
    assertThat(picker.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Like").setExact(true))).isFocused();
    ada.page.keyboard().press("Tab");
    ada.page.keyboard().press("Enter");
    assertThat(dans.locator(".post-counts")).containsText("3 reactions");
    assertThat(dans.locator(".post-counts")).containsText("Celebrate 2");
    assertThat(dans.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Celebrate: remove your reaction")))
        .isFocused();
    dans.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React").setExact(true)).click();
    ada.page.keyboard().press("Escape");
    assertThat(picker).isHidden();
    assertThat(dans.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React").setExact(true))).isFocused();
  }
}
