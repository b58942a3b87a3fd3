package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.feed.FeedItem;
import dev.rapport.feed.FeedOrder;
import dev.rapport.member.NewMember;
import dev.rapport.model.Comment;
import dev.rapport.model.EngagementCounts;
import dev.rapport.model.Handle;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.Reaction;
import dev.rapport.model.ReactionKind;
import dev.rapport.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * P4's counts never drift (issue 17, acceptance 3): 32 threads react, change and take back
 * reactions, comment and delete comments on a few posts, one of which its author deletes part way;
 * afterwards each post's counts per kind and of comments equal the rows the store lists, and the
 * deleted post has no row left. And the feed's remembered first pages, read while followed authors
 * post and delete, end equal to a fresh engine's. Each backend runs this by extending it.
 */
public abstract class ContentConcurrencyContract {
  private static final int THREADS = 32;
  private static final int MEMBERS = 40;
  private static final int POSTS = 4;
  private static final int COMMANDS_PER_THREAD = 120;

  /** A fresh, empty store. The suite closes it. */
  protected abstract Store openStore();

  private Store store;
  private Rapport rapport;
  private final List<Long> members = new ArrayList<>();
  private final List<Long> posts = new ArrayList<>();

  @BeforeEach
  void setUp() {
    store = openStore();
    rapport = Rapport.builder().store(store).build();
    for (int i = 0; i < MEMBERS; i++) {
      members.add(rapport.createMember(NewMember.person("reader-%02d".formatted(i), "Reader " + i)).member().id());
    }
    for (int p = 0; p < POSTS; p++) {
      posts.add(rapport.content().post(members.getFirst(), "Post " + p, PostVisibility.ANYONE).post().id());
    }
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void P4_countsEqualTheRows_under32ConcurrentWriters_andADeletion() throws Exception {
    long deleted = posts.getLast();
    List<ConcurrentWriters.Step> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      SplittableRandom random = new SplittableRandom(104_729L * t + 3);
      boolean deleter = t == 0;
      // Refused: post-not-found after the deletion, comment-not-found for a comment another thread deleted first.
      writers.add(i -> {
        if (deleter && i == COMMANDS_PER_THREAD / 2) {
          rapport.content().delete(members.getFirst(), deleted);
        }
        randomCommand(random);
      });
    }
    ConcurrentWriters.runAtOnce(writers, COMMANDS_PER_THREAD);
    assertCountsEqualRows(store, posts.subList(0, POSTS - 1), members.getFirst());
    assertThat(store.content().post(deleted)).isEmpty();
    assertThat(all(p -> store.content().reactions(deleted, Optional.empty(), members.getFirst(), p))).isEmpty();
    assertThat(all(p -> store.content().comments(deleted, members.getFirst(), p))).isEmpty();
  }

  /**
   * The feed's remembered first pages (docs/decisions/0031-a-post-changes-its-own-answers.md) while
   * followed authors post, delete, react and comment on 6 threads and 2 threads read 6 viewers'
   * first pages of 3 over and over: afterwards each viewer's page, with its counts and reactions,
   * equals the page of an engine started afresh on the same store.
   */
  @Test
  void P3_rememberedFirstPages_underConcurrentPostsAndDeletions_equalAFreshEngines() throws Exception {
    List<Long> authors = members.subList(0, 8);
    List<Long> viewers = members.subList(30, 36);
    for (long viewer : viewers) {
      for (int a = 0; a < authors.size(); a += 1 + (int) (viewer % 2)) {
        rapport.follow(viewer, Handle.of("reader-%02d".formatted(a)));
      }
    }
    ConcurrentLinkedQueue<Long> made = new ConcurrentLinkedQueue<>(posts);
    List<ConcurrentWriters.Step> writers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      SplittableRandom random = new SplittableRandom(7_919L * t + 1);
      boolean reader = t >= 6;
      // Refused: post-not-found when another thread deleted it first.
      writers.add(i -> {
        if (reader) {
          rapport.content().feed(viewers.get(random.nextInt(viewers.size())), FeedOrder.RECENT, PageRequest.first(3));
        } else {
          authorCommand(random, authors, made);
        }
      });
    }
    ConcurrentWriters.runAtOnce(writers, 150);
    Rapport fresh = Rapport.builder().store(store).build();
    for (long viewer : viewers) {
      assertThat(shown(rapport, viewer)).as("viewer %d's first page", viewer).isEqualTo(shown(fresh, viewer));
    }
  }

  private void authorCommand(SplittableRandom random, List<Long> authors, ConcurrentLinkedQueue<Long> made) {
    long author = authors.get(random.nextInt(authors.size()));
    List<Long> known = List.copyOf(made);
    long post = known.get(random.nextInt(known.size()));
    switch (random.nextInt(6)) {
      case 0, 1 -> made.add(rapport.content().post(author, "By " + author, PostVisibility.ANYONE).post().id());
      case 2 -> {
        Post found = store.content().post(post).orElse(null);
        if (found != null) {
          rapport.content().delete(found.authorId(), post);
        }
      }
      case 3, 4 -> rapport.content().react(members.get(30 + random.nextInt(6)), post, ReactionKind.LIKE);
      default -> rapport.content().comment(author, post, "On " + post);
    }
  }

  /** A first page of 3 as its viewer sees it: each post's id, author, counts and the viewer's reaction. */
  private static List<String> shown(Rapport engine, long viewer) {
    Page<FeedItem> page = engine.content().feed(viewer, FeedOrder.RECENT, PageRequest.first(3));
    List<String> shown = new ArrayList<>();
    page.items().forEach(i -> shown.add("%d by %s: %s %s".formatted(i.post().post().id(), i.post().author().handle(),
        i.post().post().counts(), i.post().myReaction())));
    shown.add("next " + page.next().isPresent());
    return shown;
  }

  private void randomCommand(SplittableRandom random) {
    long actor = members.get(random.nextInt(MEMBERS));
    long post = posts.get(random.nextInt(POSTS));
    switch (random.nextInt(10)) {
      case 0, 1, 2, 3 -> rapport.content().react(actor, post, ReactionKind.values()[random.nextInt(6)]);
      case 4, 5 -> rapport.content().unreact(actor, post);
      case 6, 7, 8 -> rapport.content().comment(actor, post, "Comment " + random.nextInt(1000));
      default -> {
        List<Comment> comments = store.content().comments(post, actor, PageRequest.first(50)).items();
        if (!comments.isEmpty()) {
          Comment comment = comments.get(random.nextInt(comments.size()));
          rapport.content().deleteComment(comment.authorId(), post, comment.id());
        }
      }
    }
  }

  /** Each post's counts against the rows the store lists, read by a viewer who blocks nobody. */
  public static void assertCountsEqualRows(Store store, List<Long> postIds, long viewer) {
    for (long id : postIds) {
      Post post = store.content().post(id).orElseThrow();
      int[] reactions = new int[ReactionKind.values().length];
      for (Reaction r : all(p -> store.content().reactions(id, Optional.empty(), viewer, p))) {
        reactions[r.kind().ordinal()]++;
      }
      int comments = all(p -> store.content().comments(id, viewer, p)).size();
      assertThat(post.counts()).as("counts of post %d", id).isEqualTo(new EngagementCounts(reactions, comments));
    }
  }

  private static <T> List<T> all(Function<PageRequest, Page<T>> read) {
    List<T> items = new ArrayList<>();
    PageRequest page = PageRequest.first(200);
    while (true) {
      Page<T> next = read.apply(page);
      items.addAll(next.items());
      if (next.next().isEmpty()) {
        return items;
      }
      page = new PageRequest(200, next.next());
    }
  }
}
