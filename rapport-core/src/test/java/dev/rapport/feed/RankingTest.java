package dev.rapport.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.seeded.SeededProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** A {@code top} ranking put in order as its pages are read, and its score worked out once a ranking (P3). */
class RankingTest {
  private static final long T0 = 1_780_000_000_000L;
  private static final Comparator<FeedIndex.Ranked> BEST_FIRST = Comparator
      .comparingDouble(FeedIndex.Ranked::score).reversed()
      .thenComparing(Comparator.comparingLong((FeedIndex.Ranked r) -> r.entry().createdMillis()).reversed())
      .thenComparing(Comparator.comparingLong((FeedIndex.Ranked r) -> r.entry().postId()).reversed());

  /** Candidates with few distinct scores and times, so that ties go to the newer, then the larger id. */
  private static List<FeedIndex.Ranked> drawn(RandomGenerator random, int count) {
    List<FeedIndex.Ranked> drawn = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      FeedReason.Kind kind = FeedReason.Kind.values()[random.nextInt(FeedReason.Kind.values().length)];
      drawn.add(new FeedIndex.Ranked(new FeedIndex.Entry(random.nextLong(1, 1L << 50), random.nextLong(1, 100),
          T0 + random.nextInt(5)), new FeedReason(kind, random.nextLong(0, 100)), random.nextInt(4) / 4.0));
    }
    return drawn;
  }

  private static Ranking ranking(List<FeedIndex.Ranked> drawn) {
    Candidates candidates = new Candidates(1);
    for (FeedIndex.Ranked r : drawn) {
      candidates.add(r.entry().postId(), r.entry().authorId(), r.entry().createdMillis(), r.reason().kind(),
          r.reason().byMemberId(), r.score());
    }
    return candidates.ranked();
  }

  @Test
  void P3_ranking_readInPagesOfAnySize_isItsCandidatesSorted_bestScoreThenNewestThenLargerId() {
    SeededProperty.tries(300).forAll(random -> random.nextLong(), seed -> {
      RandomGenerator random = new SplittableRandom(seed);
      int count = random.nextInt(20) == 0 ? random.nextInt(0, 2) : random.nextInt(2, 500);
      List<FeedIndex.Ranked> drawn = drawn(random, count);
      Ranking ranking = ranking(drawn);
      List<FeedIndex.Ranked> expected = drawn.stream().sorted(BEST_FIRST).toList();
      List<FeedIndex.Ranked> read = new ArrayList<>();
      assertThat(ranking.size()).isEqualTo(count);
      while (read.size() < count) {
        int end = Math.min(count, read.size() + random.nextInt(1, 40));
        for (int i = read.size(); i < end; i++) {
          read.add(ranking.get(i));
        }
        // A page read again (a reader going back) is the same page.
        assertThat(ranking.get(random.nextInt(read.size()))).isIn(read);
        assertThat(read).isEqualTo(expected.subList(0, read.size()));
      }
    });
  }

  @Test
  void P3_ranking_readByManyAtOnce_givesEachTheSameOrder() throws Exception {
    List<FeedIndex.Ranked> drawn = drawn(new SplittableRandom(25), 20_000);
    List<FeedIndex.Ranked> expected = drawn.stream().sorted(BEST_FIRST).toList();
    int readers = 8;
    for (int round = 0; round < 5; round++) {
      Ranking ranking = ranking(drawn);
      CountDownLatch start = new CountDownLatch(1);
      try (ExecutorService pool = Executors.newFixedThreadPool(readers)) {
        List<Future<List<FeedIndex.Ranked>>> reads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
          int pageSize = 7 + r * 13;
          reads.add(pool.submit(() -> {
            start.await();
            List<FeedIndex.Ranked> read = new ArrayList<>();
            for (int i = 0; i < ranking.size(); i += pageSize) {
              for (int j = i; j < Math.min(ranking.size(), i + pageSize); j++) {
                read.add(ranking.get(j));
              }
              Thread.yield();
            }
            return read;
          }));
        }
        start.countDown();
        for (Future<List<FeedIndex.Ranked>> read : reads) {
          assertThat(read.get()).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void P3_topScore_isThePolicysScore_toTheBit() {
    SeededProperty.tries(2_000).forAll(random -> random.nextLong(), seed -> {
      RandomGenerator random = new SplittableRandom(seed);
      FeedPolicy policy = new FeedPolicy(Duration.ofDays(7), 100, 2_000,
          Duration.ofMillis(random.nextLong(1, Duration.ofDays(30).toMillis())), random.nextDouble(), random.nextDouble(),
          random.nextDouble(), random.nextDouble(), random.nextDouble(), 10);
      long now = T0 + random.nextLong(0, Duration.ofDays(60).toMillis());
      TopScore score = new TopScore(policy, now);
      for (int i = 0; i < 50; i++) {
        FeedReason.Kind kind = FeedReason.Kind.values()[random.nextInt(FeedReason.Kind.values().length)];
        long created = now - random.nextLong(-Duration.ofDays(1).toMillis(), Duration.ofDays(90).toMillis());
        int engaged = random.nextInt(10) == 0 ? random.nextInt(0, 5_000) : random.nextInt(0, 30);
        assertThat(Double.doubleToRawLongBits(score.of(kind, created, engaged)))
            .as("%s made %d, %d engaged", kind, created, engaged)
            .isEqualTo(Double.doubleToRawLongBits(policy.score(kind, created, now, engaged)));
      }
    });
  }
}
