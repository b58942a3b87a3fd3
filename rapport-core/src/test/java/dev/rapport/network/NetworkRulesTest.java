package dev.rapport.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The graph queries on a small literal network, through the index's query methods only. Members
 * 1-2-3-4-5 form a chain; 6 is connected to 1 and 3; 9 is alone.
 */
class NetworkRulesTest {
  static final GraphIndex INDEX = GraphIndex.of(new long[] {1, 2, 3, 4, 1, 6}, new long[] {2, 3, 4, 5, 6, 3});

  @Test
  void N1_degree_is1Connected_2SharesAConnection_3ConnectionOfA2nd_elseNone() {
    assertThat(INDEX.degree(1, 2)).isEqualTo(OptionalInt.of(1));
    assertThat(INDEX.degree(1, 3)).isEqualTo(OptionalInt.of(2));
    assertThat(INDEX.degree(1, 4)).isEqualTo(OptionalInt.of(3));
    assertThat(INDEX.degree(1, 5)).as("4th degree is out of network").isEmpty();
    assertThat(INDEX.degree(1, 9)).isEmpty();
    assertThat(INDEX.degree(1, 1)).as("oneself").isEmpty();
    assertThat(INDEX.degrees(1, new long[] {5, 4, 3, 2, 1})).containsExactly(0, 3, 2, 1, 0);
  }

  @Test
  void N2_mutualConnections_countAndPagedList() {
    assertThat(INDEX.mutualCount(1, 3)).isEqualTo(2);
    assertThat(INDEX.mutuals(1, 3, 0, 10)).containsExactlyInAnyOrder(2, 6);
    long[] first = INDEX.mutuals(1, 3, 0, 1);
    long[] second = INDEX.mutuals(1, 3, 1, 1);
    assertThat(first).hasSize(1);
    assertThat(second).hasSize(1).doesNotContain(first[0]);
    assertThat(INDEX.mutualCount(1, 9)).isZero();
  }

  @Test
  void N3_networkSize_countsEachDegree() {
    var size = INDEX.networkSize(1);
    assertThat(size.first()).isEqualTo(2);
    assertThat(size.second()).isEqualTo(1);
    assertThat(size.third()).isEqualTo(1);
  }

  @Test
  void N4_suggestions_rankByMutualCount_leavingOutTheViewerConnectionsAndExcluded() {
    // 3 shares two connections with 1 (2 and 6); nobody else shares any.
    assertThat(INDEX.suggestions(1, 10, id -> false)).extracting(s -> s.member(), s -> s.mutualCount())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 2));
    assertThat(INDEX.suggestions(1, 10, id -> id == 3)).as("invitations, blocks, dismissals").isEmpty();
    // From 2: 4 shares 3; 6 shares 1 and 3, so ranks first.
    assertThat(INDEX.suggestions(2, 10, id -> false)).extracting(s -> s.member()).containsExactly(6L, 4L);
  }
}
