package dev.rapport.readcache;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * For each member, the log position of the newest event applied here that named them, or a later
 * one: what tells a remembered read whether it may still be served (docs/decisions/0012). Kept three
 * times, once for each kind of {@link MemberEvents} an answer can depend on
 * (docs/decisions/0031-a-post-changes-its-own-answers.md).
 *
 * <p>Members share a fixed number of buckets, so the memory does not grow with the network; a
 * member's stamp is their bucket's, which may be newer than their own last event. That can only
 * make a remembered read look stale when it is not, never the other way round. Events are recorded
 * by the one thread that applies the log, each before the log position that covers it is published.
 */
final class LogStamps {
  private final AtomicLongArray all;
  private final AtomicLongArray butEngagement;
  private final AtomicLongArray butPosts;
  private final int shift;
  /** The newest event that changed any member's profile or settings. */
  private volatile long lastProfileChange;

  /** @param bucketBits log2 of the number of buckets: 24 bytes each */
  LogStamps(int bucketBits) {
    if (bucketBits < 1 || bucketBits > 30) {
      throw new IllegalArgumentException("bucket bits must be between 1 and 30, not " + bucketBits);
    }
    this.all = new AtomicLongArray(1 << bucketBits);
    this.butEngagement = new AtomicLongArray(1 << bucketBits);
    this.butPosts = new AtomicLongArray(1 << bucketBits);
    this.shift = 64 - bucketBits;
  }

  void record(Event event) {
    boolean aboutAPost = isAboutAPost(event.type());
    boolean engagement = aboutAPost && event.type() != EventType.POSTED && event.type() != EventType.POST_DELETED;
    stamp(event.actorId(), event.seq(), aboutAPost, engagement);
    if (event.subjectId() != 0) {
      stamp(event.subjectId(), event.seq(), aboutAPost, engagement);
    }
    if (event.refId() != 0 && aboutAPost) {
      // A post's events carry its id: remembered posts depend on it as on a member (stamps are shared anyway).
      stamp(all, event.refId(), event.seq());
    }
    if (event.type() == EventType.MEMBER_UPDATED) {
      lastProfileChange = event.seq();
    }
  }

  /**
   * The kinds of {@link MemberEvents} under which an event of this type names its actor and subject,
   * as bits {@code 1 << ordinal()}; a post's own id is named under {@link MemberEvents#ALL} alone.
   */
  static int memberKinds(EventType type) {
    boolean aboutAPost = isAboutAPost(type);
    boolean engagement = aboutAPost && type != EventType.POSTED && type != EventType.POST_DELETED;
    return 1 << MemberEvents.ALL.ordinal() | (engagement ? 0 : 1 << MemberEvents.ALL_BUT_ENGAGEMENT.ordinal())
        | (aboutAPost ? 0 : 1 << MemberEvents.ALL_BUT_POSTS.ordinal());
  }

  static boolean isAboutAPost(EventType type) {
    return switch (type) {
      case POSTED, POST_EDITED, POST_DELETED, REACTED, REACTION_CHANGED, REACTION_REMOVED, COMMENTED,
          COMMENT_DELETED -> true;
      default -> false;
    };
  }

  /** Whether no event of the kind {@code events} applied after {@code position} named any of these members. */
  boolean unchangedSince(long position, long[] memberIds, MemberEvents events) {
    AtomicLongArray buckets = buckets(events);
    for (long id : memberIds) {
      if (buckets.get(bucket(id)) > position) {
        return false;
      }
    }
    return true;
  }

  /**
   * Those of the members or posts that an event of the kind {@code events} applied after {@code
   * position} named, or whose bucket another in it did, in their order; one stamp read each.
   */
  long[] changedSince(long position, long[] ids, MemberEvents events) {
    AtomicLongArray buckets = buckets(events);
    long[] changed = null;
    int n = 0;
    for (long id : ids) {
      if (buckets.get(bucket(id)) > position) {
        if (changed == null) {
          changed = new long[Math.min(ids.length, 16)];
        } else if (n == changed.length) {
          changed = Arrays.copyOf(changed, Math.min(ids.length, 2 * n));
        }
        changed[n++] = id;
      }
    }
    return changed == null ? NO_IDS : n == changed.length ? changed : Arrays.copyOf(changed, n);
  }

  private static final long[] NO_IDS = {};

  private AtomicLongArray buckets(MemberEvents events) {
    return switch (events) {
      case ALL -> all;
      case ALL_BUT_ENGAGEMENT -> butEngagement;
      case ALL_BUT_POSTS -> butPosts;
    };
  }

  /** Whether no member's profile or settings changed after {@code position}. */
  boolean noProfileChangedSince(long position) {
    return lastProfileChange <= position;
  }

  long bytes() {
    return 8L * (all.length() + butEngagement.length() + butPosts.length());
  }

  private void stamp(long memberId, long seq, boolean aboutAPost, boolean engagement) {
    stamp(all, memberId, seq);
    if (!engagement) {
      stamp(butEngagement, memberId, seq);
    }
    if (!aboutAPost) {
      stamp(butPosts, memberId, seq);
    }
  }

  private void stamp(AtomicLongArray buckets, long id, long seq) {
    int bucket = bucket(id);
    if (buckets.get(bucket) < seq) {
      buckets.set(bucket, seq);
    }
  }

  /** Member ids are ordered by time, so their low bits alone would crowd; a multiplicative hash spreads them. */
  private int bucket(long memberId) {
    return (int) ((memberId * 0x9E3779B97F4A7C15L) >>> shift);
  }
}
