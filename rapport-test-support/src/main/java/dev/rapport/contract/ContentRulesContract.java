package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.Rapport;
import dev.rapport.content.PostView;
import dev.rapport.feed.FeedItem;
import dev.rapport.feed.FeedOrder;
import dev.rapport.feed.FeedReason;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.problem.RapportException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Posts, reactions, comments and the feed (P2, P3, P4, B2), through the facade against a real store. */
public abstract class ContentRulesContract extends RulesContract {

  private List<Long> feed(long viewer, FeedOrder order) {
    return rapport.content().feed(viewer, order, PageRequest.first(100)).items().stream()
        .map(i -> i.post().post().id()).toList();
  }

  private List<Long> postsOf(long viewer, String author) {
    return rapport.content().postsOf(viewer, h(author), PageRequest.first(100)).items().stream()
        .map(v -> v.post().id()).toList();
  }

  private boolean seesById(long viewer, long post) {
    try {
      rapport.content().post(viewer, post);
      return true;
    } catch (RapportException e) {
      assertThat(e.type()).isEqualTo("post-not-found");
      return false;
    }
  }

  /** P2, P3, B2, exhaustively: each relation of a viewer to an author, each visibility, every way to read a post. */
  @Test
  void P2_P3_B2_whoSeesAPost_byRelation_inEveryPlace() {
    long author = member("author");
    long connected = member("connected");
    long follower = member("follower");
    long followedBy = member("followed-by");
    long stranger = member("stranger");
    long blockedBy = member("blocked-by");
    long blocker = member("blocker");
    long unfollowed = member("unfollowed");
    connect(author, "author", connected, "connected");
    connect(author, "author", unfollowed, "unfollowed");
    rapport.unfollow(unfollowed, h("author"));
    rapport.follow(follower, h("author"));
    rapport.follow(author, h("followed-by"));
    rapport.follow(blockedBy, h("author"));
    rapport.follow(blocker, h("author"));
    rapport.block(author, h("blocked-by"));
    rapport.block(blocker, h("author"));
    long open = rapport.content().post(author, "For anyone", PostVisibility.ANYONE).post().id();
    long closed = rapport.content().post(author, "For connections", PostVisibility.CONNECTIONS).post().id();
    // Engaged with by members who are nobody else's connections, so that top brings them to nobody new.
    rapport.content().comment(follower, open, "First");
    rapport.content().react(connected, closed, ReactionKind.LIKE);

    // viewer -> {sees anyone post, sees connections post, has them in the feed}
    record Expect(long viewer, boolean open, boolean closed, boolean inFeed) {}
    Map<String, Expect> cases = Map.of(
        "self", new Expect(author, true, true, true),
        "connected", new Expect(connected, true, true, true),
        "following only", new Expect(follower, true, false, true),
        "followed by only", new Expect(followedBy, true, false, false),
        "none", new Expect(stranger, true, false, false),
        "unfollowed connection", new Expect(unfollowed, true, true, false),
        "blocked by the author", new Expect(blockedBy, false, false, false),
        "blocking the author", new Expect(blocker, false, false, false));
    SoftAssertions softly = new SoftAssertions();
    cases.forEach((relation, e) -> {
      softly.assertThat(seesById(e.viewer(), open)).as(relation + ": anyone post by id").isEqualTo(e.open());
      softly.assertThat(seesById(e.viewer(), closed)).as(relation + ": connections post by id").isEqualTo(e.closed());
      for (FeedOrder order : FeedOrder.values()) {
        List<Long> feed = feed(e.viewer(), order);
        softly.assertThat(feed.contains(open)).as(relation + ": anyone post in " + order).isEqualTo(e.inFeed() && e.open());
        softly.assertThat(feed.contains(closed)).as(relation + ": connections post in " + order)
            .isEqualTo(e.inFeed() && e.closed());
      }
      if (e.open()) {
        List<Long> listed = postsOf(e.viewer(), "author");
        softly.assertThat(listed.contains(open)).as(relation + ": author's page").isTrue();
        softly.assertThat(listed.contains(closed)).as(relation + ": author's page, connections").isEqualTo(e.closed());
        softly.assertThat(rapport.content().comments(e.viewer(), open, PageRequest.first(10)).items()).hasSize(1);
      } else {
        softly.assertThatThrownBy(() -> postsOf(e.viewer(), "author")).as(relation + ": author's page")
            .satisfies(x -> assertThat(((RapportException) x).type()).isEqualTo("member-not-found"));
        softly.assertThatThrownBy(() -> rapport.content().comments(e.viewer(), open, PageRequest.first(10)))
            .as(relation + ": comments").satisfies(x -> assertThat(((RapportException) x).type())
                .isEqualTo("post-not-found"));
        softly.assertThatThrownBy(() -> rapport.content().react(e.viewer(), open, ReactionKind.LOVE))
            .as(relation + ": react").satisfies(x -> assertThat(((RapportException) x).type())
                .isEqualTo("post-not-found"));
      }
      for (long post : List.of(open, closed)) {
        boolean sees = post == open ? e.open() : e.closed();
        String what = relation + (post == open ? ": anyone post's " : ": connections post's ");
        if (sees) {
          softly.assertThat(rapport.content().reactions(e.viewer(), post, Optional.empty(), PageRequest.first(10))
              .items()).as(what + "reactions").hasSize(post == closed ? 1 : 0);
          softly.assertThat(rapport.content().comments(e.viewer(), post, PageRequest.first(10)).items())
              .as(what + "comments").hasSize(post == open ? 1 : 0);
        } else {
          softly.assertThatThrownBy(() -> rapport.content().reactions(e.viewer(), post, Optional.empty(),
              PageRequest.first(10))).as(what + "reactions")
              .satisfies(x -> assertThat(((RapportException) x).type()).isEqualTo("post-not-found"));
          softly.assertThatThrownBy(() -> rapport.content().comment(e.viewer(), post, "Hi")).as(what + "comment")
              .satisfies(x -> assertThat(((RapportException) x).type()).isEqualTo("post-not-found"));
          softly.assertThatThrownBy(() -> rapport.content().react(e.viewer(), post, ReactionKind.LIKE))
              .as(what + "reaction").satisfies(x -> assertThat(((RapportException) x).type())
                  .isEqualTo("post-not-found"));
        }
      }
    });
    softly.assertAll();
  }

