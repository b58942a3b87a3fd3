package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;

/** P4: a comment on a post, by its writer. */
public record Comment(long id, long postId, long authorId, String text, Instant createdAt) {
  public Comment {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
