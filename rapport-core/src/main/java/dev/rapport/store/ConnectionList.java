package dev.rapport.store;

/**
 * A member's connections, newest first, as the store lists them: by when each connection was made,
 * then by the other member's id, both descending.
 *
 * @param ids the other members' ids
 * @param sinceMillis when each connection was made, in epoch milliseconds, for a page's cursor
 */
public record ConnectionList(long[] ids, long[] sinceMillis) {
  public ConnectionList {
    if (ids.length != sinceMillis.length) {
      throw new IllegalArgumentException("%d ids, %d times".formatted(ids.length, sinceMillis.length));
    }
  }

  public int size() {
    return ids.length;
  }
}
