package dev.rapport.server;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Time for the request budgets that moves only when a test tells it to: limits tested without sleeps. */
final class ManualTime implements TimeMeter {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Override
  public long currentTimeNanos() {
    return nanos.get();
  }

  @Override
  public boolean isWallClockBased() {
    return false;
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
