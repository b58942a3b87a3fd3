package dev.rapport.live;

import dev.rapport.kernel.Event;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One open live stream of a member (NT2): first what the log holds after the position it resumes
 * from, read back a page at a time, then what the shared follower hands it, in log order, each once.
 * One thread takes from it ({@link #next}); the follower puts into it without waiting on that thread.
 * A stream that falls far behind is ended rather than buffered without bound: its client resumes
 * with the last id it got, and loses nothing (docs/decisions/0036-the-live-stream-follows-the-log.md).
 */
public final class LiveStream implements AutoCloseable {
  /** Events waiting for a slow client, at most; past it the stream ends and the client resumes. */
  static final int MAX_WAITING = 1_024;
  private static final int REPLAY_PAGE = 256;

  private final LiveStreams streams;
  private final long memberId;
  private final BooleanSupplier credentialValid;
  private long startPosition;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ArrayDeque<LiveEvent> waiting = new ArrayDeque<>();
  /** The log position up to which the stream has its events: from the replay, then from the follower. */
  private long highest;
  /** The log position after which the replay still has to read, up to {@link #startPosition}. */
  private long replayedTo;
  private boolean open = true;
  private String endReason = "";

  /** @param resumeAfter the position the replay reads after; the start position follows ({@link #startAt}) */
  LiveStream(LiveStreams streams, long memberId, BooleanSupplier credentialValid, long resumeAfter) {
    this.streams = streams;
    this.memberId = memberId;
    this.credentialValid = credentialValid;
    this.replayedTo = resumeAfter;
    this.startPosition = Long.MAX_VALUE;
    this.highest = -1;
  }

  /**
   * Sets where the replay ends and the follower's events begin: of what the follower handed the
   * stream meanwhile, only the events after it stay, as the replay gives the others.
   */
  void startAt(long position) {
    lock.lock();
    try {
      startPosition = position;
      waiting.removeIf(e -> e.position() != 0 && e.position() <= position);
      highest = Math.max(highest, position);
      replayedTo = Math.min(replayedTo, position);
    } finally {
      lock.unlock();
    }
  }

  /** The member whose stream it is. */
  public long memberId() {
    return memberId;
  }

  /**
   * The log position the stream starts at: a client that resumes from it misses nothing, even if
   * nothing arrived before its connection dropped.
   */
  public long startPosition() {
    return startPosition;
  }

  /** Whether the stream is open: it ends when closed, when its credential is revoked or when it fell behind. */
  public boolean isOpen() {
    lock.lock();
    try {
      return open || !waiting.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /** Why the stream ended (empty while it is open). */
  public String endReason() {
    lock.lock();
    try {
      return endReason;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next events, in order, waiting up to {@code wait} for one: the missed ones first, a page at
   * a time, then those that arrive. Empty when none came in time (a heartbeat's turn, or the
   * credential's end: the stream then ends if its credential no longer holds) or the stream has ended.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public List<LiveEvent> next(Duration wait) throws InterruptedException {
    if (replayedTo < startPosition) {
      List<LiveEvent> replayed = replayPage();
      if (!replayed.isEmpty()) {
        return replayed;
      }
    }
    List<LiveEvent> taken;
    lock.lock();
    try {
      long nanos = wait.toNanos();
      while (waiting.isEmpty() && open && nanos > 0) {
        nanos = arrived.awaitNanos(nanos);
      }
      taken = new ArrayList<>(waiting);
      waiting.clear();
    } finally {
      lock.unlock();
    }
    if (taken.isEmpty()) {
      // No event comes when a session or token expires: a wait that ran out asks whether it still holds.
      checkCredential();
    }
    return taken;
  }

  /** Reads the next page of what the log holds for the member up to the start position. */
  private List<LiveEvent> replayPage() {
    while (replayedTo < startPosition) {
      List<Event> events = streams.reads().eventsAbout(memberId, replayedTo, startPosition, REPLAY_PAGE);
      replayedTo = events.size() < REPLAY_PAGE ? startPosition : events.getLast().seq();
      List<LiveEvent> live = LiveRoutes.toLive(streams.reads(), memberId, events);
      if (!live.isEmpty()) {
        return live;
      }
    }
    return List.of();
  }

  /** Hands the stream events from the follower; those it has already are dropped. */
  void offer(List<LiveEvent> events) {
    lock.lock();
    try {
      if (!open) {
        return;
      }
      for (LiveEvent event : events) {
        if (event.position() != 0 && event.position() <= highest) {
          continue;
        }
        if (waiting.size() >= MAX_WAITING) {
          end("fell behind: reconnect with Last-Event-ID to resume");
          return;
        }
        waiting.add(event);
        highest = Math.max(highest, event.position());
      }
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the stream if its credential no longer holds (a revoked or expired token, an ended or expired session). */
  void checkCredential() {
    if (!credentialValid.getAsBoolean()) {
      end("the token or session was revoked or has expired");
    }
  }

  void end(String reason) {
    lock.lock();
    try {
      if (open) {
        open = false;
        endReason = reason;
        waiting.clear();
        arrived.signalAll();
      }
    } finally {
      lock.unlock();
    }
    streams.remove(this);
  }

  /** Ends the stream; the follower forgets it. Idempotent. */
  @Override
  public void close() {
    end("closed");
  }
}
