package dev.rapport.outreach;

import dev.rapport.model.Member;
import java.time.Instant;

/**
 * X2: a person the viewer follows and engaged with but has not invited, and why they are listed:
 * the viewer's reactions and comments on their posts within the policy's window, the newest of them,
 * and since when the viewer follows them.
 */
public record Prospect(Member member, int reactions, int comments, Instant lastEngagedAt, Instant followingSince) {

  /** What ranks the prospect: reactions and comments together. */
  public int engagement() {
    return reactions + comments;
  }
}
