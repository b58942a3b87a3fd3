package dev.rapport.bench.peers;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded synthetic social graphs with a power-law degree distribution, after Chung and Lu: each
 * member gets an expected degree from a Zipf sequence ({@code c / rank^(1/(exponent-1))}, capped),
 * and each connection joins two members drawn in proportion to those weights, so a member's degree
 * comes out close to its weight while who meets whom stays random.
 *
 * <p>Exactly {@code members * averageDegree / 2} distinct connections are made: draws that would be
 * a self loop or take a member past {@code maxDegree} are refused, and the repeats that the draws
 * produce (mostly between hubs) are dropped and drawn again in further rounds until the count is
 * reached. Ranks are given to members in a seeded random order, so a member's id says nothing about
 * its degree. The same arguments always give the same graph.
 *
 * <p>Cost: linear in the connections: they are drawn on one thread, then sorted by counting
 * ({@link SortedRows}) on all, with a short sort of each member's row. The heap holds each
 * connection in 12 bytes while they are sorted, and in 8 in the graph made.
 */
final class ChungLuGenerator {
  /** A round gives up after this many refused draws in a row: the cap cannot be honoured. */
  private static final int MAX_REFUSED_IN_A_ROW = 10_000_000;
  private static final int MAX_ROUNDS = 200;

  private ChungLuGenerator() {}

