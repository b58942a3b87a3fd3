package dev.rapport.bench.feed;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;

/** The seeded draws {@link FeedWorkload} is made of. */
final class Draws {
  private static final int OFFSET = 100;

  private Draws() {}

  /** Popularity ranks 1..members in a seeded random order, by member. */
  static int[] ranks(int members, SplittableRandom random) {
    int[] rank = new int[members];
    for (int m = 0; m < members; m++) {
      rank[m] = m + 1;
    }
    for (int i = members - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = rank[i];
      rank[i] = rank[j];
      rank[j] = t;
    }
    return rank;
  }
  /** {@code count} distinct members drawn by {@code draw}, none of them {@code self} nor in {@code excluded}. */
  static int[] distinct(int members, int count, int self, IntSupplier draw, int[]... excluded) {
    if (excluded.length == 0 && count <= 32) {
      return fewDistinct(count, self, draw);
    }
    BitSet seen = new BitSet(members);
    seen.set(self);
    for (int[] ex : excluded) {
      for (int m : ex) {
        seen.set(m);
      }
    }
    int[] drawn = new int[count];
    for (int n = 0; n < count; ) {
      int m = draw.getAsInt();
      if (!seen.get(m)) {
        seen.set(m);
        drawn[n++] = m;
      }
    }
    return drawn;
  }
  /** As {@link #distinct}, for a few: a look along what is drawn beats clearing a set of every member. */
  private static int[] fewDistinct(int count, int self, IntSupplier draw) {
    int[] drawn = new int[count];
    for (int n = 0; n < count; ) {
      int m = draw.getAsInt();
      boolean seen = m == self;
      for (int i = 0; i < n && !seen; i++) {
        seen = drawn[i] == m;
      }
      if (!seen) {
        drawn[n++] = m;
      }
    }
    return drawn;
  }
  /** Draws members in proportion to {@code 1 / (rank + 100)}, by binary search of the cumulative weights. */
  static final class Popularity {
    private final double[] cumulative;
    private final int[] memberOfRank;

    Popularity(int[] rankOf) {
      int members = rankOf.length;
      memberOfRank = new int[members];
      for (int m = 0; m < members; m++) {
        memberOfRank[rankOf[m] - 1] = m;
      }
      cumulative = new double[members];
      double sum = 0;
      for (int r = 0; r < members; r++) {
        sum += 1.0 / (r + 1 + OFFSET);
        cumulative[r] = sum;
      }
    }

    int draw(SplittableRandom random) {
      double x = random.nextDouble() * cumulative[cumulative.length - 1];
      int found = Arrays.binarySearch(cumulative, x);
      int r = found >= 0 ? found : -found - 1;
      return memberOfRank[Math.min(r, memberOfRank.length - 1)];
    }
  }
}
