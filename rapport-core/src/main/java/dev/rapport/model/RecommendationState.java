package dev.rapport.model;

/** E2: a recommendation waits for its recipient, is shown on their profile, or is hidden again by them. */
public enum RecommendationState {
  PENDING,
  SHOWN,
  HIDDEN
}
