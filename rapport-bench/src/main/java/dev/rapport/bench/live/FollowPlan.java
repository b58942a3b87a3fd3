package dev.rapport.bench.live;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The follows a run writes, drawn before it, each of a distinct pair so that the {@code followed}
 * notification a stream receives names its write: the recipient's stream and the actor in the
 * notification find it. Keeps each write's acknowledgement and delivery time ({@link System#nanoTime}).
 * Thread safe once built.
 */
final class FollowPlan {
  private final int[] actors;
  private final int[] recipients;
  private final Map<Long, Integer> byPair;
  private final AtomicLongArray acknowledged;
  private final AtomicLongArray delivered;
  private final AtomicInteger deliveries = new AtomicInteger();
  private final AtomicInteger strays = new AtomicInteger();
  private final int members;

  /**
   * @param writes how many follows
   * @param members actors are drawn from members {@code 0..members-1}
   * @param recipients the members with a stream open, of which recipients are drawn
   */
  FollowPlan(int writes, int members, int[] recipients, long seed) {
    this.members = members;
    this.actors = new int[writes];
    this.recipients = new int[writes];
    this.byPair = new HashMap<>(writes * 2);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < writes; i++) {
      int actor;
      int recipient;
      do {
        actor = random.nextInt(members);
        recipient = recipients[random.nextInt(recipients.length)];
      } while (actor == recipient || byPair.containsKey(pair(recipient, actor)));
      actors[i] = actor;
      this.recipients[i] = recipient;
      byPair.put(pair(recipient, actor), i);
    }
    this.acknowledged = new AtomicLongArray(writes);
    this.delivered = new AtomicLongArray(writes);
  }

  private long pair(int recipient, int actor) {
    return (long) recipient * members + actor;
  }

  int writes() {
    return actors.length;
  }

  int actor(int write) {
    return actors[write];
  }

  int recipient(int write) {
    return recipients[write];
  }

  void acknowledged(int write, long nanos) {
    acknowledged.set(write, nanos);
  }

  /** A {@code followed} notification from {@code actor} arrived on {@code recipient}'s stream. */
  void delivered(int recipient, int actor, long nanos) {
    Integer write = byPair.get(pair(recipient, actor));
    if (write == null || !delivered.compareAndSet(write, 0, nanos)) {
      strays.incrementAndGet();
    } else {
      deliveries.incrementAndGet();
    }
  }

  /** Notifications that matched no write, or a write twice (a duplicate delivery). */
  int strays() {
    return strays.get();
  }

  int deliveries() {
    return deliveries.get();
  }

  /** The writes acknowledged. */
  int acknowledgedCount() {
    int count = 0;
    for (int i = 0; i < acknowledged.length(); i++) {
      count += acknowledged.get(i) != 0 ? 1 : 0;
    }
    return count;
  }

  /**
   * What the writes {@code from..to-1} show.
   *
   * @return latencies from acknowledgement to delivery in nanoseconds, sorted (a delivery read
   *     before its acknowledgement counts as 0), and how many acknowledged writes were not delivered
   */
  Result result(int from, int to) {
    long[] latencies = new long[to - from];
    int count = 0;
    int missed = 0;
    int acked = 0;
    for (int i = from; i < to; i++) {
      long ack = acknowledged.get(i);
      if (ack == 0) {
        continue;
      }
      acked++;
      long delivery = delivered.get(i);
      if (delivery == 0) {
        missed++;
      } else {
        latencies[count++] = Math.max(0, delivery - ack);
      }
    }
    long[] sorted = Arrays.copyOf(latencies, count);
    Arrays.sort(sorted);
    return new Result(sorted, acked, missed);
  }

  /** @param latencies sorted, in nanoseconds */
  record Result(long[] latencies, int acknowledged, int missed) {
    double millis(double quantile) {
      return latencies.length == 0 ? Double.NaN
          : latencies[(int) Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))] / 1e6;
    }
  }
}
