package dev.rapport.feed;

/** P3: the feed's two orders. */
public enum FeedOrder {
  /** Newest first, by creation. */
  RECENT,
  /** Best first by the documented score ({@link FeedPolicy#score}), each item with its reason. */
  TOP
}
