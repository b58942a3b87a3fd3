package dev.rapport.bench.feed;

import dev.rapport.feed.FeedOrder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
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
 * The first page of 20 of a {@code recent} feed (issue 17), for viewers who follow 1,000 members,
 * on the {@link FeedWorkload#issue17()} workload (100,000 members, a million posts over 30 days),
 * by each engine in turn in one run: Rapport through its facade ({@code rapport}: the page as the
 * HTTP route gets it, posts with text and counts) and its feed index alone ({@code rapport-index}:
 * the page's ids, as the SQL answers them), both on Rapport's SQLite store ({@link RapportFeed});
 * the plain-SQL candidates on PostgreSQL 17 ({@code sql-join}, {@code sql-lateral}, {@code
 * sql-scan}: {@link SqlRecentFeed.Query}); and, for scale, the same page from a table filled at
 * write time ({@code sql-timeline}). Sample time, for the p99. Each invocation asks the next of the
 * workload's 8 viewers of the kind {@code follows} names (whose followed were drawn by popularity
 * or uniformly), so every engine answers the same viewers in the same order.
 *
 * <p>At setup every engine's first page for every viewer must equal the page worked out post by
 * post ({@link FeedWorkload#recentPage}); the setup prints how many posts each viewer's feed holds,
 * PostgreSQL's plan for the first viewer, and Rapport's start and the feed index's memory. The
 * first run writes both stores and keeps them for later forks and runs
 * ({@link FeedTables}, {@link FeedStore}).
 *
 * <p>{@code java -jar rapport-bench/target/benchmarks.jar FeedRecent}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class FeedRecentBenchmark {
  static final int PAGE = 20;

  @Param({"rapport", "rapport-index", "sql-join", "sql-lateral", "sql-scan", "sql-timeline"})
  public String engine;

  /** Whose feed: viewers who followed members drawn by popularity, or uniformly ({@link FeedWorkload}). */
  @Param({"popular", "uniform"})
  public String follows;

  private EmbeddedPostgres postgres;
  private SqlRecentFeed sql;
  private RapportFeed rapport;
  private IntFunction<long[]> firstPage;
  private int viewers;
  private int next;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    long started = System.nanoTime();
    FeedWorkload workload = FeedWorkload.issue17();
    System.out.printf("%nthe workload in %.1f s: %,d members, %,d posts, %,d follows, %,d reactions, %,d comments%n",
        (System.nanoTime() - started) / 1e9, workload.members(), workload.posts(), workload.follows(),
        workload.reactions(), workload.comments());
    int[] asked = viewersWhoFollow(workload, follows);
    viewers = asked.length;
    System.out.printf("posts in each viewer's recent feed: %s%n",
        Arrays.toString(Arrays.stream(asked).map(workload::recentCandidates).toArray()));
    String plan = "";
    switch (engine) {
      case "rapport" -> {
        rapport = RapportFeed.open(workload, true, false);
        long[] ids = Arrays.stream(asked).mapToLong(v -> FeedStore.memberId(workload.viewers()[v])).toArray();
        firstPage = v -> RapportFeed.ids(rapport.page(ids[v], FeedOrder.RECENT, PAGE));
      }
      case "rapport-index" -> {
        rapport = RapportFeed.open(workload, false, true);
        RapportFeed.Viewer[] asking = Arrays.stream(asked).mapToObj(rapport::viewer).toArray(RapportFeed.Viewer[]::new);
        firstPage = v -> rapport.indexRecent(asking[v], PAGE);
      }
      default -> {
        if (!engine.startsWith("sql-")) {
          throw new IllegalArgumentException("no engine '" + engine
              + "'; use rapport, rapport-index, sql-join, sql-lateral, sql-scan or sql-timeline");
        }
        postgres = FeedTables.open(workload);
        sql = new SqlRecentFeed(FeedTables.connect(postgres), SqlRecentFeed.Query.named(engine.substring(4)));
        long[] ids = Arrays.stream(asked).mapToLong(v -> workload.viewers()[v]).toArray();
        firstPage = v -> sql.firstPage(ids[v], PAGE);
        plan = sql.explain(ids[0], PAGE);
      }
    }
    for (int v = 0; v < viewers; v++) {
      long[] expected = workload.recentPage(asked[v], PAGE);
      long[] answered = firstPage.apply(v);
      if (!Arrays.equals(expected, answered)) {
        throw new IllegalStateException("%s answers viewer %d's first page %s, not %s".formatted(engine,
            workload.viewers()[asked[v]], Arrays.toString(answered), Arrays.toString(expected)));
      }
    }
    System.out.printf("%s agrees with the plain page for all %d viewers; ready in %.1f s%n%s", engine, viewers,
        (System.nanoTime() - started) / 1e9, plan.isEmpty() ? "" : "its plan for the first viewer:\n" + plan);
  }

  /** The indexes, among the workload's viewers, of those whose follows were drawn as {@code follows} says. */
  static int[] viewersWhoFollow(FeedWorkload workload, String follows) {
    boolean popular = switch (follows) {
      case "popular" -> true;
      case "uniform" -> false;
      default -> throw new IllegalArgumentException("no follows '" + follows + "'; use popular or uniform");
    };
    return IntStream.range(0, workload.viewers().length).filter(v -> workload.followsPopular(v) == popular)
        .toArray();
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException, IOException {
    if (sql != null) {
      sql.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (rapport != null) {
      rapport.close();
    }
  }

  /** P3's {@code recent}, first page of 20, for the next viewer. */
  @Benchmark
  public long[] recentFirstPage() {
    int v = next;
    next = (v + 1) % viewers;
    return firstPage.apply(v);
  }
}
