package dev.rapport.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The benchmark inputs: the same for every engine and fork, and of the kind each question wants. */
class WorkloadTest {
  private final Graph graph = ChungLuGenerator.generate("workload", 5_000, 20, 500, 2.5, 5);

  @Test
  void theSameGraph_givesTheSameInputs() {
    Workload once = Workload.of(graph);
    Workload again = Workload.of(graph);
    assertThat(again.degreeViewers()).isEqualTo(once.degreeViewers());
    assertThat(again.targets()).isDeepEqualTo(once.targets());
    assertThat(again.pairA()).isEqualTo(once.pairA());
    assertThat(again.pairB()).isEqualTo(once.pairB());
    assertThat(again.suggestionViewers()).isEqualTo(once.suggestionViewers());
    assertThat(again.networkViewers()).isEqualTo(once.networkViewers());
  }

  @Test
  void pairs_areTwoStepsApart_andViewersHaveConnections() {
    Workload workload = Workload.of(graph);
    Graph.Adjacency adjacency = graph.adjacency();
    for (int i = 0; i < Workload.PAIRS; i++) {
      int a = (int) workload.pairA()[i];
      int b = (int) workload.pairB()[i];
      assertThat(a).isNotEqualTo(b);
      int[] theirs = adjacency.of(b);
      assertThat(Arrays.stream(adjacency.of(a)).anyMatch(f -> Arrays.binarySearch(theirs, f) >= 0)).isTrue();
    }
    for (long viewer : workload.suggestionViewers()) {
      assertThat(adjacency.degree((int) viewer)).isPositive();
    }
    assertThat(workload.targets()).hasNumberOfRows(Workload.DEGREE_VIEWERS);
    assertThat(workload.targets()[0]).hasSize(Workload.TARGETS);
  }

  @Test
  void pairsGivenAnyWay_becomeOneConnectionEach() {
    Graph small = Graph.ofPairs("small", 4, new int[] {0, 1, 2, 2, 3}, new int[] {1, 0, 2, 3, 0}, 5);
    assertThat(small.from()).containsExactly(0, 0, 2);
    assertThat(small.to()).containsExactly(1, 3, 3);
    assertThat(small.degrees()).containsExactly(2, 1, 1, 2);
  }
}
