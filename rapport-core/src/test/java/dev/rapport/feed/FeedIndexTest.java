package dev.rapport.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The feed index on literal posts and events (P3), without a store. */
class FeedIndexTest {
  private static final long T0 = Instant.parse("2026-06-01T08:00:00Z").toEpochMilli();
  private static final long ADA = 1;
  private static final long BOB = 2;
  private static final long CYD = 3;
  private static final long VIEWER = 9;

  private final FeedIndex index = new FeedIndex(FeedPolicy.defaults()).loadedAt(0);
  private long seq;

  private void post(long author, long id, long minutes, PostVisibility visibility) {
    index.add(new Post(id, author, "text", visibility, Instant.ofEpochMilli(T0 + minutes * 60_000), Optional.empty(),
        null));
  }

  private void event(EventType type, long actor, long subject, long ref, long minutes) {
    index.apply(new Event(++seq, type, Instant.ofEpochMilli(T0 + minutes * 60_000), actor, subject, ref), null, e -> { });
  }

  private static List<FeedIndex.Ranked> list(Ranking ranking) {
    return java.util.stream.IntStream.range(0, ranking.size()).mapToObj(ranking::get).toList();
  }

  private List<Long> recent(long[] authors, boolean[] sees, long belowTime, long belowId, int limit) {
    return index.recent(authors, sees, belowTime, belowId, limit).stream().map(FeedIndex.Entry::postId).toList();
  }

  @Test
  void P3_recent_mergesTimelinesNewestFirst_andContinuesBelowItsCursor() {
    post(ADA, 10, 1, PostVisibility.ANYONE);
    post(BOB, 20, 2, PostVisibility.ANYONE);
    post(ADA, 11, 3, PostVisibility.ANYONE);
    post(BOB, 21, 3, PostVisibility.ANYONE);
    post(CYD, 30, 4, PostVisibility.ANYONE);
    long[] authors = {ADA, BOB};
    boolean[] sees = {true, true};
    assertThat(recent(authors, sees, Long.MAX_VALUE, Long.MAX_VALUE, 10)).containsExactly(21L, 11L, 20L, 10L);
    assertThat(recent(authors, sees, Long.MAX_VALUE, Long.MAX_VALUE, 2)).containsExactly(21L, 11L);
    assertThat(recent(authors, sees, T0 + 3 * 60_000, 11, 10)).as("below the cursor (time, id)").containsExactly(20L, 10L);
  }

  /**
   * A first page heaps only the authors whose next post can be on it: on many authors, with posts
   * at the same minute across authors and hidden ones, every page equals the posts sorted by hand.
   */
  @Test
  void P3_recent_ofManyAuthors_leavingOutThoseWhoseNewestCannotBeOnThePage_equalsTheSortedPosts() {
    java.util.Random random = new java.util.Random(17);
    int authorCount = 300;
    long[] authors = new long[authorCount];
    boolean[] sees = new boolean[authorCount];
    List<long[]> visible = new java.util.ArrayList<>();
    long id = 1_000;
    for (int a = 0; a < authorCount; a++) {
      authors[a] = 100 + a;
      sees[a] = random.nextBoolean();
      int posts = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(a % 7 == 0 ? 40 : 3);
      for (int p = 0; p < posts; p++) {
        long minutes = random.nextInt(50); // few distinct minutes: many ties on time across authors
        boolean connectionsOnly = random.nextInt(5) == 0;
        post(authors[a], ++id, minutes, connectionsOnly ? PostVisibility.CONNECTIONS : PostVisibility.ANYONE);
        if (!connectionsOnly || sees[a]) {
          visible.add(new long[] {T0 + minutes * 60_000, id});
        }
      }
    }
    visible.sort((x, y) -> x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(y[1], x[1]));
    for (int limit : new int[] {1, 5, 21}) {
      List<Long> expected = visible.stream().map(v -> v[1]).toList();
      List<Long> got = new java.util.ArrayList<>();
      long belowTime = Long.MAX_VALUE;
      long belowId = Long.MAX_VALUE;
      while (true) {
        List<FeedIndex.Entry> page = index.recent(authors, sees, belowTime, belowId, limit);
        page.forEach(e -> got.add(e.postId()));
        if (page.size() < limit) {
          break;
        }
        belowTime = page.getLast().createdMillis();
        belowId = page.getLast().postId();
      }
      assertThat(got).as("pages of %d", limit).isEqualTo(expected);
    }
  }

