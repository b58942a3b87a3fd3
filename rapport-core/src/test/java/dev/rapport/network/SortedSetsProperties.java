package dev.rapport.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.seeded.SeededProperty;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The set algebra agrees with java.util sets on random sets, skewed sizes and sub-ranges included. */
class SortedSetsProperties {

  /** Two sets inside larger arrays, so that the ranges' bounds matter. */
  record Case(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo) {
    @Override
    public String toString() {
      return "a[" + aFrom + ".." + aTo + ") of " + Arrays.toString(a) + ", b[" + bFrom + ".." + bTo + ") of "
          + Arrays.toString(b);
    }

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

  /** Edge cases of the probe in {@link #contains_isMembership}, which wraps it into 0..5,000. */
  private static final int[] EDGE_INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};

  static Case cases(RandomGenerator random) {
    int[] a = sortedSet(random);
    int[] b = sortedSet(random);
    int cutA = Math.min(random.nextInt(4), a.length / 2);
    int cutB = Math.min(random.nextInt(4), b.length / 2);
    return new Case(a, cutA, a.length - cutA, b, cutB, b.length - cutB);
  }

  /**
   * Small value ranges make shared elements likely; sizes up to 2,000 against 0-40 exercise
   * galloping. One set in 20 is empty and the range's ends are often in it, as edge cases.
   */
  private static int[] sortedSet(RandomGenerator random) {
    int shape = random.nextInt(4);
    int max = shape == 0 ? 50 : 5_000;
    if (random.nextInt(20) == 0) {
      return new int[0];
    }
    int size = random.nextInt((shape == 3 ? 2_000 : 40) + 1);
    Set<Integer> values = new TreeSet<>();
    if (size > 0 && random.nextInt(4) == 0) {
      values.add(0);
    }
    if (size > 1 && random.nextInt(4) == 0) {
      values.add(max);
    }
    while (values.size() < size) {
      values.add(random.nextInt(max + 1));
    }
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void intersectionCount_isTheSizeOfTheIntersection() {
    SeededProperty.tries(2_000).forAll(SortedSetsProperties::cases, c -> {
      Set<Integer> common = new TreeSet<>(c.setA());
      common.retainAll(c.setB());
      assertThat(SortedSets.intersectionCount(c.a(), c.aFrom(), c.aTo(), c.b(), c.bFrom(), c.bTo()))
          .isEqualTo(common.size())
          .isEqualTo(SortedSets.intersectionCount(c.b(), c.bFrom(), c.bTo(), c.a(), c.aFrom(), c.aTo()));
    });
  }

  @Test
  void intersect_writesTheIntersectionInOrder() {
    SeededProperty.tries(2_000).forAll(SortedSetsProperties::cases, c -> {
      Set<Integer> common = new TreeSet<>(c.setA());
      common.retainAll(c.setB());
      int[] out = new int[3 + Math.min(c.aTo() - c.aFrom(), c.bTo() - c.bFrom())];
      int n = SortedSets.intersect(c.a(), c.aFrom(), c.aTo(), c.b(), c.bFrom(), c.bTo(), out, 3);
      assertThat(Arrays.stream(out, 3, 3 + n).boxed().toList()).containsExactlyElementsOf(common);
    });
  }

  @Test
  void intersects_isWhetherAnyIsShared() {
    SeededProperty.tries(2_000).forAll(SortedSetsProperties::cases, c -> {
      Set<Integer> common = new TreeSet<>(c.setA());
      common.retainAll(c.setB());
      assertThat(SortedSets.intersects(c.a(), c.aFrom(), c.aTo(), c.b(), c.bFrom(), c.bTo()))
          .isEqualTo(!common.isEmpty());
    });
  }

  @Test
  void contains_isMembership() {
    record Probe(Case c, int probe) {}
    SeededProperty.tries(1_000).forAll(random -> new Probe(cases(random),
        random.nextInt(10) == 0 ? EDGE_INTS[random.nextInt(EDGE_INTS.length)] : random.nextInt()), p -> {
      int value = Math.floorMod(p.probe(), 5_001);
      assertThat(SortedSets.contains(p.c().a(), p.c().aFrom(), p.c().aTo(), value)).isEqualTo(p.c().setA().contains(value));
    });
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
