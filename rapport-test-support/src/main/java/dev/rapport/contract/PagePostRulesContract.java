package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rapport.content.PostView;
import dev.rapport.feed.FeedItem;
import dev.rapport.feed.FeedOrder;
import dev.rapport.feed.FeedReason;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.problem.RapportException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Posting as a company page (CP1, P2): its admins post, edit and delete as the page, through the facade. */
public abstract class PagePostRulesContract extends RulesContract {
  private long ada;
  private long bob;

  /** Ada makes acme and bob becomes its second admin. */
  private long acme() {
    ada = member("ada");
    bob = member("bob");
    long page = rapport.companies().create(ada, h("acme"), "Acme Inc", "Rockets").page().id();
    rapport.companies().addAdmin(ada, h("acme"), h("bob"));
    return page;
  }

  private PostView postAsAcme(long actor, String text) {
    return rapport.content().postAsPage(actor, h("acme"), text, PostVisibility.ANYONE);
  }

  private List<Long> postsOfAcme(long viewer) {
    return rapport.content().postsOf(viewer, h("acme"), PageRequest.first(100)).items().stream()
        .map(v -> v.post().id()).toList();
  }

  private long events() {
    return store.eventsAfter(0, 100_000).size();
  }

  @Test
  void CP1_anAdmin_postsAsThePage() {
    long page = acme();
    PostView post = postAsAcme(bob, "We are hiring");
    assertThat(post.post().authorId()).isEqualTo(page);
    assertThat(post.author().isCompany()).isTrue();
    assertThat(post.mine()).isTrue();
    assertThat(rapport.content().post(ada, post.post().id()).mine()).isTrue();
    assertThat(store.eventsAfter(0, 1000)).filteredOn(e -> e.type() == EventType.POSTED)
        .extracting(Event::actorId, Event::subjectId).containsExactly(tuple(bob, page));
  }

  @Test
  void CP1_aNonAdmin_isRefused_andNothingChanges() {
    acme();
    long cyd = member("cyd");
    long before = events();
    assertThat(problemType(() -> postAsAcme(cyd, "Not mine to say"))).isEqualTo("not-page-admin");
    assertThat(problemType(() -> rapport.content().postAsPage(ada, h("acme"), "For connections",
        PostVisibility.CONNECTIONS))).isEqualTo("page-post-for-anyone");
    assertThat(problemType(() -> rapport.content().postAsPage(ada, h("cyd"), "x", PostVisibility.ANYONE)))
        .isEqualTo("member-not-found");
    assertThat(problemType(() -> rapport.content().postAsPage(ada, h("nobody"), "x", PostVisibility.ANYONE)))
        .isEqualTo("member-not-found");
    assertThat(events()).isEqualTo(before);
    assertThat(postsOfAcme(cyd)).isEmpty();
  }

  @Test
  void CP1_aPageBlockedEitherWay_isNotFound() {
    acme();
    rapport.block(ada, h("acme"));
    assertThat(problemType(() -> postAsAcme(ada, "Blocked"))).isEqualTo("member-not-found");
    assertThat(postsOfAcme(bob)).isEmpty();
  }

  @Test
  void P2_anAdmin_editsAndDeletesThePagesPost_andItsComments() {
    acme();
    long cyd = member("cyd");
    long post = postAsAcme(bob, "We are hiring").post().id();
    long comment = rapport.content().comment(cyd, post, "Applied").comment().id();
    assertThat(rapport.content().post(cyd, post).mine()).isFalse();
    assertThat(rapport.content().comments(ada, post, PageRequest.first(10)).items().getFirst().mine()).isTrue();
    assertThat(problemType(() -> rapport.content().edit(cyd, post, "Mine now"))).isEqualTo("not-post-author");
    PostView edited = rapport.content().edit(ada, post, "We are hiring in Leeds");
    assertThat(edited.post().text()).isEqualTo("We are hiring in Leeds");
    assertThat(edited.post().editedAt()).isPresent();
    rapport.content().deleteComment(ada, post, comment);
    assertThat(rapport.content().comments(cyd, post, PageRequest.first(10)).items()).isEmpty();
    rapport.content().delete(ada, post);
    assertThat(postsOfAcme(cyd)).isEmpty();
  }

  @Test
  void P2_aRemovedAdmin_cannotPostEditOrDeleteAsThePage() {
    acme();
    long post = postAsAcme(bob, "We are hiring").post().id();
    rapport.companies().removeAdmin(ada, h("acme"), h("bob"));
    assertThat(rapport.content().post(bob, post).mine()).isFalse();
    long before = events();
    assertThat(problemType(() -> postAsAcme(bob, "Still here"))).isEqualTo("not-page-admin");
    assertThat(problemType(() -> rapport.content().edit(bob, post, "Still mine"))).isEqualTo("not-post-author");
    assertThat(problemType(() -> rapport.content().delete(bob, post))).isEqualTo("not-post-author");
    assertThat(events()).isEqualTo(before);
    assertThat(rapport.content().post(ada, post).post().text()).isEqualTo("We are hiring");
  }

  @Test
  void CP1_followers_seeThePagesPost_inRecent_withReasonPage_andOnItsPostsList() {
    acme();
    long fan = member("fan");
    long passerby = member("passerby");
    rapport.follow(fan, h("acme"));
    long post = postAsAcme(bob, "We are hiring").post().id();
    FeedItem item = rapport.content().feed(fan, FeedOrder.RECENT, PageRequest.first(20)).items().getFirst();
    assertThat(item.post().post().id()).isEqualTo(post);
    assertThat(item.reason()).isEqualTo(FeedReason.Kind.PAGE);
    assertThat(item.post().mine()).isFalse();
    assertThat(rapport.content().feed(passerby, FeedOrder.RECENT, PageRequest.first(20)).items()).isEmpty();
    long second = postAsAcme(ada, "And in Bristol").post().id();
    assertThat(postsOfAcme(passerby)).containsExactly(second, post);
  }

  /**
   * An admin removed while posting as the page: the post is decided on the page's version, so it
   * lands before the removal or is decided again after it and refused; never after it.
   */
  @Test
  void CP1_anAdminRemovedConcurrently_cannotPostAsThePageAfterwards() throws Exception {
    long page = acme();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (int round = 0; round < 20; round++) {
        if (!rapport.companies().isAdmin(bob, h("acme"))) {
          rapport.companies().addAdmin(ada, h("acme"), h("bob"));
        }
        CountDownLatch start = new CountDownLatch(1);
        String text = "Round " + round;
        CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> {
          await(start);
          try {
            postAsAcme(bob, text);
          } catch (RapportException refused) {
            assertThat(refused.type()).isEqualTo("not-page-admin");
          }
        }, pool);
        CompletableFuture<Void> removing = CompletableFuture.runAsync(() -> {
          await(start);
          rapport.companies().removeAdmin(ada, h("acme"), h("bob"));
        }, pool);
        start.countDown();
        CompletableFuture.allOf(posting, removing).get();
      }
    }
    long removedAt = 0;
    for (Event e : store.eventsAfter(0, 100_000)) {
      if (e.type() == EventType.PAGE_ADMIN_REMOVED && e.subjectId() == bob) {
        removedAt = e.seq();
      } else if (e.type() == EventType.PAGE_ADMIN_ADDED && e.subjectId() == bob) {
        removedAt = 0;
      } else if (e.type() == EventType.POSTED && e.actorId() == bob) {
        assertThat(removedAt).as("bob posted as %d at %d after his removal at %d", page, e.seq(), removedAt).isZero();
      }
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
