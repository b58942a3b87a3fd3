package dev.rapport.kernel;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Positive 63-bit ids that grow with wall-clock time: 41 bits of milliseconds since 2025, 10 bits
 * naming the process (random, so several nodes on one database rarely collide, and a collision is
 * caught by the primary key as a commit conflict), and a 12-bit sequence. Monotonic within a process.
 */
public final class TimeOrderedIds implements IdGenerator {
  private static final long EPOCH_MILLIS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
  private final InstantSource clock;
  private final long node;
  private final AtomicLong last = new AtomicLong();

  /** Ids of a randomly named process, timed by {@code clock} (the system's, not a test's: ids are not domain time). */
  public TimeOrderedIds(InstantSource clock) {
    this(clock, new SecureRandom().nextInt(1024));
  }

  public TimeOrderedIds(InstantSource clock, int node) {
    if (node < 0 || node > 1023) {
      throw new IllegalArgumentException("node " + node + " is not in 0..1023");
    }
    this.clock = clock;
    this.node = node;
  }

  @Override
  public long next() {
    while (true) {
      long prev = last.get();
      long millis = clock.millis() - EPOCH_MILLIS;
      long candidate = (millis << 22) | (node << 12);
      long next = candidate > prev ? candidate : prev + 1;
      if (last.compareAndSet(prev, next)) {
        return next;
      }
    }
  }
}
