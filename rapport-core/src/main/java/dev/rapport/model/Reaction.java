package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;

/** P4: a member's one reaction to a post, and when they set it last. */
public record Reaction(long postId, long memberId, ReactionKind kind, Instant at) {
  public Reaction {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
  }
}
