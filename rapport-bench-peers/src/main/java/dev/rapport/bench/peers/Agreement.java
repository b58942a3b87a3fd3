package dev.rapport.bench.peers;

import java.util.Arrays;
import java.util.List;

/**
 * Checks that an engine gives the graph index's answers on the first inputs of the workload, so
 * that a benchmark never compares the speed of different answers. The benchmarks run it at setup;
 * its {@code main} runs it for every engine on one data set:
 * {@code java -cp rapport-bench-peers/target/peers-benchmarks.jar dev.rapport.bench.peers.Agreement ego-facebook}
 */
final class Agreement {
  /** The questions, by the benchmark methods that ask them. */
  enum Question {
    DEGREES("degreesOf1000"),
    MUTUAL_COUNT("mutualCount"),
    SUGGESTIONS("suggestionsTop20"),
    NETWORK_SIZE("networkSize");

    final String benchmark;

    Question(String benchmark) {
      this.benchmark = benchmark;
    }

    /** The question a benchmark method (a method name, or a fully qualified one) asks. */
    static Question askedBy(String benchmark) {
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      return Arrays.stream(values()).filter(q -> q.benchmark.equals(method)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no question is asked by " + benchmark));
    }
  }

  static final int SUGGESTIONS = 20;

  private Agreement() {}

  /**
   * Throws unless {@code engine} answers the first {@code inputs} inputs of the question as
   * {@code reference} does.
   *
   * @throws IllegalStateException naming the input and both answers, at the first difference
   */
  static void check(Question question, NetworkQueries engine, NetworkQueries reference, Workload w, int inputs) {
    for (int i = 0; i < inputs; i++) {
      Object answer = answer(question, engine, w, i);
      Object expected = answer(question, reference, w, i);
      if (!answer.equals(expected)) {
        throw new IllegalStateException("%s, %s: the engine answers %s, the graph index %s".formatted(
            question, input(question, w, i), answer, expected));
      }
    }
  }

  /** The engine's answer to the question's {@code i}-th input, comparable with {@code equals}. */
  static Object answer(Question question, NetworkQueries engine, Workload w, int i) {
    return switch (question) {
      case DEGREES -> Arrays.stream(engine.degrees(w.degreeViewers()[i], w.targets()[i])).boxed().toList();
      case MUTUAL_COUNT -> engine.mutualCount(w.pairA()[i], w.pairB()[i]);
      case SUGGESTIONS -> engine.suggestions(w.suggestionViewers()[i], SUGGESTIONS);
      case NETWORK_SIZE -> engine.networkSize(w.networkViewers()[i]);
    };
  }

  private static String input(Question question, Workload w, int i) {
    return switch (question) {
      case DEGREES -> "viewer " + w.degreeViewers()[i] + " and " + Workload.TARGETS + " targets";
      case MUTUAL_COUNT -> "members " + w.pairA()[i] + " and " + w.pairB()[i];
      case SUGGESTIONS -> "viewer " + w.suggestionViewers()[i];
      case NETWORK_SIZE -> "viewer " + w.networkViewers()[i];
    };
  }

  public static void main(String[] args) {
    String dataset = args.length > 0 ? args[0] : Datasets.EGO_FACEBOOK;
    int inputs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Graph graph = Datasets.named(dataset);
    Workload workload = Workload.of(graph);
    try (NetworkQueries reference = IndexQueries.load(graph)) {
      for (Engine engine : List.of(Engine.NEO4J, Engine.SQLITE, Engine.POSTGRES)) {
        try (NetworkQueries peer = engine.open(graph)) {
          for (Question question : Question.values()) {
            check(question, peer, reference, workload, inputs);
            long started = System.nanoTime();
            for (int i = 0; i < inputs; i++) {
              answer(question, peer, workload, i);
            }
            System.out.printf("%s, %s: %s agrees with the graph index on %d inputs (then %.2f ms each)%n",
                dataset, question, engine, inputs, (System.nanoTime() - started) / 1e6 / inputs);
          }
        }
      }
    }
  }
}
