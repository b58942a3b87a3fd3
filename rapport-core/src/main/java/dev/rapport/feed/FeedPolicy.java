package dev.rapport.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers of the feed (P3), configuration rather than code (docs/decisions/0025-posts-and-the-feed-index.md).
 *
 * @param engagementWindow how far back a connection's reaction or comment brings a post into the
 *     viewer's {@code top} feed
 * @param engagementsPerMember the most recent engagements kept per member for that
 * @param topCandidates the newest posts of followed authors that {@code top} scores, and as many
 *     again of the other posts connections engaged with, those engaged with most lately
 *     (docs/decisions/0033-top-scores-the-posts-engaged-with-most-lately.md)
 * @param halfLife the age at which a post's recency counts half
 * @param ownWeight relationship weight of the viewer's own posts
 * @param connectionWeight of a followed connection's posts
 * @param pageWeight of a followed company page's posts
 * @param followingWeight of a followed member's posts who is not a connection
 * @param engagedWeight of a post that is there only because connections reacted to or commented on it
 * @param rankedPostsKept how many posts of {@code top} rankings are kept, over all rankings, for their later
 *     pages
 */
public record FeedPolicy(Duration engagementWindow, int engagementsPerMember, int topCandidates, Duration halfLife,
    double ownWeight, double connectionWeight, double pageWeight, double followingWeight, double engagedWeight,
    long rankedPostsKept) {

  public FeedPolicy {
    Objects.requireNonNull(engagementWindow, "engagementWindow");
    Objects.requireNonNull(halfLife, "halfLife");
    if (engagementWindow.isNegative() || halfLife.isNegative() || halfLife.isZero() || engagementsPerMember < 0
        || topCandidates < 1 || rankedPostsKept < 0) {
      throw new IllegalArgumentException("a feed policy number out of range");
    }
  }

  /**
   * LinkedIn-like defaults: a week of engagement, 100 per member, 2,000 candidates, a day's
   * half-life, and two million ranked posts kept (some five hundred rankings of 4,000).
   */
  public static FeedPolicy defaults() {
    return new FeedPolicy(Duration.ofDays(7), 100, 2_000, Duration.ofHours(24), 0.8, 1.0, 0.7, 0.8, 0.6, 2_000_000);
  }

  /** How much a relationship weighs in the score. */
  public double weight(FeedReason.Kind reason) {
    return switch (reason) {
      case OWN -> ownWeight;
      case CONNECTION -> connectionWeight;
      case PAGE -> pageWeight;
      case FOLLOWING -> followingWeight;
      case CONNECTION_REACTED, CONNECTION_COMMENTED -> engagedWeight;
    };
  }

  /**
   * P3's {@code top} score: relationship weight x 2^(-age / half-life) x (1 + ln(1 + engaged
   * connections)), age counted from when the ranking was made, never below zero.
   */
  public double score(FeedReason.Kind reason, long createdMillis, long nowMillis, int engagedConnections) {
    double age = Math.max(0, nowMillis - createdMillis);
    double recency = Math.pow(2, -age / halfLife.toMillis());
    return weight(reason) * recency * (1 + Math.log1p(engagedConnections));
  }
}
