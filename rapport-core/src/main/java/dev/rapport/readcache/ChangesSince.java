package dev.rapport.readcache;

/**
 * What tells the parts of an answer made from these reads (the items of a page) which of them an
 * event changed since they were made, so that a read keeps the others and makes only those
 * (docs/decisions/0043-a-remembered-page-keeps-its-items.md). The same stamps and ring of recent
 * namings as every remembered answer; thread safe.
 */
public final class ChangesSince {
  private final RememberedReads remembered;

  ChangesSince(RememberedReads remembered) {
    this.remembered = remembered;
  }

  /**
   * The log position to remember parts at: taken before they are read or checked, whatever those
   * see is at least this new.
   */
  public long position() {
    return remembered.position();
  }

  /**
   * Those of {@code ascendingIds}, members and posts in ascending order, that an event of the kind
   * {@code events} named after {@code position}, ascending; or more (those whose stamp another
   * shares), never fewer.
   */
  public long[] changedAmong(long position, long[] ascendingIds, MemberEvents events) {
    return remembered.changedAmong(position, ascendingIds, events);
  }
}
