package dev.rapport.bench.peers;

import dev.rapport.bench.peers.Agreement.Question;
import dev.rapport.network.NetworkSize;
import dev.rapport.network.Suggestion;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The four network questions as benchmarks, for one engine on one graph; subclasses name which.
 * Each invocation asks the next input of the {@link Workload}, so that every engine answers the
 * same inputs in the same order. At setup a peer must first give the graph index's answers to the
 * first inputs of the question it is about to be measured on ({@link Agreement}), and to every
 * question on ego-Facebook.
 */
@State(Scope.Benchmark)
public abstract class NetworkQuestions {
  private static final int CHECKED_INPUTS = 3;

  NetworkQueries queries;
  Workload workload;
  private int nextDegrees;
  private int nextPair;
  private int nextSuggestions;
  private int nextNetwork;

  abstract String dataset();

  abstract String engine();

  @Setup(Level.Trial)
  public void open(BenchmarkParams params) {
    if (Datasets.isReal(dataset()) && !Datasets.available()) {
      throw new IllegalStateException("the shared data sets are not at " + Datasets.folder().toAbsolutePath()
          + ": run from the project folder with them beside it, or pass -Drapport.datasets=<folder>");
    }
    long started = System.nanoTime();
    Graph graph = Datasets.named(dataset());
    long generated = System.nanoTime();
    Engine engine = Engine.named(engine());
    if (engine == Engine.RAPPORT) {
      // The inputs are drawn from the index's rows: on the largest graph the graph's own adjacency
      // would hold every connection twice more.
      IndexQueries index = IndexQueries.load(graph);
      queries = index;
      int[] degrees = graph.degrees();
      workload = Workload.of(graph, m -> degrees[m], index::neighbour);
    } else {
      workload = Workload.of(graph);
      queries = engine.open(graph);
    }
    System.out.printf("%nthe graph in %.1f s, %s loaded and the inputs drawn in %.1f s%n", (generated - started) / 1e9,
        engine, (System.nanoTime() - generated) / 1e9);
    if (queries instanceof IndexQueries index) {
      System.out.printf("index: %,d bytes, %.2f bytes per adjacency entry (%,d entries), %.1f bytes per member%n",
          index.footprintBytes(), index.footprintBytes() / (2.0 * graph.connections()), 2L * graph.connections(),
          index.footprintBytes() / (double) graph.members());
    }
    Question asked = Question.askedBy(params.getBenchmark());
    if (engine != Engine.RAPPORT) {
      try (NetworkQueries reference = IndexQueries.load(graph)) {
        Agreement.check(asked, queries, reference, workload, CHECKED_INPUTS);
        if (dataset().equals(Datasets.EGO_FACEBOOK)) {
          for (Question question : Question.values()) {
            Agreement.check(question, queries, reference, workload, CHECKED_INPUTS);
          }
        }
      }
    } else if (asked == Question.DEGREES) {
      // Degrees are measured against each viewer's cached 2nd-degree network.
      for (int i = 0; i < Workload.DEGREE_VIEWERS; i++) {
        queries.degrees(workload.degreeViewers()[i], workload.targets()[i]);
      }
    }
    System.out.printf("%n%s: %,d members, %,d connections; %s ready in %.1f s%s%n", dataset(), graph.members(),
        graph.connections(), engine, (System.nanoTime() - started) / 1e9,
        engine == Engine.RAPPORT ? "" : "; its answers to " + asked + " agree with the graph index");
  }

  @TearDown(Level.Trial)
  public void close() {
    queries.close();
  }

  /** N1 for {@value Workload#TARGETS} targets of one viewer. */
  @Benchmark
  public int[] degreesOf1000() {
    int i = nextDegrees;
    nextDegrees = (i + 1) % Workload.DEGREE_VIEWERS;
    return queries.degrees(workload.degreeViewers()[i], workload.targets()[i]);
  }

  /** N2's count for one pair. */
  @Benchmark
  public int mutualCount() {
    int i = nextPair;
    nextPair = (i + 1) % Workload.PAIRS;
    return queries.mutualCount(workload.pairA()[i], workload.pairB()[i]);
  }

  /** N4's top 20 for one viewer. */
  @Benchmark
  public List<Suggestion> suggestionsTop20() {
    int i = nextSuggestions;
    nextSuggestions = (i + 1) % Workload.SUGGESTION_VIEWERS;
    return queries.suggestions(workload.suggestionViewers()[i], Agreement.SUGGESTIONS);
  }

  /** N3 for one viewer. */
  @Benchmark
  public NetworkSize networkSize() {
    int i = nextNetwork;
    nextNetwork = (i + 1) % Workload.NETWORK_VIEWERS;
    return queries.networkSize(workload.networkViewers()[i]);
  }
}
