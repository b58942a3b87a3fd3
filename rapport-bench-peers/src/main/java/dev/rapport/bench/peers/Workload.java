package dev.rapport.bench.peers;

import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * The inputs of each question, drawn once from the graph with a seed fixed per data set, so that
 * every engine, in every fork, answers the same inputs in the same order. A benchmark walks each
 * list round and round, one input per invocation: no engine answers the same input twice in a row.
 *
 * <ul>
 *   <li>degrees: {@value #DEGREE_VIEWERS} viewers, each with {@value #TARGETS} targets drawn from all
 *       members (most of them out of a viewer's network, as in search results);
 *   <li>mutual count: {@value #PAIRS} pairs of a member and a connection of one of their
 *       connections (the case of a profile two steps away, where the count is shown);
 *   <li>suggestions and network size: {@value #SUGGESTION_VIEWERS} and {@value #NETWORK_VIEWERS}
 *       viewers.
 * </ul>
 *
 * Viewers are drawn uniformly from the members who have at least one connection.
 */
record Workload(long[] degreeViewers, long[][] targets, long[] pairA, long[] pairB, long[] suggestionViewers,
    long[] networkViewers) {
  static final int DEGREE_VIEWERS = 64;
  static final int TARGETS = 1_000;
  static final int PAIRS = 1_024;
  static final int SUGGESTION_VIEWERS = 256;
  static final int NETWORK_VIEWERS = 64;

  static Workload of(Graph graph) {
    Graph.Adjacency adjacency = graph.adjacency();
    return of(graph, adjacency::degree, adjacency::neighbour);
  }

  /**
   * The inputs drawn from the graph's rows as given: {@code degree} of a member and its k-th
   * {@code neighbour} in id order. The same inputs as {@link #of(Graph)} draws, from rows that
   * cost less memory than the graph's adjacency, such as the index's own.
   */
  static Workload of(Graph graph, IntUnaryOperator degree, IntBinaryOperator neighbour) {
    SplittableRandom random = new SplittableRandom(graph.name().hashCode() * 0x9E3779B97F4A7C15L);
    int[] connected = new int[graph.members()];
    int connectedCount = 0;
    for (int m = 0; m < graph.members(); m++) {
      if (degree.applyAsInt(m) > 0) {
        connected[connectedCount++] = m;
      }
    }
    int pool = connectedCount;
    long[] degreeViewers = new long[DEGREE_VIEWERS];
    long[][] targets = new long[DEGREE_VIEWERS][TARGETS];
    for (int i = 0; i < DEGREE_VIEWERS; i++) {
      degreeViewers[i] = connected[random.nextInt(pool)];
      for (int t = 0; t < TARGETS; t++) {
        targets[i][t] = random.nextInt(graph.members());
      }
    }
    long[] pairA = new long[PAIRS];
    long[] pairB = new long[PAIRS];
    for (int i = 0; i < PAIRS; ) {
      int a = connected[random.nextInt(pool)];
      int f = neighbour.applyAsInt(a, random.nextInt(degree.applyAsInt(a)));
      int b = neighbour.applyAsInt(f, random.nextInt(degree.applyAsInt(f)));
      if (b != a) {
        pairA[i] = a;
        pairB[i++] = b;
      }
    }
    long[] suggestionViewers = new long[SUGGESTION_VIEWERS];
    for (int i = 0; i < SUGGESTION_VIEWERS; i++) {
      suggestionViewers[i] = connected[random.nextInt(pool)];
    }
    long[] networkViewers = new long[NETWORK_VIEWERS];
    for (int i = 0; i < NETWORK_VIEWERS; i++) {
      networkViewers[i] = connected[random.nextInt(pool)];
    }
    return new Workload(degreeViewers, targets, pairA, pairB, suggestionViewers, networkViewers);
  }
}
