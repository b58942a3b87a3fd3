package dev.rapport.bench.feed;

import dev.rapport.feed.FeedItem;
import dev.rapport.feed.FeedOrder;
import dev.rapport.feed.Ranking;
import dev.rapport.model.Page;
import java.util.Arrays;
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
 * The first page of 20 of a {@code top} feed (issue 17: p99 at most 10 ms with at least 2,000
 * candidates scored) on the {@link FeedWorkload#issue17()} workload, with the clock at its end:
 * the newest posts of whom the viewer follows (the feed policy's 2,000) and as many of the other
 * posts the viewer's 300 connections reacted to or commented on in the last week, those engaged with
 * most lately (docs/decisions/0033-top-scores-the-posts-engaged-with-most-lately.md), each scored and
 * ranked. Through the facade ({@code rapport}: the ranking, then the page's posts from the store)
 * and the feed index alone ({@code rapport-index}: every candidate scored and heaped, none read).
 * The setup prints how many candidates each viewer's ranking scores. Sample time, for the p99.
 *
 * <p>{@code java -jar rapport-bench/target/benchmarks.jar FeedTop}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class FeedTopBenchmark {
  static final int PAGE = 20;

  @Param({"rapport", "rapport-index"})
  public String engine;

  /** Whose feed: viewers who followed members drawn by popularity, or uniformly ({@link FeedWorkload}). */
  @Param({"popular", "uniform"})
  public String follows;

  private RapportFeed rapport;
  private RapportFeed.Viewer[] viewers;
  private int next;

  @Setup(Level.Trial)
  public void open() {
    FeedWorkload workload = FeedWorkload.issue17();
    rapport = RapportFeed.open(workload, true, true);
    viewers = Arrays.stream(FeedRecentBenchmark.viewersWhoFollow(workload, follows)).mapToObj(rapport::viewer)
        .toArray(RapportFeed.Viewer[]::new);
    int[] scored = Arrays.stream(viewers).mapToInt(v -> rapport.indexTop(v).size()).toArray();
    System.out.printf("%ncandidates scored for each viewer's top feed: %s%n", Arrays.toString(scored));
    for (RapportFeed.Viewer viewer : viewers) {
      long[] page = RapportFeed.ids(rapport.page(viewer.id(), FeedOrder.TOP, PAGE));
      Ranking ranking = rapport.indexTop(viewer);
      long[] ranked = new long[Math.min(PAGE, ranking.size())];
      for (int i = 0; i < ranked.length; i++) {
        ranked[i] = ranking.get(i).entry().postId();
      }
      if (page.length != PAGE || !Arrays.equals(page, ranked)) {
        throw new IllegalStateException("viewer %d's top page %s is not the index's ranking %s".formatted(viewer.id(),
            Arrays.toString(page), Arrays.toString(ranked)));
      }
    }
    if (!engine.equals("rapport") && !engine.equals("rapport-index")) {
      throw new IllegalArgumentException("no engine '" + engine + "'; use rapport or rapport-index");
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    rapport.close();
  }

  /** P3's {@code top}, first page of 20, for the next viewer. */
  @Benchmark
  public Object topFirstPage() {
    RapportFeed.Viewer viewer = viewers[next];
    next = (next + 1) % viewers.length;
    if (engine.equals("rapport")) {
      Page<FeedItem> page = rapport.page(viewer.id(), FeedOrder.TOP, PAGE);
      return page;
    }
    Ranking ranking = rapport.indexTop(viewer);
    return ranking;
  }
}
