package dev.rapport.network;

/**
 * What the graph index holds and how far it follows the event log, for monitoring: read-only, and
 * free of any metrics library, which the server adds on top. Each figure is read without waiting
 * for the index's writer, so one read beside a write may be a moment old. Thread safe.
 */
public interface IndexStatistics {
  /** The members the index knows (those with a connection now or since it loaded). O(1). */
  int members();

  /** The connections the index holds, each counted once. O(1). */
  long connections();

  /** The members whose connections sit in the overlay of recent changes, awaiting a compaction. O(1). */
  int overlaidMembers();

  /** The compactions of the overlay into the index's rows since it loaded. O(1). */
  long compactions();

  /** The events the store's log holds that the index has not applied yet: one read of the log's last position. */
  long eventsBehind();

  /** The bytes of the arrays the index keeps (see {@link NetworkReads#footprintBytes()}). Linear in the members. */
  long footprintBytes();
}
