package dev.rapport.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.seeded.SeededProperty;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Network size's choice of side, which stops summing the 2nd degree's lists once the sum decides,
 * chooses as the rule that sums them all would, on random graphs sparse enough to be searched from
 * inside and dense enough to be searched from outside; and every side counts what the search from
 * inside counts.
 */
class NetworkSizeSideTest {
  /** A random graph: {@code members} members with about {@code averageDegree} connections each, a few of them hubs. */
  record Shape(int members, int averageDegree, long seed) {
    GraphIndex index() {
      SplittableRandom random = new SplittableRandom(seed);
      int pairs = members * averageDegree / 2;
      int hubs = 1 + members / 100;
      long[] a = new long[pairs];
      long[] b = new long[pairs];
      for (int i = 0; i < pairs; i++) {
        a[i] = random.nextInt(members);
        // One end in four is a hub, so that some lists are long and the sum has an order to follow.
        b[i] = random.nextInt(4) == 0 ? random.nextInt(hubs) : random.nextInt(members);
      }
      return GraphIndex.of(a, b);
    }
  }

  static Shape shape(java.util.random.RandomGenerator random) {
    return new Shape(random.nextInt(20, 1_500), random.nextInt(1, 60), random.nextLong());
  }

  @Test
  void N3_sideChosenWithAnEarlyStop_isTheSideTheFullSumChooses() {
    AtomicInteger outside = new AtomicInteger();
    AtomicInteger inside = new AtomicInteger();
    SeededProperty property = SeededProperty.tries(200);
    property.forAll(NetworkSizeSideTest::shape, shape -> {
      GraphIndex index = shape.index();
      AdjacencyRows rows = index.rows();
      int n = index.size();
      for (long member = 0; member < shape.members(); member += Math.max(1, shape.members() / 25)) {
        int v = index.nodeOf(member);
        if (v < 0) {
          continue; // drew no connection
        }
        BitSet second = rows.secondDegree(v, n);
        BitSet near = (BitSet) second.clone();
        near.set(v);
        AdjacencyRows.Slice first = rows.slice(v);
        for (int k = first.from(); k < first.to(); k++) {
          near.set(first.values()[k]);
        }
        boolean chosen = DirectionOptimizingNetworkSize.cheaperFromOutside(rows, n, near, second);
        assertThat(chosen).as("side of node %d", v)
            .isEqualTo(DirectionOptimizingNetworkSize.cheaperFromOutsideSummingAll(rows, n, near, second));
        (chosen ? outside : inside).incrementAndGet();
        NetworkSize searched = index.networkSize(member, DirectionOptimizingNetworkSize.Direction.INSIDE);
        for (DirectionOptimizingNetworkSize.Direction direction : DirectionOptimizingNetworkSize.Direction.values()) {
          assertThat(index.networkSize(member, direction)).as("network of %d from %s", member, direction)
              .isEqualTo(searched);
        }
      }
    });
    if (!property.replaying()) {
      assertThat(outside.get()).as("viewers searched from outside").isPositive();
      assertThat(inside.get()).as("viewers searched from inside").isPositive();
    }
  }
}
