package dev.rapport.bench.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feed benchmark's data: the same for every engine and fork, and of the shape issue 17 asks. */
class FeedWorkloadTest {
  private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
  private final FeedWorkload workload = FeedWorkload.generate(5_000, 50_000, 30, 4, 20_000, 5_000, END, 7);

  @Test
  void theSameArguments_giveTheSameWorkload() {
    FeedWorkload again = FeedWorkload.generate(5_000, 50_000, 30, 4, 20_000, 5_000, END, 7);
    for (int p = 0; p < workload.posts(); p += 97) {
      assertThat(again.postId(p)).isEqualTo(workload.postId(p));
      assertThat(again.author(p)).isEqualTo(workload.author(p));
    }
    assertThat(again.followedBy(3)).isEqualTo(workload.followedBy(3));
    assertThat(again.reactionMember(19_999)).isEqualTo(workload.reactionMember(19_999));
  }

  @Test
  void posts_areTimeOrderedWithinTheWindow_andOneInTenForConnections() {
    int forConnections = 0;
    for (int p = 0; p < workload.posts(); p++) {
      if (p > 0) {
        assertThat(workload.postId(p)).isGreaterThan(workload.postId(p - 1));
      }
      assertThat(workload.postedAt(p)).isBefore(END).isAfterOrEqualTo(END.minus(Duration.ofDays(30)));
      forConnections += workload.visibility(p) == FeedWorkload.CONNECTIONS ? 1 : 0;
    }
    assertThat(forConnections).isBetween(4_500, 5_500);
  }

  @Test
  void viewers_followAThousand_andAreConnectedToSomeOfThem() {
    for (int v = 0; v < workload.viewers().length; v++) {
      int viewer = workload.viewers()[v];
      int[] followed = workload.followedBy(v);
      assertThat(Arrays.stream(followed).distinct().count()).isEqualTo(FeedWorkload.FOLLOWED_BY_VIEWER);
      assertThat(followed).doesNotContain(viewer);
      int[] connections = workload.connectionsOf(v);
      long followedConnections = Arrays.stream(connections).filter(c -> Arrays.binarySearch(followed, c) >= 0).count();
      assertThat(followedConnections).isEqualTo(FeedWorkload.CONNECTED_FOLLOWED);
      assertThat(connections).hasSize(FeedWorkload.CONNECTED_FOLLOWED + FeedWorkload.CONNECTED_UNFOLLOWED);
    }
    assertThat(workload.followsPopular(0)).isTrue();
    assertThat(workload.followsPopular(3)).isFalse();
  }

  @Test
  void popularFollowed_writeMoreOfThePosts_thanUniformOnes() {
    assertThat(workload.recentCandidates(0)).isGreaterThan(workload.recentCandidates(3));
  }

  @Test
  void P4_aMemberReactsToAPostOnce() {
    Set<Long> pairs = new HashSet<>();
    for (int i = 0; i < workload.reactions(); i++) {
      assertThat(pairs.add((long) workload.reactionMember(i) * workload.posts() + workload.reactionPost(i))).isTrue();
    }
  }

  @Test
  void P3_recentPage_isNewestFirst_ofOwnAndFollowed_withConnectionsOnlyPostsFromConnections() {
    int v = 2;
    int viewer = workload.viewers()[v];
    int[] followed = workload.followedBy(v);
    int[] connections = workload.connectionsOf(v);
    long[] page = workload.recentPage(v, 50);
    assertThat(page).hasSize(50);
    for (int i = 1; i < page.length; i++) {
      assertThat(page[i]).isLessThan(page[i - 1]);
    }
    int last = Arrays.binarySearch(idsOf(workload), page[page.length - 1]);
    int shown = 0;
    for (int p = workload.posts() - 1; p >= last; p--) {
      int author = workload.author(p);
      boolean mayShow = (author == viewer || Arrays.binarySearch(followed, author) >= 0)
          && (workload.visibility(p) == FeedWorkload.ANYONE || author == viewer
              || Arrays.binarySearch(connections, author) >= 0);
      long id = workload.postId(p);
      assertThat(Arrays.stream(page).anyMatch(shownId -> shownId == id)).isEqualTo(mayShow);
      shown += mayShow ? 1 : 0;
    }
    assertThat(shown).isEqualTo(50);
  }

  private static long[] idsOf(FeedWorkload workload) {
    long[] ids = new long[workload.posts()];
    for (int p = 0; p < ids.length; p++) {
      ids[p] = workload.postId(p);
    }
    return ids;
  }
}