  /**
   * A graph of {@code members} members (0..members-1) with the given average degree, no member
   * above {@code maxDegree}, and degrees following a power law of the given exponent (2 to 3 for
   * social networks).
   *
   * @throws IllegalArgumentException if the average cannot be reached under the cap
   */
  static Graph generate(String name, int members, double averageDegree, int maxDegree, double exponent, long seed) {
    if (members < 2 || averageDegree <= 0 || averageDegree > Math.min(maxDegree, members - 1) / 2.0
        || exponent <= 1) {
      throw new IllegalArgumentException("cannot make %d members of average degree %s, at most %d each, exponent %s"
          .formatted(members, averageDegree, maxDegree, exponent));
    }
    long wanted = Math.round(members * averageDegree / 2);
    if (wanted > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException(wanted + " connections do not fit in one array");
    }
    SplittableRandom random = new SplittableRandom(seed);
    Sampler sampler = new Sampler(weights(members, averageDegree, maxDegree, exponent, random));

    int target = (int) wanted;
    int[] degree = new int[members];
    long[] drawn = new long[target];
    draw(sampler, random, degree, maxDegree, drawn, target);
    SortedRows rows = SortedRows.of(drawn, target, members, degree);
    drawn = null;
    // Later rounds' connections, sorted: few, so kept apart from the rows and merged in at the end.
    long[] extra = new long[0];
    for (int round = 1; rows.size() + extra.length < target; round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("still %d connections short after %d rounds"
            .formatted(target - rows.size() - extra.length, round));
      }
      long[] more = new long[target - rows.size() - extra.length];
      draw(sampler, random, degree, maxDegree, more, more.length);
      Arrays.sort(more);
      extra = mergeNew(rows, extra, more, degree);
    }
    return rows.toGraph(name, extra);
  }

  /**
   * Draws {@code count} connections into {@code drawn}, refusing self loops and members at the
   * cap, and counts them in {@code degree}.
   */
  private static void draw(Sampler sampler, SplittableRandom random, int[] degree, int maxDegree, long[] drawn,
      int count) {
    int refused = 0;
    for (int n = 0; n < count; ) {
      int u = sampler.next(random);
      int v = sampler.next(random);
      if (u == v || degree[u] >= maxDegree || degree[v] >= maxDegree) {
        if (++refused == MAX_REFUSED_IN_A_ROW) {
          throw new IllegalStateException("the degree cap %d leaves no room for %d more connections"
              .formatted(maxDegree, count - n));
        }
        continue;
      }
      refused = 0;
      degree[u]++;
      degree[v]++;
      drawn[n++] = Graph.key(u, v);
    }
  }

  /**
   * The sorted {@code extra} with each of the sorted {@code more} that neither it nor the rows hold,
   * once; the ends of every repeat lose the degree its draw gave them.
   */
  private static long[] mergeNew(SortedRows rows, long[] extra, long[] more, int[] degree) {
    long[] fresh = new long[more.length];
    int freshCount = 0;
    for (int i = 0; i < more.length; i++) {
      long key = more[i];
      if (i > 0 && more[i - 1] == key || rows.contains(key) || Arrays.binarySearch(extra, key) >= 0) {
        degree[(int) (key >>> 32)]--;
        degree[(int) key]--;
      } else {
        fresh[freshCount++] = key;
      }
    }
    long[] merged = Arrays.copyOf(extra, extra.length + freshCount);
    System.arraycopy(fresh, 0, merged, extra.length, freshCount);
    Arrays.sort(merged);
    return merged;
  }

  /**
   * Each member's expected degree: the Zipf sequence scaled so that the capped weights average
   * {@code averageDegree}, handed out to members in a random order.
   */
  private static double[] weights(int members, double averageDegree, int maxDegree, double exponent,
      SplittableRandom random) {
    double alpha = 1 / (exponent - 1);
    double[] byRank = new double[members];
    for (int r = 0; r < members; r++) {
      byRank[r] = Math.pow(r + 1, -alpha);
    }
    // The capped mean grows with the scale: bisect for the scale that gives the wanted mean.
    double low = 0;
    double high = maxDegree / byRank[members - 1];
    for (int step = 0; step < 100; step++) {
      double scale = (low + high) / 2;
      double sum = 0;
      for (double w : byRank) {
        sum += Math.min(maxDegree, scale * w);
      }
      if (sum / members < averageDegree) {
        low = scale;
      } else {
        high = scale;
      }
    }
    int[] order = new int[members];
    for (int m = 0; m < members; m++) {
      order[m] = m;
    }
    for (int m = members - 1; m > 0; m--) {
      int other = random.nextInt(m + 1);
      int swap = order[m];
      order[m] = order[other];
      order[other] = swap;
    }
    double[] weights = new double[members];
    for (int r = 0; r < members; r++) {
      weights[order[r]] = Math.min(maxDegree, high * byRank[r]);
    }
    return weights;
  }

  /**
   * Draws members in proportion to their weights in constant time per draw (Vose's alias method):
   * a slot chosen uniformly keeps its own member with its threshold's probability, else gives its
   * alias. One 64-bit random number per draw: high half picks the slot, low half decides.
   */
  private static final class Sampler {
    private final int[] threshold;
    private final int[] alias;

    Sampler(double[] weights) {
      int n = weights.length;
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      double[] scaled = new double[n];
      int[] small = new int[n];
      int[] large = new int[n];
      int smallCount = 0;
      int largeCount = 0;
      for (int m = 0; m < n; m++) {
        scaled[m] = weights[m] * n / total;
        if (scaled[m] < 1) {
          small[smallCount++] = m;
        } else {
          large[largeCount++] = m;
        }
      }
      threshold = new int[n];
      alias = new int[n];
      while (smallCount > 0 && largeCount > 0) {
        int s = small[--smallCount];
        int l = large[--largeCount];
        threshold[s] = toThreshold(scaled[s]);
        alias[s] = l;
        scaled[l] -= 1 - scaled[s];
        if (scaled[l] < 1) {
          small[smallCount++] = l;
        } else {
          large[largeCount++] = l;
        }
      }
      // What is left is 1 up to rounding: those slots always keep their own member.
      while (largeCount > 0) {
        int l = large[--largeCount];
        threshold[l] = -1;
        alias[l] = l;
      }
      while (smallCount > 0) {
        int s = small[--smallCount];
        threshold[s] = -1;
        alias[s] = s;
      }
    }

    /** The probability as an unsigned 32-bit threshold; -1 (all ones) means always. */
    private static int toThreshold(double probability) {
      return (int) Math.min(0xFFFF_FFFFL, (long) (probability * 0x1_0000_0000L));
    }

    int next(SplittableRandom random) {
      long bits = random.nextLong();
      int slot = (int) (((bits >>> 32) * threshold.length) >>> 32);
      int t = threshold[slot];
      return t == -1 || Integer.compareUnsigned((int) bits, t) < 0 ? slot : alias[slot];
    }
  }
}
