package dev.rapport.readcache;

import dev.rapport.kernel.Event;
import dev.rapport.model.ConversationSummary;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * The newest events that change members' lists of conversations, each with the pair's summaries
 * as read right after it, in a ring of fixed size: what lets a remembered first page catch up with
 * the few events since it without reading the store
 * (docs/decisions/0044-the-conversation-page-patches-itself.md).
 *
 * <p>Written by the one thread that records the log, each event before the log position that covers
 * it is published; read by any thread without blocking it: a read that overlaps a write answers
 * "not known", never a partial list.
 */
final class ConversationChanges {
  /** A change this ring cannot replay: a block either way, or a pair whose summaries were not read. */
  static final Object UNKNOWN = new Object();
  /** More changes than this since a page cost more to replay than to read the page again. */
  private static final int MAX_REPLAYED = 32;
  private final StampedLock lock = new StampedLock();
  private final long[] seqs;
  private final long[] actors;
  private final long[] subjects;
  /** The pair's summaries ({@code List<ConversationSummary>}), or {@link #UNKNOWN}. */
  private final Object[] changes;
  private final int mask;
  private long written;
  /** The log position of the newest change overwritten: the ring knows nothing at or before it. */
  private long forgottenUpTo;

  /** @param capacityBits log2 of how many changes are kept */
  ConversationChanges(int capacityBits) {
    if (capacityBits < 1 || capacityBits > 20) {
      throw new IllegalArgumentException("capacity bits must be between 1 and 20, not " + capacityBits);
    }
    this.seqs = new long[1 << capacityBits];
    this.actors = new long[1 << capacityBits];
    this.subjects = new long[1 << capacityBits];
    this.changes = new Object[1 << capacityBits];
    this.mask = (1 << capacityBits) - 1;
  }

  /** Called by the log's one thread, in log order, for each event that may change a list of conversations. */
  void add(Event event, Object change) {
    long stamp = lock.writeLock();
    try {
      int at = (int) (written & mask);
      if (written > mask) {
        forgottenUpTo = seqs[at];
      }
      seqs[at] = event.seq();
      actors[at] = event.actorId();
      subjects[at] = event.subjectId();
      changes[at] = change;
      written++;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * The page, remembered at {@code position}, with each change since that names the member applied
   * in log order; null if that is not known here: the ring no longer reaches back to {@code
   * position}, a change is {@link #UNKNOWN} or cannot be applied, there are too many, or the log's
   * thread wrote while this read.
   */
  InboxPage replay(InboxPage page, long position, long memberId) {
    long stamp = lock.tryOptimisticRead();
    if (stamp == 0) {
      return null;
    }
    Object[] found = new Object[MAX_REPLAYED];
    int count = 0;
    long end = written;
    boolean reachesBack = forgottenUpTo <= position;
    long oldest = Math.max(0, end - 1 - mask);
    long i = end - 1;
    for (; i >= oldest; i--) {
      int at = (int) (i & mask);
      if (seqs[at] <= position) {
        break;
      }
      if (actors[at] == memberId || subjects[at] == memberId) {
        if (count == found.length) {
          return null;
        }
        found[count++] = changes[at];
      }
    }
    boolean complete = reachesBack && (i < oldest || seqs[(int) (i & mask)] <= position);
    if (!lock.validate(stamp) || !complete) {
      return null;
    }
    InboxPage now = page;
    for (int k = count - 1; k >= 0 && now != null; k--) {
      if (found[k] == UNKNOWN) {
        return null;
      }
      @SuppressWarnings("unchecked") // every change but UNKNOWN is a pair's summaries
      List<ConversationSummary> pair = (List<ConversationSummary>) found[k];
      now = now.with(pair, memberId);
    }
    return now;
  }
}
