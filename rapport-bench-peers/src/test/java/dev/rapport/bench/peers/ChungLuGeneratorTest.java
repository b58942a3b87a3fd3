package dev.rapport.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic graphs the benchmarks run on: reproducible, capped, simple and of the asked size. */
class ChungLuGeneratorTest {
  private static Graph graph;

  @BeforeAll
  static void generateOneHundredThousand() {
    graph = ChungLuGenerator.generate("test", 100_000, 100, 30_000, 2.5, 42);
  }

  @Test
  void sameSeed_sameGraph_otherSeed_otherGraph() {
    Graph graph = ChungLuGenerator.generate("test", 20_000, 50, 5_000, 2.5, 42);
    Graph again = ChungLuGenerator.generate("test", 20_000, 50, 5_000, 2.5, 42);
    assertThat(again.from()).isEqualTo(graph.from());
    assertThat(again.to()).isEqualTo(graph.to());

    Graph other = ChungLuGenerator.generate("test", 20_000, 50, 5_000, 2.5, 43);
    assertThat(Arrays.equals(other.from(), graph.from()) && Arrays.equals(other.to(), graph.to())).isFalse();
  }

  @Test
  void averageDegree_isTheOneAskedFor() {
    assertThat(graph.members()).isEqualTo(100_000);
    assertThat(graph.connections()).isEqualTo(5_000_000);
    assertThat(graph.averageDegree()).isCloseTo(100, within(0.5));
  }

  @Test
  void noSelfLoops_noDuplicates_inAscendingOrder() {
    int[] from = graph.from();
    int[] to = graph.to();
    for (int i = 0; i < from.length; i++) {
      assertThat(from[i]).isLessThan(to[i]);
      assertThat(to[i]).isLessThan(graph.members());
      if (i > 0) {
        assertThat(Graph.key(from[i], to[i])).isGreaterThan(Graph.key(from[i - 1], to[i - 1]));
      }
    }
  }

  @Test
  void degrees_areHeavyTailed_andUnderTheCap() {
    int[] degrees = graph.degrees().clone();
    Arrays.sort(degrees);
    int max = degrees[degrees.length - 1];
    int median = degrees[degrees.length / 2];
    assertThat(max).isLessThanOrEqualTo(30_000).isGreaterThan(100 * median);
    assertThat(median).isBetween(20, 100);
  }

  @Test
  void aTightCap_holdsForEveryMember() {
    Graph capped = ChungLuGenerator.generate("capped", 20_000, 40, 200, 2.2, 7);
    assertThat(capped.connections()).isEqualTo(400_000);
    assertThat(Arrays.stream(capped.degrees()).max().orElseThrow()).isEqualTo(200);
  }

  @Test
  void anAverageAboveTheCap_isRefused() {
    assertThatThrownBy(() -> ChungLuGenerator.generate("impossible", 1_000, 50, 40, 2.5, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void adjacency_listsEachConnectionAtBothEnds_sorted() {
    Graph small = ChungLuGenerator.generate("small", 2_000, 10, 100, 2.5, 3);
    Graph.Adjacency adjacency = small.adjacency();
    int[] degrees = small.degrees();
    for (int m = 0; m < small.members(); m++) {
      int[] row = adjacency.of(m);
      assertThat(row).hasSize(degrees[m]).isSorted().doesNotHaveDuplicates().doesNotContain(m);
    }
    for (int i = 0; i < small.connections(); i++) {
      assertThat(Arrays.binarySearch(adjacency.of(small.from()[i]), small.to()[i])).isNotNegative();
    }
  }
}
