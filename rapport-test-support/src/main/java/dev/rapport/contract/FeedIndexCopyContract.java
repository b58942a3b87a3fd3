package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.feed.FeedIndex;
import dev.rapport.feed.FeedPolicy;
import dev.rapport.feed.FeedReason;
import dev.rapport.feed.Ranking;
import dev.rapport.member.NewMember;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.problem.RapportException;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.Store;
import dev.rapport.testing.seeded.SeededProperty;
import dev.rapport.time.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The feed index's saved copy (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md): after
 * random sequences of posts, deletions, reactions and comments, an index restored from the copy and
 * caught up from the log gives every feed a rebuilt index gives, whether the copy was saved at a
 * clean stop or the store was left with the log past it, as a crash leaves it; a copy that does not
 * read back is ignored and the index rebuilt. Each backend runs this by extending it.
 */
public abstract class FeedIndexCopyContract {
  private static final int MEMBERS = 6;
  private static final FeedPolicy POLICY = new FeedPolicy(Duration.ofMinutes(30), 8, 10_000, Duration.ofHours(1),
      0.8, 1.0, 0.7, 0.8, 0.6, 100_000);

  /** A fresh, empty store. The suite closes it. */
  protected abstract Store openStore();

  /** The store {@link #openStore} opened last, opened again after it was closed. */
  protected abstract Store reopenStore();

  /** How many random sequences a property runs: fewer where each costs a database. */
  protected int tries() {
    return 10;
  }

  /** One step: member {@code a} posts, deletes, reacts, unreacts, comments or deletes a comment on post {@code n}. */
  record Step(int kind, int a, int n, int minutes) {}

  static List<Step> steps(RandomGenerator random) {
    int size = random.nextInt(20) == 0 ? 1 : random.nextInt(10, 60);
    return IntStream.range(0, size).mapToObj(i -> new Step(random.nextInt(8), random.nextInt(MEMBERS),
        random.nextInt(64), random.nextInt(6) == 0 ? 20 : 1)).toList();
  }

  /** Members, their posts and comments so far, and the clock they act on. */
  private static final class Network {
    final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-06-01T08:00:00Z"));
    final long[] members = new long[MEMBERS];
    final List<Long> posts = new ArrayList<>();
    final List<long[]> comments = new ArrayList<>();
    Rapport rapport;

    Network(Store store, boolean create) {
      rapport = Rapport.builder().store(store).clock(clock).feedPolicy(POLICY).build();
      for (int i = 0; i < MEMBERS && create; i++) {
        members[i] = rapport.createMember(NewMember.person("member-" + i, "Member " + i)).member().id();
      }
    }

    void act(Step step) {
      clock.advance(Duration.ofMinutes(step.minutes()));
      long a = members[step.a()];
      Long post = posts.isEmpty() ? null : posts.get(step.n() % posts.size());
      try {
        switch (step.kind()) {
          case 0, 1 -> posts.add(rapport.content().post(a, "Post " + step.n(),
              step.n() % 3 == 0 ? PostVisibility.CONNECTIONS : PostVisibility.ANYONE).post().id());
          case 2 -> {
            if (post != null) {
              rapport.content().delete(a, post);
            }
          }
          case 3, 4 -> {
            if (post != null) {
              rapport.content().react(a, post, ReactionKind.values()[step.n() % ReactionKind.values().length]);
            }
          }
          case 5 -> {
            if (post != null) {
              rapport.content().unreact(a, post);
            }
          }
          case 6 -> {
            if (post != null) {
              comments.add(new long[] {a, post, rapport.content().comment(a, post, "Comment").comment().id()});
            }
          }
          default -> {
            if (!comments.isEmpty()) {
              long[] comment = comments.remove(step.n() % comments.size());
              rapport.content().deleteComment(comment[0], comment[1], comment[2]);
            }
          }
        }
      } catch (RapportException refused) {
        // Not the author, a post gone or hidden: refused, as the rules say; nothing changed.
      }
    }
  }

  private static FeedIndex started(Store store, Instant now, FeedIndex.Loaded expected) {
    FeedIndex index = new FeedIndex(POLICY);
    assertThat(index.load(store, now, store.lastPosition())).as("how the start loaded the feed index").isEqualTo(expected);
    return index;
  }

  private static FeedIndex rebuilt(Store store, Instant now) {
    FeedIndex index = new FeedIndex(POLICY);
    index.rebuild(store.content(), now);
    return index;
  }

