package dev.rapport.follow;

/** What a follow or unfollow did: it is idempotent (F4), so "nothing to do" is a success too. */
public enum FollowOutcome {
  CHANGED,
  UNCHANGED
}
