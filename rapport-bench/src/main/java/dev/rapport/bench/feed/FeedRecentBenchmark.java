package dev.rapport.bench.feed;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * by each engine in turn in one run: the plain-SQL candidates on PostgreSQL 17 ({@code sql-join},
 * {@code sql-lateral}, {@code sql-scan}: {@link SqlRecentFeed.Query}) and, for scale, the same page
 * from a table filled at write time ({@code sql-timeline}). Sample time, for the p99.
 * Each invocation asks the next of the workload's 8 viewers of the kind {@code follows} names
 * (whose followed were drawn by popularity or uniformly), so every engine answers the same viewers
 * in the same order.
 *
 * <p>At setup every engine's first page for every viewer must equal the page worked out post by
 * post ({@link FeedWorkload#recentPage}); the setup prints how many posts each viewer's feed holds
 * and PostgreSQL's plan for the first viewer. The first run loads PostgreSQL (a minute or two) and
 * keeps it for later forks and runs ({@link FeedTables}).
 *
 * <p>{@code java -jar rapport-bench/target/benchmarks.jar FeedRecent}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
public class FeedRecentBenchmark {
  static final int PAGE = 20;

  @Param({"sql-join", "sql-lateral", "sql-scan", "sql-timeline"})
  public String engine;

  /** Whose feed: viewers who followed members drawn by popularity, or uniformly ({@link FeedWorkload}). */
  @Param({"popular", "uniform"})
  public String follows;

  private EmbeddedPostgres postgres;
  private SqlRecentFeed sql;
  private long[] viewers;
  private int next;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    long started = System.nanoTime();
    FeedWorkload workload = FeedWorkload.issue17();
    System.out.printf("%nthe workload in %.1f s: %,d members, %,d posts, %,d follows, %,d reactions, %,d comments%n",
        (System.nanoTime() - started) / 1e9, workload.members(), workload.posts(), workload.follows(),
        workload.reactions(), workload.comments());
    boolean popular = switch (follows) {
      case "popular" -> true;
      case "uniform" -> false;
      default -> throw new IllegalArgumentException("no follows '" + follows + "'; use popular or uniform");
    };
    int[] asked = IntStream.range(0, workload.viewers().length)
        .filter(v -> workload.followsPopular(v) == popular).toArray();
    viewers = Arrays.stream(asked).mapToLong(v -> workload.viewers()[v]).toArray();
    System.out.printf("posts in each viewer's recent feed: %s%n",
        Arrays.toString(Arrays.stream(asked).map(workload::recentCandidates).toArray()));
    if (!engine.startsWith("sql-")) {
      throw new IllegalArgumentException("no engine '" + engine + "'; use sql-join, sql-lateral, sql-scan or sql-timeline");
    }
    postgres = FeedTables.open(workload);
    sql = new SqlRecentFeed(FeedTables.connect(postgres), SqlRecentFeed.Query.named(engine.substring(4)));
    for (int v = 0; v < viewers.length; v++) {
      long[] expected = workload.recentPage(asked[v], PAGE);
      long[] answered = sql.firstPage(viewers[v], PAGE);
      if (!Arrays.equals(expected, answered)) {
        throw new IllegalStateException("%s answers viewer %d's first page %s, not %s".formatted(engine, viewers[v],
            Arrays.toString(answered), Arrays.toString(expected)));
      }
    }
    System.out.printf("%s agrees with the plain page for all %d viewers; ready in %.1f s; its plan for viewer %d:%n%s",
        engine, viewers.length, (System.nanoTime() - started) / 1e9, viewers[0], sql.explain(viewers[0], PAGE));
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException, IOException {
    if (sql != null) {
      sql.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** P3's {@code recent}, first page of 20, for the next viewer. */
  @Benchmark
  public long[] recentFirstPage() {
    int v = next;
    next = (v + 1) % viewers.length;
    return sql.firstPage(viewers[v], PAGE);
  }
}
