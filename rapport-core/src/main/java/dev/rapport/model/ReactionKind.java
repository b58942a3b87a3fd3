package dev.rapport.model;

/** P4: LinkedIn's six reactions. Stored by name: never rename a constant. */
public enum ReactionKind {
  LIKE,
  CELEBRATE,
  SUPPORT,
  LOVE,
  INSIGHTFUL,
  FUNNY
}
