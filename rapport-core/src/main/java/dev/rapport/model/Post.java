package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A post as stored (P2): its author is a member or a company page.
 *
 * @param editedAt when its author last changed its text; empty if never (an edited post says so)
 * @param counts its reactions per kind and its comments, kept by the store with every change (P4)
 */
public record Post(long id, long authorId, String text, PostVisibility visibility, Instant createdAt,
    Optional<Instant> editedAt, EngagementCounts counts) {
  public Post {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(createdAt, "createdAt");
    editedAt = editedAt == null ? Optional.empty() : editedAt;
    counts = counts == null ? EngagementCounts.NONE : counts;
  }

  public Post edited(String newText, Instant at) {
    return new Post(id, authorId, newText, visibility, createdAt, Optional.of(at), counts);
  }

  public Post withCounts(EngagementCounts newCounts) {
    return new Post(id, authorId, text, visibility, createdAt, editedAt, newCounts);
  }
}
