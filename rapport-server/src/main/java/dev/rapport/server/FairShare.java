package dev.rapport.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The searches of the graph that hold a core for milliseconds on a large network (network size and
 * suggestions): at most {@code slots} run at once, so that a cheap request always
 * finds a core; the queue for them takes members in turn, as each member stands in it once at a
 * time; and no one waits in it longer than {@code maxWait}, but is told to come back.
 *
 * <p>Requests run on virtual threads, which a long search does not yield, so without this a burst
 * of searches by one member would hold every core. Members share 1,024 turns by a hash of their id:
 * two that share one wait for each other, which costs fairness between the two, not correctness.
 * Both semaphores are fair, so waiting is first come, first served. Thread safe.
 */
final class FairShare {
  private static final int TURNS = 1_024;

  private final Semaphore slots;
  private final Semaphore[] turns = new Semaphore[TURNS];
  private final long maxWaitNanos;

  FairShare(int slots, Duration maxWait) {
    this.slots = new Semaphore(slots, true);
    for (int i = 0; i < TURNS; i++) {
      turns[i] = new Semaphore(1, true);
    }
    this.maxWaitNanos = maxWait.toNanos();
  }

  /** One slot fewer than the cores, and at least one. */
  static FairShare forThisMachine(Duration maxWait) {
    return new FairShare(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), maxWait);
  }

  /** Runs the search in the member's turn. @throws ProblemException {@code busy} after {@code maxWait} */
  <T> T run(long memberId, Supplier<T> search) {
    long deadline = System.nanoTime() + maxWaitNanos;
    Semaphore turn = turns[(int) ((memberId * 0x9E3779B97F4A7C15L) >>> 54)];
    acquire(turn, deadline);
    try {
      acquire(slots, deadline);
      try {
        return search.get();
      } finally {
        slots.release();
      }
    } finally {
      turn.release();
    }
  }

  private static void acquire(Semaphore semaphore, long deadline) {
    boolean acquired;
    try {
      acquired = semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new ProblemException(503, "busy",
          "the server is busy with searches of the network; nothing was changed, try again", Map.of(),
          Map.of("Retry-After", "1"));
    }
  }
}