  @Test
  void P3_pagePosts_reachFollowers_withReasonPage() {
    long fan = member("fan");
    long passerby = member("passerby");
    long acme = rapport.createMember(new NewMember(Handle.of("acme"), MemberKind.COMPANY, "Acme", "", Optional.empty(),
        Optional.empty())).member().id();
    rapport.follow(fan, h("acme"));
    long post = rapport.content().post(acme, "We are hiring", PostVisibility.ANYONE).post().id();
    FeedItem item = rapport.content().feed(fan, FeedOrder.RECENT, PageRequest.first(20)).items().getFirst();
    assertThat(item.post().post().id()).isEqualTo(post);
    assertThat(item.reason()).isEqualTo(FeedReason.Kind.PAGE);
    assertThat(item.post().author().isCompany()).isTrue();
    // A page's posts are for anyone: read by id and on its page by all, in the feed of its followers only.
    assertThat(seesById(passerby, post)).isTrue();
    assertThat(postsOf(passerby, "acme")).containsExactly(post);
    assertThat(feed(passerby, FeedOrder.RECENT)).isEmpty();
    assertThat(feed(passerby, FeedOrder.TOP)).isEmpty();
    rapport.unfollow(fan, h("acme"));
    assertThat(feed(fan, FeedOrder.RECENT)).isEmpty();
  }

