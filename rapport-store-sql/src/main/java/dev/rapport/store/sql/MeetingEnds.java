package dev.rapport.store.sql;

/**
 * Where two readings of a table's members, one from each end ({@link Dialect.End}), have got to,
 * so that each member's connections go to the sink from one end only: from the end that hands
 * over the first block holding the member. The other end stops before it. A member whose
 * connections fill more than one block is so given whole, by one end.
 *
 * <p>{@link #take} is called by one thread at a time (the load's lock); {@link #wants} by the
 * readers at any time, as a hint that stops a reading soon after the ends meet.
 */
final class MeetingEnds {
  /** The highest member given from the bottom end. */
  private volatile long bottomReached = Long.MIN_VALUE;
  /** The lowest member given from the top end. */
  private volatile long topReached = Long.MAX_VALUE;

  /** Whether a member read from this end may still be this end's to give. */
  boolean wants(Dialect.End end, long member) {
    return switch (end) {
      case NONE -> true;
      case BOTTOM -> member < topReached;
      case TOP -> member > bottomReached;
    };
  }

  /**
   * How many of a block's first connections this end gives, their members being in this end's
   * order ({@code members[0..size)}); moves this end up to the last of them. Fewer than {@code size}
   * means the ends have met: nothing more from this end.
   */
  int take(Dialect.End end, long[] members, int size) {
    if (end == Dialect.End.NONE) {
      return size;
    }
    int given = 0;
    while (given < size && wants(end, members[given])) {
      given++;
    }
    if (given > 0) {
      if (end == Dialect.End.BOTTOM) {
        bottomReached = members[given - 1];
      } else {
        topReached = members[given - 1];
      }
    }
    return given;
  }
}
