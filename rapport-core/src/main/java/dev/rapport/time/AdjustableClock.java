package dev.rapport.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with a base clock but can be moved forward: the dev clock of
 * {@code POST /v1/admin/clock} and the clock of tests, so that no test sleeps through a week.
 * Thread safe. It never moves backwards.
 */
public final class AdjustableClock implements InstantSource {
  private final InstantSource base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public AdjustableClock(InstantSource base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /** A clock standing still at {@code start}, moved only by {@link #advance}. */
  public static AdjustableClock fixedAt(Instant start) {
    return new AdjustableClock(InstantSource.fixed(start));
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /**
   * Moves the clock forward.
   *
   * @throws IllegalArgumentException if {@code by} is negative
   */
  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, not by " + by);
    }
    offset.accumulateAndGet(by, Duration::plus);
    return instant();
  }
}
