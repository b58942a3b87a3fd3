package dev.rapport.live;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * MS4: how often a member's typing in a conversation is relayed: at most once per period, as a
 * client tells it on every key and the other side only needs to know it goes on. What came within
 * the period is dropped, not queued (docs/decisions/0040-messages-and-receipts-on-the-live-stream.md).
 * Remembers a pair only until its period passes. Thread safe.
 */
final class TypingRelays {
  /** One relay a second per member and conversation. */
  static final Duration EVERY = Duration.ofSeconds(1);
  /** Past this many remembered pairs, those whose period passed are forgotten. */
  private static final int SWEEP_ABOVE = 4_096;

  private record Pair(long memberId, long conversationId) {}

  private final long everyNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<Pair, Long> lastRelayed = new ConcurrentHashMap<>();
  private volatile long nextSweep;

  /** @param nanoTime a monotonic clock, in nanoseconds ({@code System::nanoTime}) */
  TypingRelays(Duration every, LongSupplier nanoTime) {
    this.everyNanos = every.toNanos();
    this.nanoTime = nanoTime;
    this.nextSweep = nanoTime.getAsLong();
  }

  /** Whether the member's typing in the conversation is relayed now; if so, the next waits a period. */
  boolean admit(long memberId, long conversationId) {
    long now = nanoTime.getAsLong();
    boolean[] admitted = new boolean[1];
    lastRelayed.compute(new Pair(memberId, conversationId), (pair, last) -> {
      admitted[0] = last == null || now - last >= everyNanos;
      return admitted[0] ? now : last;
    });
    // At most one sweep a period, so that many members typing at once cost no sweep per key.
    if (admitted[0] && lastRelayed.size() > SWEEP_ABOVE && now - nextSweep >= 0) {
      nextSweep = now + everyNanos;
      lastRelayed.values().removeIf(last -> now - last >= everyNanos);
    }
    return admitted[0];
  }

  /** How many pairs are remembered (for tests and monitoring). */
  int remembered() {
    return lastRelayed.size();
  }
}
