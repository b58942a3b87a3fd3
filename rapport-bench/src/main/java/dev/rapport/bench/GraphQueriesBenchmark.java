package dev.rapport.bench;

import dev.rapport.network.GraphIndex;
import dev.rapport.network.GraphIndexBuilder;
import dev.rapport.network.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The graph index's queries on ego-Facebook. {@code degreesOf1000}: one operation asks N1, the
 * degree of 1,000 random members as seen by one viewer whose 2nd-degree network is already cached
 * (the case of a page of search results or a feed); 256 viewers take turns, each with its own
 * targets. {@code suggestionsTop20}: N4 for one member, every member in turn; {@code
 * suggestionsPage}: its first, second or third page.
 *
 * <p>Run from the project folder with the shared data sets beside it: {@code java -jar
 * rapport-bench/target/benchmarks.jar GraphQueries}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class GraphQueriesBenchmark {
  static final int VIEWERS = 256;
  static final int TARGETS = 1_000;
  static final int PAGE = 20;

  GraphIndex index;
  long[] viewers;
  long[][] targets;
  int next;
  int memberCount;
  int nextMember;

  @Setup
  public void load() {
    int[][] adjacency = Datasets.snapAdjacency("facebook_combined.txt");
    GraphIndexBuilder builder = GraphIndex.builder();
    for (int u = 0; u < adjacency.length; u++) {
      for (int v : adjacency[u]) {
        if (u < v) {
          builder.add(u, v);
        }
      }
    }
    index = builder.build();
    memberCount = adjacency.length;
    SplittableRandom random = new SplittableRandom(11);
    viewers = new long[VIEWERS];
    targets = new long[VIEWERS][TARGETS];
    int[] counts = new int[4];
    for (int i = 0; i < VIEWERS; i++) {
      viewers[i] = random.nextInt(adjacency.length);
      for (int t = 0; t < TARGETS; t++) {
        targets[i][t] = random.nextInt(adjacency.length);
      }
      for (int degree : index.degrees(viewers[i], targets[i])) { // fills the cache
        counts[degree]++;
      }
    }
    System.out.printf("%nego-Facebook degrees asked: 1st %d, 2nd %d, 3rd %d, out of network or self %d%n",
        counts[1], counts[2], counts[3], counts[0]);
  }

  /** N4: the top 20 suggestions of one member, members taking turns through the whole graph. */
  @Benchmark
  public List<Suggestion> suggestionsTop20() {
    int member = nextMember;
    nextMember = (member + 1) % memberCount;
    return index.suggestions(member, 20, m -> false);
  }

  /**
   * N4 page by page: page 1, 2 or 3 of 20, each from the cursor the page before it gave, for the
   * members with at least three pages, taking turns; so that the pages compare on the same members.
   */
  @State(Scope.Benchmark)
  public static class SuggestionPages {
    @Param({"1", "2", "3"})
    int page;

    long[] members;
    Suggestion[] after;
    int next;

    @Setup
    public void cursors(GraphQueriesBenchmark graph) {
      List<Long> eligible = new ArrayList<>();
      List<Suggestion> cursors = new ArrayList<>();
      for (int m = 0; m < graph.memberCount; m++) {
        List<Suggestion> three = graph.index.suggestions(m, 3 * PAGE, id -> false);
        if (three.size() == 3 * PAGE) {
          eligible.add((long) m);
          cursors.add(page == 1 ? null : three.get((page - 1) * PAGE - 1));
        }
      }
      members = eligible.stream().mapToLong(Long::longValue).toArray();
      after = cursors.toArray(Suggestion[]::new);
      System.out.printf("%nmembers with three pages of suggestions: %d of %d%n", members.length, graph.memberCount);
    }
  }

  @Benchmark
  public List<Suggestion> suggestionsPage(SuggestionPages pages) {
    int i = pages.next;
    pages.next = (i + 1) % pages.members.length;
    return index.suggestions(pages.members[i], PAGE, m -> false, pages.after[i]);
  }

  @Benchmark
  public int[] degreesOf1000() {
    int i = next;
    next = (i + 1) % VIEWERS;
    return index.degrees(viewers[i], targets[i]);
  }
}
