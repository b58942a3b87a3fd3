package dev.rapport.feed;

/**
 * What one member did to one post lately, for {@code top}: their reaction's time and their comments'.
 *
 * @param reactedAt epoch milliseconds of their reaction, {@link #NONE} without one
 * @param comments how many comments they have on it
 * @param commentedAt epoch milliseconds of their newest comment, {@link #NONE} without one
 */
record Engaged(long postId, long authorId, long reactedAt, int comments, long commentedAt) {
  static final long NONE = Long.MIN_VALUE;

  /** When they engaged last. */
  long at() {
    return Math.max(reactedAt, commentedAt);
  }

  boolean isEmpty() {
    return reactedAt == NONE && comments == 0;
  }

  /** Whether their newest engagement is a comment. */
  boolean lastIsComment() {
    return comments > 0 && commentedAt >= reactedAt;
  }
}
