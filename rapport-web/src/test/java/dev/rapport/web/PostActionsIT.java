package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.rapport.web.FeedIT.post;
import static dev.rapport.web.FeedIT.postFromTheFeed;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * What members do with a post in the app (P2, P4), each in a browser of their own: react, change
 * and remove the reaction with the counts following; comment and delete comments (the writer, and
 * the post's author); edit, which shows "Edited" to everyone; delete, which takes the post from
 * every feed; and a member's posts on their profile as each viewer may see them.
 */
class PostActionsIT extends WebFixture {

  private static Locator button(Locator scope, String name) {
    return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator counts(Locator post) {
    return post.locator(".post-counts");
  }

  /** Ada posts from her feed to anyone; Bob, her connection, opens his feed. */
  private MemberBrowser[] adaPosts_andBobOpensHisFeed(String text) {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    connect(ada.member, bob.member);
    ada.open("/feed");
    postFromTheFeed(ada, text, "Anyone");
    bob.open("/feed");
    assertThat(post(bob, text)).hasCount(1);
    return new MemberBrowser[] {ada, bob};
  }

  @Test
  void P4_reacting_changing_andRemovingAReaction_updatesTheCountsPerKind() {
    MemberBrowser[] both = adaPosts_andBobOpensHisFeed("On the engine's mill and store.");
    MemberBrowser ada = both[0];
    MemberBrowser bob = both[1];
    Locator onBobs = post(bob, "mill and store");
    assertThat(counts(onBobs)).isHidden();

    button(onBobs, "Like").click();
    assertThat(counts(onBobs)).hasText("1 reaction: Like 1");
    Locator mine = button(onBobs, "Like: remove your reaction");
    assertThat(mine).hasAttribute("aria-pressed", "true");
    assertThat(mine).isFocused();

    button(onBobs, "React").click();
    Locator picker = onBobs.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Reactions"));
    assertThat(button(picker, "Like")).hasAttribute("aria-pressed", "true");
    button(picker, "Celebrate").click();
    assertThat(counts(onBobs)).hasText("1 reaction: Celebrate 1");
    assertThat(button(onBobs, "Celebrate: remove your reaction")).hasAttribute("aria-pressed", "true");

    ada.open("/feed");
    Locator onAdas = post(ada, "mill and store");
    assertThat(counts(onAdas)).hasText("1 reaction: Celebrate 1");
    button(onAdas, "React").click();
    button(onAdas.getByRole(AriaRole.GROUP), "Insightful").click();
    assertThat(counts(onAdas)).hasText("2 reactions: Celebrate 1 · Insightful 1");

    bob.open("/feed");
    assertThat(counts(onBobs)).hasText("2 reactions: Celebrate 1 · Insightful 1");
    button(onBobs, "Celebrate: remove your reaction").click();
    assertThat(counts(onBobs)).hasText("1 reaction: Insightful 1");
    assertThat(button(onBobs, "Like")).hasAttribute("aria-pressed", "false");
    assertThat(bob.announced()).isEqualTo("Reaction removed.");

    ada.open("/feed");
    button(onAdas, "React").click();
    button(onAdas.getByRole(AriaRole.GROUP), "Insightful").click();
    assertThat(counts(onAdas)).isHidden();
  }

  @Test
  void P4_commenting_andDeleting_byTheWriter_andByThePostsAuthor() {
    MemberBrowser[] both = adaPosts_andBobOpensHisFeed("Shall we call it programming?");
    MemberBrowser ada = both[0];
    MemberBrowser bob = both[1];
    MemberBrowser cyd = browser("cyd", "Cyd Charisse");
    connect(cyd.member, ada.member);

    Locator onBobs = post(bob, "call it programming");
    button(onBobs, "Comment").click();
    Locator box = onBobs.getByLabel("Add a comment");
    assertThat(box).isFocused();
    assertThat(onBobs.getByText("No comments yet.")).isVisible();
    box.fill("Yes, and the people who write it programmers.");
    assertThat(onBobs.getByText("45 of 1,250 characters")).isVisible();
    button(onBobs, "Post comment").click();
    assertThat(onBobs.locator(".comment")).hasCount(1);
    assertThat(onBobs.locator(".comment")).containsText("Bob Babbage");
    assertThat(counts(onBobs)).hasText("1 comment");
    box.fill("A second thought, to delete.");
    button(onBobs, "Post comment").click();
    assertThat(onBobs.locator(".comment")).hasCount(2);
    assertThat(counts(onBobs)).hasText("2 comments");
    assertThat(onBobs.locator(".comment").first()).containsText("Yes, and the people");

    button(onBobs.locator(".comment").last(), "Delete comment by Bob Babbage").click();
    bob.confirm("Delete");
    assertThat(onBobs.locator(".comment")).hasCount(1);
    assertThat(counts(onBobs)).hasText("1 comment");

    cyd.open("/feed");
    Locator onCyds = post(cyd, "call it programming");
    button(onCyds, "Comment").click();
    assertThat(onCyds.locator(".comment")).hasCount(1);
    assertThat(onCyds.locator(".comment button")).hasCount(0);

    ada.open("/feed");
    Locator onAdas = post(ada, "call it programming");
    assertThat(counts(onAdas)).hasText("1 comment");
    button(onAdas, "Comment").click();
    button(onAdas.locator(".comment"), "Delete comment by Bob Babbage").click();
    ada.confirm("Delete");
    assertThat(onAdas.locator(".comment")).hasCount(0);
    assertThat(onAdas.getByText("No comments yet.")).isVisible();
    assertThat(counts(onAdas)).isHidden();
  }

  @Test
  void P4_aCommentOverTheLimit_isCountedAndRefusedWithASentence() {
    MemberBrowser[] both = adaPosts_andBobOpensHisFeed("Long comments welcome, within reason.");
    MemberBrowser bob = both[1];
    Locator onBobs = post(bob, "within reason");
    bob.expectRefusal("/comments");
    button(onBobs, "Comment").click();
    onBobs.getByLabel("Add a comment").fill("y".repeat(1251));
    assertThat(onBobs.getByText("1,251 of 1,250 characters")).isVisible();
    button(onBobs, "Post comment").click();
    assertThat(onBobs.getByRole(AriaRole.ALERT)).containsText("1,250 characters");
    assertThat(onBobs.getByRole(AriaRole.ALERT)).not().containsText("{");
    assertThat(onBobs.locator(".comment")).hasCount(0);
  }

  @Test
  void P2_editing_showsEdited_toEveryone_andDeleting_removesThePostFromEveryFeed() {
    MemberBrowser[] both = adaPosts_andBobOpensHisFeed("The engine weaves algebraic patterns.");
    MemberBrowser ada = both[0];
    MemberBrowser bob = both[1];
    assertThat(button(post(bob, "algebraic patterns"), "Edit")).hasCount(0);
    assertThat(button(post(bob, "algebraic patterns"), "Delete")).hasCount(0);
    assertThat(post(bob, "algebraic patterns").locator(".edited")).hasCount(0);

    Locator onAdas = post(ada, "algebraic patterns");
    button(onAdas, "Edit").click();
    Locator field = ada.page.getByLabel("Edit your post");
    assertThat(field).isFocused();
    field.fill("The engine weaves algebraic patterns, as the loom weaves flowers.");
    button(ada.main(), "Save").click();
    Locator edited = post(ada, "as the loom weaves flowers");
    assertThat(edited.locator(".edited")).hasText("Edited");
    assertThat(ada.announced()).isEqualTo("Post updated.");

    bob.open("/feed");
    assertThat(post(bob, "as the loom weaves flowers").locator(".edited")).hasText("Edited");

    button(edited, "Delete").click();
    ada.confirm("Delete");
    assertThat(post(ada, "algebraic patterns")).hasCount(0);
    assertThat(ada.announced()).isEqualTo("Post deleted.");
    ada.open("/feed");
    assertThat(post(ada, "algebraic patterns")).hasCount(0);
    // Bob's page still shows the post he opened before; reacting to it now is refused in a sentence.
    bob.expectRefusal("/reactions/me");
    Locator stale = post(bob, "as the loom weaves flowers");
    button(stale, "Like").click();
    assertThat(stale.getByRole(AriaRole.ALERT)).hasText(
        "This post is no longer there: it was deleted, or you cannot see it.");
    bob.open("/feed");
    assertThat(post(bob, "algebraic patterns")).hasCount(0);
    bob.open("/in/" + ada.member.handle());
    assertThat(post(bob, "algebraic patterns")).hasCount(0);
  }

  @Test
  void P2_aMembersPosts_showOnTheirProfile_asEachViewerMaySeeThem() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    MemberBrowser cyd = browser("cyd", "Cyd Charisse");
    connect(ada.member, bob.member);
    ada.open("/feed");
    postFromTheFeed(ada, "A public note on the engine.", "Anyone");
    postFromTheFeed(ada, "A note for connections only.", "Connections only");

    ada.open("/in/" + ada.member.handle());
    Locator posts = ada.page.locator("#posts");
    assertThat(posts.locator("h2").first()).hasText("Your posts");
    assertThat(posts.locator("article.post")).hasCount(2);
    assertThat(posts.locator("article.post").first()).containsText("A note for connections only.");

    bob.open("/in/" + ada.member.handle());
    assertThat(bob.page.locator("#posts h2").first()).hasText("Ada Lovelace's posts");
    assertThat(bob.page.locator("#posts article.post")).hasCount(2);

    cyd.open("/in/" + ada.member.handle());
    assertThat(cyd.page.locator("#posts article.post")).hasCount(1);
    assertThat(cyd.page.locator("#posts")).containsText("A public note on the engine.");
    assertThat(cyd.page.locator("#posts")).not().containsText("connections only");
    button(post(cyd, "A public note"), "Like").click();
    assertThat(counts(post(cyd, "A public note"))).hasText("1 reaction: Like 1");

    cyd.open("/in/" + cyd.member.handle());
    assertThat(cyd.page.locator("#posts")).containsText("No posts yet.");
  }
}
