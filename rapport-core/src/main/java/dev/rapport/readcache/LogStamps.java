package dev.rapport.readcache;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * For each member, the log position of the newest event applied here that named them, or a later
 * one: what tells a remembered read whether it may still be served (docs/decisions/0012).
 *
 * <p>Members share a fixed number of buckets, so the memory does not grow with the network; a
 * member's stamp is their bucket's, which may be newer than their own last event. That can only
 * make a remembered read look stale when it is not, never the other way round. Events are recorded
 * by the one thread that applies the log, each before the log position that covers it is published.
 */
final class LogStamps {
  private final AtomicLongArray buckets;
  private final int shift;
  /** The newest event that changed any member's profile or settings. */
  private volatile long lastProfileChange;

  /** @param bucketBits log2 of the number of buckets: 8 bytes each */
  LogStamps(int bucketBits) {
    if (bucketBits < 1 || bucketBits > 30) {
      throw new IllegalArgumentException("bucket bits must be between 1 and 30, not " + bucketBits);
    }
    this.buckets = new AtomicLongArray(1 << bucketBits);
    this.shift = 64 - bucketBits;
  }

  void record(Event event) {
    stamp(event.actorId(), event.seq());
    if (event.subjectId() != 0) {
      stamp(event.subjectId(), event.seq());
    }
    if (event.refId() != 0 && isAboutAPost(event.type())) {
      // A post's events carry its id: remembered posts depend on it as on a member (stamps are shared anyway).
      stamp(event.refId(), event.seq());
    }
    if (event.type() == EventType.MEMBER_UPDATED) {
      lastProfileChange = event.seq();
    }
  }

  private static boolean isAboutAPost(EventType type) {
    return switch (type) {
      case POSTED, POST_EDITED, POST_DELETED, REACTED, REACTION_CHANGED, REACTION_REMOVED, COMMENTED,
          COMMENT_DELETED -> true;
      default -> false;
    };
  }

  /** Whether no event applied after {@code position} named any of these members. */
  boolean unchangedSince(long position, long[] memberIds) {
    for (long id : memberIds) {
      if (buckets.get(bucket(id)) > position) {
        return false;
      }
    }
    return true;
  }

  /** Whether no member's profile or settings changed after {@code position}. */
  boolean noProfileChangedSince(long position) {
    return lastProfileChange <= position;
  }

  long bytes() {
    return 8L * buckets.length();
  }

  private void stamp(long memberId, long seq) {
    int bucket = bucket(memberId);
    if (buckets.get(bucket) < seq) {
      buckets.set(bucket, seq);
    }
  }

  /** Member ids are ordered by time, so their low bits alone would crowd; a multiplicative hash spreads them. */
  private int bucket(long memberId) {
    return (int) ((memberId * 0x9E3779B97F4A7C15L) >>> shift);
  }
}
