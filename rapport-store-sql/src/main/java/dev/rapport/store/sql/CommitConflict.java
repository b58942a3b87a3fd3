package dev.rapport.store.sql;

/**
 * A commit cannot apply: a member's version moved or a uniqueness the store guards would break.
 * Expected under contention, so it carries no stack trace.
 */
final class CommitConflict extends Exception {
  CommitConflict(String reason) {
    super(reason, null, false, false);
  }
}