  /**
   * The two indexes give every feed alike: all posts of these members in order, and what each of
   * them engaged with, alone and all together, as of {@code nowMillis}.
   */
  public static void assertSameFeeds(FeedIndex restored, FeedIndex rebuilt, long[] members, long nowMillis) {
    boolean[] sees = new boolean[members.length];
    Arrays.fill(sees, true);
    assertThat(restored.recent(members, sees, Long.MAX_VALUE, Long.MAX_VALUE, 10_000))
        .as("every post, newest first").isEqualTo(rebuilt.recent(members, sees, Long.MAX_VALUE, Long.MAX_VALUE, 10_000));
    assertThat(restored.postCount()).isEqualTo(rebuilt.postCount());
    for (long member : members) {
      assertThat(ranked(restored, member, new long[] {member}, nowMillis)).as("what member %d engaged with", member)
          .isEqualTo(ranked(rebuilt, member, new long[] {member}, nowMillis));
    }
    assertThat(ranked(restored, members[0], members, nowMillis)).as("what everyone engaged with")
        .isEqualTo(ranked(rebuilt, members[0], members, nowMillis));
  }

  private static List<FeedIndex.Ranked> ranked(FeedIndex index, long viewer, long[] connections, long nowMillis) {
    Ranking ranking = index.top(viewer, new long[0], new FeedReason.Kind[0], connections, m -> false, m -> true,
        nowMillis);
    return IntStream.range(0, ranking.size()).mapToObj(ranking::get).toList();
  }

  @Test
  void P3_theFeedIndexRestoredFromItsCopy_givesTheFeedsOfARebuiltOne_afterACleanStop() {
    SeededProperty.tries(tries()).forAll(FeedIndexCopyContract::steps, steps -> {
      Network network;
      try (Store store = openStore()) {
        network = new Network(store, true);
        steps.forEach(network::act);
        network.rapport.saveNetwork();
      }
      try (Store store = reopenStore()) {
        Instant now = network.clock.instant();
        assertSameFeeds(started(store, now, FeedIndex.Loaded.RESTORED), rebuilt(store, now), network.members,
            now.toEpochMilli());
      }
    });
  }

  @Test
  void P3_theFeedIndexRestoredFromItsCopy_catchesUpWithTheLog_leftPastItAsACrashLeavesIt() {
    SeededProperty.tries(tries()).forAll(FeedIndexCopyContract::steps, steps -> {
      Network network;
      try (Store store = openStore()) {
        network = new Network(store, true);
        int saveAt = steps.size() / 2;
        for (int i = 0; i < steps.size(); i++) {
          if (i == saveAt) {
            network.rapport.saveNetwork();
          }
          network.act(steps.get(i));
        }
        // Closed without a save: the log goes on past the copy, as after a kill -9.
      }
      try (Store store = reopenStore()) {
        Instant now = network.clock.instant();
        boolean saved = store.savedFeedIndex().isPresent();
        assertSameFeeds(started(store, now, saved ? FeedIndex.Loaded.RESTORED : FeedIndex.Loaded.REBUILT),
            rebuilt(store, now), network.members, now.toEpochMilli());
      }
    });
  }

  @Test
  void P3_aStartThroughTheFacade_restoresTheCopy_andServesTheSameFeed() {
    try (Store store = openStore()) {
      Network network = new Network(store, true);
      for (int i = 0; i < 40; i++) {
        network.act(new Step(i % 8, i % MEMBERS, i * 7, 1));
      }
      network.rapport.saveNetwork();
      Page<?> before = network.rapport.content().feed(network.members[0], dev.rapport.feed.FeedOrder.RECENT,
          PageRequest.first(50));
      Network again = new Network(store, false);
      System.arraycopy(network.members, 0, again.members, 0, MEMBERS);
      again.clock.advance(Duration.between(again.clock.instant(), network.clock.instant()));
      assertThat(again.rapport.content().feed(network.members[0], dev.rapport.feed.FeedOrder.RECENT,
          PageRequest.first(50)).items()).isEqualTo(before.items());
      assertThat(started(store, network.clock.instant(), FeedIndex.Loaded.RESTORED).postCount())
          .isEqualTo(rebuilt(store, network.clock.instant()).postCount());
    }
  }

  @Test
  void P3_aCopyThatDoesNotReadBack_isIgnored_theIndexRebuilt_andAGoodCopySaved() {
    try (Store store = openStore()) {
      Network network = new Network(store, true);
      for (int i = 0; i < 30; i++) {
        network.act(new Step(i % 8, i % MEMBERS, i * 5, 1));
      }
      network.rapport.saveNetwork();
      Instant now = network.clock.instant();
      SavedIndex good = store.savedFeedIndex().orElseThrow();
      byte[] damaged = good.parts().getFirst().clone();
      damaged[damaged.length / 2] ^= 0x10;
      List<SavedIndex> unusable = List.of(new SavedIndex(good.position(), List.of(damaged)),
          new SavedIndex(good.position(), List.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9})),
          new SavedIndex(store.lastPosition() + 1, good.parts()));
      for (SavedIndex copy : unusable) {
        store.saveFeedIndex(copy);
        assertSameFeeds(started(store, now, FeedIndex.Loaded.REBUILT), rebuilt(store, now), network.members,
            now.toEpochMilli());
        assertThat(store.savedFeedIndex().orElseThrow().position()).as("a good copy saved in its place")
            .isEqualTo(store.lastPosition());
        started(store, now, FeedIndex.Loaded.RESTORED);
      }
    }
  }
}
