package dev.rapport.readcache;

/**
 * Which of the events naming a member (or a post, by its id) make a remembered answer that depends
 * on them stale (docs/decisions/0031-a-post-changes-its-own-answers.md).
 */
public enum MemberEvents {
  /** Every event that names them. */
  ALL,
  /**
   * Every event that names them but reactions, comments and edits: what changes which posts a
   * member has (a post, a deletion) and everything not about a post.
   */
  ALL_BUT_ENGAGEMENT,
  /**
   * Every event that names them but those about a post (a post, an edit, a deletion, a reaction, a
   * comment): what a member's ties, blocks and profile are.
   */
  ALL_BUT_POSTS
}