  @Test
  void P3_top_bringsPostsConnectionsEngagedWith_sayingWho() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    long post = rapport.content().post(cyd, "Far away", PostVisibility.ANYONE).post().id();
    assertThat(feed(ada, FeedOrder.TOP)).doesNotContain(post);
    rapport.content().react(bob, post, ReactionKind.INSIGHTFUL);
    FeedItem item = rapport.content().feed(ada, FeedOrder.TOP, PageRequest.first(20)).items().stream()
        .filter(i -> i.post().post().id() == post).findFirst().orElseThrow();
    assertThat(item.reason()).isEqualTo(FeedReason.Kind.CONNECTION_REACTED);
    assertThat(item.by().orElseThrow().id()).isEqualTo(bob);
    assertThat(item.score()).isPresent();
    assertThat(feed(ada, FeedOrder.RECENT)).doesNotContain(post);
    rapport.content().comment(bob, post, "Worth a read");
    assertThat(rapport.content().feed(ada, FeedOrder.TOP, PageRequest.first(20)).items().stream()
        .filter(i -> i.post().post().id() == post).findFirst().orElseThrow().reason())
        .isEqualTo(FeedReason.Kind.CONNECTION_COMMENTED);
    rapport.content().unreact(bob, post);
    long comment = rapport.content().comments(ada, post, PageRequest.first(5)).items().getFirst().comment().id();
    rapport.content().deleteComment(cyd, post, comment);
    assertThat(feed(ada, FeedOrder.TOP)).doesNotContain(post);
  }

  @Test
  void P3_aRestart_rebuildsTheFeedIndexFromTheStore_withTheSameFeeds() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    rapport.follow(ada, h("cyd"));
    rapport.content().post(bob, "One", PostVisibility.CONNECTIONS);
    long gone = rapport.content().post(cyd, "Two", PostVisibility.ANYONE).post().id();
    rapport.content().post(cyd, "Three", PostVisibility.ANYONE);
    long far = rapport.content().post(member("dan"), "Far", PostVisibility.ANYONE).post().id();
    rapport.content().react(bob, far, ReactionKind.SUPPORT);
    rapport.content().comment(bob, far, "Read this");
    rapport.content().delete(cyd, gone);
    List<FeedItem> recent = rapport.content().feed(ada, FeedOrder.RECENT, PageRequest.first(20)).items();
    List<FeedItem> top = rapport.content().feed(ada, FeedOrder.TOP, PageRequest.first(20)).items();
    assertThat(top).hasSize(3);

    usePolicy(dev.rapport.kernel.Policy.defaults()); // a new engine on the same store: its index is loaded from it
    assertThat(rapport.content().feed(ada, FeedOrder.RECENT, PageRequest.first(20)).items()).isEqualTo(recent);
    assertThat(rapport.content().feed(ada, FeedOrder.TOP, PageRequest.first(20)).items()).isEqualTo(top);
  }

  @Test
  void P4_reactions_oneEachChangeable_andCountsPerKind() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long post = rapport.content().post(ada, "Counting", PostVisibility.ANYONE).post().id();
    rapport.content().react(bob, post, ReactionKind.LIKE);
    rapport.content().react(cyd, post, ReactionKind.LIKE);
    PostView changed = rapport.content().react(bob, post, ReactionKind.CELEBRATE);
    assertThat(changed.myReaction()).contains(ReactionKind.CELEBRATE);
    assertThat(changed.post().counts().of(ReactionKind.LIKE)).isEqualTo(1);
    assertThat(changed.post().counts().of(ReactionKind.CELEBRATE)).isEqualTo(1);
    assertThat(changed.post().counts().reactionTotal()).isEqualTo(2);
    assertThat(rapport.content().react(bob, post, ReactionKind.CELEBRATE).post().counts().reactionTotal()).isEqualTo(2);
    PostView gone = rapport.content().unreact(cyd, post);
    assertThat(gone.myReaction()).isEmpty();
    assertThat(rapport.content().unreact(cyd, post).post().counts().reactionTotal()).isEqualTo(1);
    assertThat(rapport.content().reactions(ada, post, Optional.of(ReactionKind.CELEBRATE), PageRequest.first(10))
        .items()).extracting(r -> r.member().id()).containsExactly(bob);
  }

  @Test
  void P4_comments_deletedByWriterOrPostAuthor_only_andCounted() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long post = rapport.content().post(ada, "Discuss", PostVisibility.ANYONE).post().id();
    long first = rapport.content().comment(bob, post, "One").comment().id();
    long second = rapport.content().comment(cyd, post, "Two").comment().id();
    assertThat(rapport.content().post(ada, post).post().counts().comments()).isEqualTo(2);
    assertThatThrownBy(() -> rapport.content().deleteComment(cyd, post, first))
        .satisfies(x -> assertThat(((RapportException) x).type()).isEqualTo("not-comment-writer"));
    rapport.content().deleteComment(bob, post, first);
    rapport.content().deleteComment(ada, post, second);
    assertThat(rapport.content().post(ada, post).post().counts().comments()).isZero();
    assertThat(rapport.content().comments(bob, post, PageRequest.first(10)).items()).isEmpty();
  }

  private PostView firstOfFeed(long viewer) {
    return rapport.content().feed(viewer, FeedOrder.RECENT, PageRequest.first(20)).items().getFirst().post();
  }

  /**
   * The feed's first page is answered from memory once read: what changes a post afterwards shows
   * in the viewer's next page at once, including a comment its writer deletes (whose event names
   * neither the post's author nor the viewer) and a reaction by a member the viewer blocks (B2).
   */
  @Test
  void P4_B2_theFeedsRememberedPage_showsEveryLaterChangeToItsPosts_atOnce() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    rapport.follow(cyd, h("ada"));
    long post = rapport.content().post(ada, "Remember me", PostVisibility.ANYONE).post().id();
    long comment = rapport.content().comment(bob, post, "Noted").comment().id();
    rapport.block(cyd, h("dan"));
    assertThat(firstOfFeed(cyd).post().counts().comments()).isEqualTo(1);
    assertThat(firstOfFeed(cyd).myReaction()).isEmpty();

    rapport.content().deleteComment(bob, post, comment);
    assertThat(firstOfFeed(cyd).post().counts().comments()).as("the writer deleted their comment").isZero();
    rapport.content().react(cyd, post, ReactionKind.INSIGHTFUL);
    assertThat(firstOfFeed(cyd).myReaction()).as("the viewer's own reaction").contains(ReactionKind.INSIGHTFUL);
    rapport.content().react(dan, post, ReactionKind.LIKE);
    assertThat(firstOfFeed(cyd).post().counts().reactionTotal()).as("a blocked member's reaction is hidden").isEqualTo(1);
    assertThat(firstOfFeed(ada).post().counts().reactionTotal()).isEqualTo(2);
    rapport.content().edit(ada, post, "Remembered");
    assertThat(firstOfFeed(cyd).post().text()).isEqualTo("Remembered");
    rapport.unfollow(cyd, h("ada"));
    assertThat(rapport.content().feed(cyd, FeedOrder.RECENT, PageRequest.first(20)).items()).isEmpty();
  }

  /**
   * Whom a feed reads, its posts and the viewer's reactions are remembered apart: a followed
   * author's post, or the viewer's own reaction, leaves whom the feed reads as it was and the next
   * page shows the post first with every other post's counts and reaction as they are; a profile
   * change, a setting that hides a follow (F5) and a block each change the next page at once
   * (docs/decisions/0031-a-post-changes-its-own-answers.md).
   */
  @Test
  void P3_F5_B2_theFeedsRememberedAuthors_holdAcrossPosts_andChangeWithAProfileASettingOrABlock() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    rapport.follow(cyd, h("ada"));
    rapport.follow(cyd, h("bob"));
    long first = rapport.content().post(ada, "First", PostVisibility.ANYONE).post().id();
    long second = rapport.content().post(bob, "Second", PostVisibility.ANYONE).post().id();
    assertThat(feed(cyd, FeedOrder.RECENT)).containsExactly(second, first);

    rapport.content().react(cyd, first, ReactionKind.LIKE);
    long third = rapport.content().post(ada, "Third", PostVisibility.ANYONE).post().id();
    List<FeedItem> page = rapport.content().feed(cyd, FeedOrder.RECENT, PageRequest.first(20)).items();
    assertThat(page).extracting(i -> i.post().post().id()).containsExactly(third, second, first);
    assertThat(page.get(0).post().myReaction()).as("the new post").isEmpty();
    assertThat(page.get(2).post().myReaction()).as("the viewer's reaction to the author's older post").contains(
        ReactionKind.LIKE);
    rapport.content().react(bob, first, ReactionKind.CELEBRATE);
    assertThat(rapport.content().feed(cyd, FeedOrder.RECENT, PageRequest.first(20)).items().get(2).post().post()
        .counts().reactionTotal()).as("a reaction to one of the author's posts").isEqualTo(2);

    rapport.updateMe(bob, new ProfileUpdate(Optional.of("Bob Renamed"), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(rapport.content().feed(cyd, FeedOrder.RECENT, PageRequest.first(20)).items().get(1).post().author()
        .name()).isEqualTo("Bob Renamed");
    rapport.updateMe(ada, ProfileUpdate.none().withWhoCanFollow(WhoCanFollow.CONNECTIONS));
    assertThat(feed(cyd, FeedOrder.RECENT)).as("F5 hides cyd's follow of ada").containsExactly(second);
    rapport.block(cyd, h("bob"));
    assertThat(feed(cyd, FeedOrder.RECENT)).isEmpty();
  }

  /**
   * A remembered first page made again from what changed: a post of one author joins it, and a
   * deletion that empties it brings the other author's older post back as the page's next, with
   * the cursor to it (docs/decisions/0031-a-post-changes-its-own-answers.md).
   */
  @Test
  void P3_theRememberedFirstPage_afterAPostOrADeletion_isTheWholeFeedsFirstPage() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    rapport.follow(cyd, h("ada"));
    rapport.follow(cyd, h("bob"));
    long oldest = rapport.content().post(ada, "Oldest", PostVisibility.ANYONE).post().id();
    long middle = rapport.content().post(bob, "Middle", PostVisibility.ANYONE).post().id();
    long newest = rapport.content().post(bob, "Newest", PostVisibility.ANYONE).post().id();
    assertThat(firstPage(cyd, 1)).containsExactly(newest);

    rapport.content().delete(bob, newest);
    Page<FeedItem> first = rapport.content().feed(cyd, FeedOrder.RECENT, PageRequest.first(1));
    assertThat(first.items()).extracting(i -> i.post().post().id()).containsExactly(middle);
    assertThat(first.next()).as("a cursor to ada's post").isPresent();
    assertThat(rapport.content().feed(cyd, FeedOrder.RECENT, new PageRequest(1, first.next())).items())
        .extracting(i -> i.post().post().id()).containsExactly(oldest);

    long newer = rapport.content().post(ada, "Newer", PostVisibility.ANYONE).post().id();
    assertThat(firstPage(cyd, 1)).containsExactly(newer);
    assertThat(feed(cyd, FeedOrder.RECENT)).containsExactly(newer, middle, oldest);
  }

  /**
   * A remembered first page keeps the items nothing changed and makes the others again: after a
   * post, a reaction, an edit, a blocked member's comment (B2) and the viewer's own reaction, alone
   * and together, it is the page a facade that remembers nothing reads from the same store
   * (docs/decisions/0043-a-remembered-page-keeps-its-items.md).
   */
  @Test
  void P3_P4_B2_theRememberedPagesItems_afterEachChange_areThePageReadAfresh() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    rapport.follow(cyd, h("ada"));
    rapport.follow(cyd, h("bob"));
    rapport.block(cyd, h("dan"));
    long first = rapport.content().post(ada, "First", PostVisibility.ANYONE).post().id();
    long second = rapport.content().post(bob, "Second", PostVisibility.CONNECTIONS).post().id();
    connect(cyd, "cyd", bob, "bob");
    List<Runnable> changes = List.of(() -> rapport.content().post(ada, "Third", PostVisibility.ANYONE),
        () -> rapport.content().react(bob, first, ReactionKind.LIKE),
        () -> rapport.content().edit(bob, second, "Second, edited"),
        () -> rapport.content().comment(dan, first, "Hidden from cyd"),
        () -> rapport.content().react(cyd, second, ReactionKind.CELEBRATE), () -> {
          rapport.content().react(bob, second, ReactionKind.LIKE);
          rapport.content().post(bob, "Fourth", PostVisibility.ANYONE);
        });
    PageRequest twenty = PageRequest.first(20);
    for (int i = 0; i <= changes.size(); i++) {
      Page<FeedItem> remembered = rapport.content().feed(cyd, FeedOrder.RECENT, twenty);
      Page<FeedItem> afresh = Rapport.builder().store(store).clock(clock).cachedMembers(0).build().content()
          .feed(cyd, FeedOrder.RECENT, twenty);
      assertThat(remembered).as("after change %d", i).isEqualTo(afresh);
      assertThat(rapport.content().feed(cyd, FeedOrder.RECENT, twenty)).as("asked again").isEqualTo(afresh);
      if (i < changes.size()) {
        changes.get(i).run();
      }
    }
  }

  private List<Long> firstPage(long viewer, int limit) {
    return rapport.content().feed(viewer, FeedOrder.RECENT, PageRequest.first(limit)).items().stream()
        .map(i -> i.post().post().id()).toList();
  }

  @Test
  void P2_onlyTheAuthor_editsAndDeletes_andAnEditSaysSo() {
    long ada = member("ada");
    long bob = member("bob");
    long post = rapport.content().post(ada, "Draft", PostVisibility.ANYONE).post().id();
    assertThatThrownBy(() -> rapport.content().edit(bob, post, "Mine"))
        .satisfies(x -> assertThat(((RapportException) x).type()).isEqualTo("not-post-author"));
    PostView edited = rapport.content().edit(ada, post, "Final");
    assertThat(edited.post().text()).isEqualTo("Final");
    assertThat(edited.post().editedAt()).isPresent();
    rapport.content().react(bob, post, ReactionKind.LIKE);
    rapport.content().delete(ada, post);
    assertThat(seesById(ada, post)).isFalse();
    assertThat(feed(ada, FeedOrder.RECENT)).doesNotContain(post);
    assertThatThrownBy(() -> rapport.content().post(ada, "p".repeat(3_001), PostVisibility.ANYONE))
        .satisfies(x -> assertThat(((RapportException) x).type()).isEqualTo("post-too-long"));
  }
}