  @Test
  void P3_recent_leavesOutConnectionsOnlyPosts_ofAuthorsTheViewerIsNotConnectedTo() {
    post(ADA, 10, 1, PostVisibility.CONNECTIONS);
    post(ADA, 11, 2, PostVisibility.ANYONE);
    post(BOB, 20, 3, PostVisibility.CONNECTIONS);
    assertThat(recent(new long[] {ADA, BOB}, new boolean[] {false, true}, Long.MAX_VALUE, Long.MAX_VALUE, 10))
        .containsExactly(20L, 11L);
  }

  @Test
  void P3_aPostArrivingOutOfOrder_takesItsPlace_andADeletedOneLeaves() {
    post(ADA, 10, 1, PostVisibility.ANYONE);
    post(ADA, 12, 5, PostVisibility.ANYONE);
    post(ADA, 11, 3, PostVisibility.ANYONE);
    event(EventType.POST_DELETED, ADA, ADA, 12, 6);
    assertThat(recent(new long[] {ADA}, new boolean[] {true}, Long.MAX_VALUE, Long.MAX_VALUE, 10))
        .containsExactly(11L, 10L);
    assertThat(index.postCount()).isEqualTo(2);
  }

  @Test
  void P3_top_bringsWhatConnectionsEngagedWith_namingTheLastOfThem_andScoresIt() {
    post(ADA, 10, 0, PostVisibility.ANYONE);
    post(CYD, 30, 0, PostVisibility.ANYONE);
    event(EventType.REACTED, BOB, CYD, 30, 5);
    event(EventType.COMMENTED, ADA, CYD, 30, 7);
    long now = T0 + 10 * 60_000;
    List<FeedIndex.Ranked> ranked = list(index.top(VIEWER, new long[] {VIEWER, ADA},
        new FeedReason.Kind[] {FeedReason.Kind.OWN, FeedReason.Kind.FOLLOWING}, new long[] {ADA, BOB}, id -> false,
        id -> id == ADA, now));
    assertThat(ranked).extracting(r -> r.entry().postId()).containsExactlyInAnyOrder(10L, 30L);
    FeedIndex.Ranked engaged = ranked.stream().filter(r -> r.entry().postId() == 30).findFirst().orElseThrow();
    assertThat(engaged.reason()).isEqualTo(new FeedReason(FeedReason.Kind.CONNECTION_COMMENTED, ADA));
    assertThat(engaged.score()).isEqualTo(FeedPolicy.defaults().score(FeedReason.Kind.CONNECTION_COMMENTED, T0, now, 2));
    event(EventType.REACTION_REMOVED, BOB, CYD, 30, 8);
    FeedIndex.Ranked after = index.top(VIEWER, new long[] {VIEWER}, new FeedReason.Kind[] {FeedReason.Kind.OWN},
        new long[] {ADA, BOB}, id -> false, id -> false, now).get(0);
    assertThat(after.score()).isEqualTo(FeedPolicy.defaults().score(FeedReason.Kind.CONNECTION_COMMENTED, T0, now, 1));
    assertThat(index.top(VIEWER, new long[] {VIEWER}, new FeedReason.Kind[] {FeedReason.Kind.OWN},
        new long[] {ADA, BOB}, id -> id == CYD, id -> false, now).size()).as("B2: an author blocked either way").isZero();
  }

  @Test
  void P3_topScore_halvesWithEachHalfLife_growsWithEngagement_andWeighsTheRelationship() {
    FeedPolicy policy = FeedPolicy.defaults();
    long hour = Duration.ofHours(1).toMillis();
    double fresh = policy.score(FeedReason.Kind.CONNECTION, T0, T0, 0);
    assertThat(fresh).isEqualTo(1.0);
    assertThat(policy.score(FeedReason.Kind.CONNECTION, T0, T0 + 24 * hour, 0)).isEqualTo(0.5);
    assertThat(policy.score(FeedReason.Kind.CONNECTION, T0, T0, 3)).isEqualTo(1 + Math.log(4));
    assertThat(policy.score(FeedReason.Kind.PAGE, T0, T0, 0)).isEqualTo(0.7);
  }

  @Test
  void P3_engagementsOutsideTheWindow_countForNothing() {
    post(CYD, 30, 0, PostVisibility.ANYONE);
    event(EventType.REACTED, BOB, CYD, 30, 1);
    long weekLater = T0 + Duration.ofDays(8).toMillis();
    assertThat(index.top(VIEWER, new long[] {VIEWER}, new FeedReason.Kind[] {FeedReason.Kind.OWN}, new long[] {BOB},
        id -> false, id -> false, weekLater).size()).isZero();
  }

  @Test
  void theIndex_keepsSixteenBytesAPost() {
    for (int i = 0; i < 1_000; i++) {
      post(ADA, 1_000 + i, i, PostVisibility.ANYONE);
    }
    assertThat(index.footprintBytes()).isLessThanOrEqualTo(16L * 1_000 * 5 / 4 + 64);
  }
}
