package dev.rapport.model;

import java.util.Arrays;

/**
 * P4: how many reactions of each kind, and how many comments, a post has. Immutable.
 *
 * @param reactions by {@link ReactionKind#ordinal()}, six counts
 */
public record EngagementCounts(int[] reactions, int comments) {
  public static final EngagementCounts NONE = new EngagementCounts(new int[ReactionKind.values().length], 0);

  public EngagementCounts {
    if (reactions.length != ReactionKind.values().length) {
      throw new IllegalArgumentException("a count per reaction kind, not " + reactions.length);
    }
    reactions = reactions.clone();
  }

  public int of(ReactionKind kind) {
    return reactions[kind.ordinal()];
  }

  public int reactionTotal() {
    int total = 0;
    for (int count : reactions) {
      total += count;
    }
    return total;
  }

  /** These counts less the other's, none below zero: a post's counts without what a block hides (B2). */
  public EngagementCounts minus(EngagementCounts other) {
    int[] left = new int[reactions.length];
    for (int i = 0; i < left.length; i++) {
      left[i] = Math.max(0, reactions[i] - other.reactions[i]);
    }
    return new EngagementCounts(left, Math.max(0, comments - other.comments));
  }

  @Override
  public int[] reactions() {
    return reactions.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EngagementCounts other && comments == other.comments
        && Arrays.equals(reactions, other.reactions);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(reactions) + comments;
  }

  @Override
  public String toString() {
    return "EngagementCounts" + Arrays.toString(reactions) + "+" + comments;
  }
}
