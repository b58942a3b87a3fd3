package dev.rapport.bench.feed;

import dev.rapport.feed.FeedOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first page of 20 of a {@code recent} feed through the facade when it must be merged afresh
 * (issue 17): before each read, untimed, a member the viewer follows posts through the facade
 * ({@code Rapport.content().post}, committed and durable), so the viewer's remembered page is stale
 * and the page read has the new post first, as in a feed whose followed authors post between reads.
 * The same viewers and workload as {@link FeedRecentBenchmark}, whose {@code rapport} engine is the
 * page asked again with nothing between and whose {@code rapport-index} is the feed index's merge
 * alone; run both in one command to compare them. The facade runs on a copy of the kept SQLite
 * store (the posts would change the kept one), with a clock that starts at the workload's end.
 *
 * <p>At setup, for every viewer, a post of a followed member must be the first item of the page
 * read right after it, and the rest of the page the previous page's first 19.
 *
 * <p>{@code java -jar rapport-bench/target/benchmarks.jar FeedRecent -p engine=rapport,rapport-index,sql-scan}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class FeedRecentAfterPostBenchmark {
  /** Whose feed: viewers who followed members drawn by popularity, or uniformly ({@link FeedWorkload}). */
  @Param({"popular", "uniform"})
  public String follows;

  private RapportFeed rapport;
  private long[] viewerIds;
  private long[][] followedIds;
  private final SplittableRandom random = new SplittableRandom(17);
  private int next;

  @Setup(Level.Trial)
  public void open() {
    FeedWorkload workload = FeedWorkload.issue17();
    int[] asked = FeedRecentBenchmark.viewersWhoFollow(workload, follows);
    viewerIds = Arrays.stream(asked).mapToLong(v -> FeedStore.memberId(workload.viewers()[v])).toArray();
    followedIds = Arrays.stream(asked)
        .mapToObj(v -> Arrays.stream(workload.followedBy(v)).mapToLong(FeedStore::memberId).toArray())
        .toArray(long[][]::new);
    rapport = RapportFeed.openCopy(workload);
    for (int v = 0; v < viewerIds.length; v++) {
      long[] before = page(v);
      long posted = postForViewer(v);
      long[] after = page(v);
      long[] expected = new long[before.length];
      expected[0] = posted;
      System.arraycopy(before, 0, expected, 1, before.length - 1);
      if (!Arrays.equals(after, expected)) {
        throw new IllegalStateException("viewer %d's page after a post of %d is %s, not %s".formatted(viewerIds[v],
            posted, Arrays.toString(after), Arrays.toString(expected)));
      }
    }
    System.out.printf("after a followed member's post, the page has it first for all %d viewers%n", viewerIds.length);
  }

  /** A member the next viewer follows posts: the page read next must be merged afresh. */
  @Setup(Level.Invocation)
  public void aFollowedMemberPosts() {
    postForViewer(next);
  }

  private long postForViewer(int v) {
    long[] followed = followedIds[v];
    long author = followed[random.nextInt(followed.length)];
    return rapport.post(author, "A post between two reads of a follower's feed, number " + random.nextInt());
  }

  private long[] page(int v) {
    return RapportFeed.ids(rapport.page(viewerIds[v], FeedOrder.RECENT, FeedRecentBenchmark.PAGE));
  }

  @TearDown(Level.Trial)
  public void close() {
    rapport.close();
  }

  /** P3's {@code recent}, first page of 20, for the next viewer, right after a member they follow posted. */
  @Benchmark
  public long[] recentFirstPageAfterAPost() {
    int v = next;
    next = (v + 1) % viewerIds.length;
    return page(v);
  }
}
