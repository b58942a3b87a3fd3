package dev.rapport.store;

/** The answer of {@link Store#commit}. */
public sealed interface CommitOutcome {
  /** Everything applied and durable; {@code lastSeq} is the log position of the commit's last event. */
  record Applied(long lastSeq) implements CommitOutcome {}

  /**
   * Nothing applied: a member's version moved, or a uniqueness the store guards (handle, one open
   * invitation per pair) would break. The caller re-reads and decides again.
   */
  record Conflict(String reason) implements CommitOutcome {}
}
