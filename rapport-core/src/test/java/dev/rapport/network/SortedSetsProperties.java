package dev.rapport.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The set algebra agrees with java.util sets on random sets, skewed sizes and sub-ranges included. */
class SortedSetsProperties {

  /** Two sets inside larger arrays, so that the ranges' bounds matter. */
  record Case(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
    Set<Integer> setA() {
      return set(a, aFrom, aTo);
    }

    Set<Integer> setB() {
      return set(b, bFrom, bTo);
    }

    private static Set<Integer> set(int[] values, int from, int to) {
      Set<Integer> set = new TreeSet<>();
      for (int i = from; i < to; i++) {
        set.add(values[i]);
      }
      return set;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    // Small value ranges make shared elements likely; sizes up to 2,000 against 0-40 exercise galloping.
    Arbitrary<int[]> sets = Arbitraries.integers().between(0, 3).flatMap(shape -> Arbitraries.integers()
        .between(0, shape == 0 ? 50 : 5_000).set().ofMaxSize(shape == 3 ? 2_000 : 40)
        .map(values -> values.stream().mapToInt(Integer::intValue).sorted().toArray()));
    return Combinators.combine(sets, sets, Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
        .as((a, b, cutA, cutB) -> new Case(a, Math.min(cutA, a.length / 2), a.length - Math.min(cutA, a.length / 2),
            b, Math.min(cutB, b.length / 2), b.length - Math.min(cutB, b.length / 2)));
  }

  @Property(tries = 2_000)
  void intersectionCount_isTheSizeOfTheIntersection(@ForAll("cases") Case c) {
    Set<Integer> common = new TreeSet<>(c.setA());
    common.retainAll(c.setB());
    assertThat(SortedSets.intersectionCount(c.a(), c.aFrom(), c.aTo(), c.b(), c.bFrom(), c.bTo()))
        .isEqualTo(common.size())
        .isEqualTo(SortedSets.intersectionCount(c.b(), c.bFrom(), c.bTo(), c.a(), c.aFrom(), c.aTo()));
  }

  @Property(tries = 2_000)
  void intersect_writesTheIntersectionInOrder(@ForAll("cases") Case c) {
    Set<Integer> common = new TreeSet<>(c.setA());
    common.retainAll(c.setB());
    int[] out = new int[3 + Math.min(c.aTo() - c.aFrom(), c.bTo() - c.bFrom())];
    int n = SortedSets.intersect(c.a(), c.aFrom(), c.aTo(), c.b(), c.bFrom(), c.bTo(), out, 3);
    assertThat(Arrays.stream(out, 3, 3 + n).boxed().toList()).containsExactlyElementsOf(common);
  }

  @Property(tries = 2_000)
  void intersects_isWhetherAnyIsShared(@ForAll("cases") Case c) {
    Set<Integer> common = new TreeSet<>(c.setA());
    common.retainAll(c.setB());
    assertThat(SortedSets.intersects(c.a(), c.aFrom(), c.aTo(), c.b(), c.bFrom(), c.bTo()))
        .isEqualTo(!common.isEmpty());
  }

  @Property(tries = 1_000)
  void contains_isMembership(@ForAll("cases") Case c, @ForAll int probe) {
    int value = Math.floorMod(probe, 5_001);
    assertThat(SortedSets.contains(c.a(), c.aFrom(), c.aTo(), value)).isEqualTo(c.setA().contains(value));
  }

  /** The split merge's sign arithmetic holds up to the largest id, and from 0. */
  @Test
  void intersectionCount_ofIdsAtBothEndsOfTheRange_isExact() {
    int[] byTwo = java.util.stream.IntStream.range(0, 60).map(i -> Integer.MAX_VALUE - 2 * (59 - i)).toArray();
    int[] byThree = java.util.stream.IntStream.range(0, 60).map(i -> Integer.MAX_VALUE - 3 * (59 - i)).toArray();
    // Shared: MAX - 6k for k = 0..19, the multiples of 6 below 120.
    assertThat(SortedSets.intersectionCount(byTwo, byThree)).isEqualTo(20);
    int[] low = java.util.stream.IntStream.range(0, 60).map(i -> 2 * i).toArray();
    int[] lower = java.util.stream.IntStream.range(0, 60).map(i -> 3 * i).toArray();
    assertThat(SortedSets.intersectionCount(low, lower)).isEqualTo(20);
  }

  @Test
  void emptySets_shareNothing() {
    int[] some = {1, 2, 3};
    assertThat(SortedSets.intersectionCount(new int[0], some)).isZero();
    assertThat(SortedSets.intersects(some, 1, 1, some, 0, 3)).isFalse();
  }
}
