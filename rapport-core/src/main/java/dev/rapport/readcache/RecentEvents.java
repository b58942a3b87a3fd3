package dev.rapport.readcache;

import dev.rapport.kernel.Event;
import java.util.concurrent.locks.StampedLock;

/**
 * The members and posts named by the newest events recorded, with the kinds of {@link MemberEvents}
 * each naming counts under, in a ring of fixed size: what tells an answer that depends on many
 * members which of them changed since it was made by reading the few events since rather than a
 * stamp per member (docs/decisions/0037-a-remembered-page-reads-the-events-since-it.md).
 *
 * <p>Written by the one thread that records the log, each event before the log position that covers
 * it is published; read by any thread without blocking it: a read that overlaps a write is told so
 * and answers "not known", never a partial list.
 */
final class RecentEvents {
  private final StampedLock lock = new StampedLock();
  private final long[] seqs;
  private final long[] ids;
  /** Bit {@code 1 << MemberEvents.ordinal()} for each kind the naming counts under. */
  private final byte[] kinds;
  private final int mask;
  /** How many namings were ever written: the next goes to {@code written & mask}. */
  private long written;
  /** The log position of the newest event whose namings were overwritten: the ring knows nothing at or before it. */
  private long forgottenUpTo;

  /** @param capacityBits log2 of how many namings are kept: 17 bytes each */
  RecentEvents(int capacityBits) {
    if (capacityBits < 1 || capacityBits > 24) {
      throw new IllegalArgumentException("capacity bits must be between 1 and 24, not " + capacityBits);
    }
    this.seqs = new long[1 << capacityBits];
    this.ids = new long[1 << capacityBits];
    this.kinds = new byte[1 << capacityBits];
    this.mask = (1 << capacityBits) - 1;
  }

  /** Called for each event of the log, in log order, by one thread. */
  void record(Event event) {
    int actorKinds = LogStamps.memberKinds(event.type());
    long stamp = lock.writeLock();
    try {
      add(event.seq(), event.actorId(), actorKinds);
      if (event.subjectId() != 0 && event.subjectId() != event.actorId()) {
        add(event.seq(), event.subjectId(), actorKinds);
      }
      if (event.refId() != 0 && LogStamps.isAboutAPost(event.type())) {
        add(event.seq(), event.refId(), 1 << MemberEvents.ALL.ordinal());
      }
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  private void add(long seq, long id, int kindBits) {
    int at = (int) (written & mask);
    if (written > mask) {
      forgottenUpTo = seqs[at];
    }
    seqs[at] = seq;
    ids[at] = id;
    kinds[at] = (byte) kindBits;
    written++;
  }

  /**
   * The members and posts named by an event of the kind {@code events} recorded after {@code
   * position}, in no order and possibly repeated, into {@code into}; or -1 if that is not known here:
   * the ring no longer reaches back to {@code position}, more than {@code maxScanned} namings came
   * after it, more than {@code into.length} count, or the log's thread wrote while this read.
   *
   * @return how many ids were written to {@code into}, or -1
   */
  int namedSince(long position, MemberEvents events, int maxScanned, long[] into) {
    long stamp = lock.tryOptimisticRead();
    if (stamp == 0) {
      return -1;
    }
    int bit = 1 << events.ordinal();
    long end = written;
    boolean reachesBack = forgottenUpTo <= position;
    int found = 0;
    long i = end - 1;
    long oldest = Math.max(0, end - 1 - mask);
    for (; i >= oldest && end - i <= maxScanned; i--) {
      int at = (int) (i & mask);
      if (seqs[at] <= position) {
        break;
      }
      if ((kinds[at] & bit) != 0) {
        if (found == into.length) {
          return -1;
        }
        into[found++] = ids[at];
      }
    }
    // Stopped on a naming at or before the position, or ran past the oldest kept with nothing forgotten after it.
    boolean complete = reachesBack && (i < oldest || seqs[(int) (i & mask)] <= position);
    return lock.validate(stamp) && complete ? found : -1;
  }

  long bytes() {
    return 17L * seqs.length;
  }
}
