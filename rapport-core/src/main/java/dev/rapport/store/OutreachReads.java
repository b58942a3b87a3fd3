package dev.rapport.store;

import dev.rapport.model.InvitationState;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What outreach insight reads (X1, X2): a sender's invitations by state and warmth, how a member's
 * follows and connections began and ended week by week, and the members a viewer engaged with. The
 * history comes from the event log where the tables keep only the present
 * (docs/decisions/0030-outreach-analytics-and-prospects.md). Thread safe.
 */
public interface OutreachReads {

  /** How many of a sender's invitations are in this state, warm or cold. */
  record InvitationTally(InvitationState state, boolean warm, int count) {}

  /**
   * What began and ended in one ISO week (Monday 00:00 UTC to the next).
   *
   * @param weekStart the Monday the week starts on, at 00:00 UTC
   */
  record TieTally(Instant weekStart, int followersGained, int followersLost, int connectionsGained,
      int connectionsLost) {}

  /**
   * A member the viewer follows and engaged with lately, and how.
   *
   * @param reactions the viewer's reactions that stand on the member's posts, made in the window
   * @param comments the viewer's comments that stand on the member's posts, written in the window
   * @param lastEngagedAt the newest of those
   * @param followedSince when the viewer's standing follow of the member began
   */
  record EngagedMember(long memberId, int reactions, int comments, Instant lastEngagedAt, Instant followedSince) {}

  /**
   * X1: the sender's invitations sent since {@code sentSince}, counted by state and warmth, leaving
   * out canceled ones and those with a member blocked either way (decision 17). An invitation is warm
   * if, before it was sent, the sender had followed the recipient without a break since at least
   * {@code warmFollowAge} earlier, or had reacted to or commented on one of the recipient's posts.
   * Groups without invitations are left out. One index range over the sender's invitations, with
   * three index lookups in the log for each.
   */
  List<InvitationTally> invitationTallies(long senderId, Instant sentSince, Duration warmFollowAge);

  /**
   * The member's followers and connections gained and lost in each ISO week from {@code since} (a
   * Monday, 00:00 UTC), oldest first, leaving out weeks without any. Counted from the log: follows
   * and connections that end leave no row behind.
   */
  List<TieTally> tieTallies(long memberId, Instant since);

  /**
   * X2: the people the viewer follows and engaged with since {@code engagedSince}, but is not
   * connected to, has no open invitation with either way, and neither blocked nor is blocked by;
   * most engaged first (reactions and comments), then most recently engaged, then by id, descending.
   * The cursor carries those three keys of the last one.
   */
  Page<EngagedMember> prospects(long viewerId, Instant engagedSince, PageRequest page);
}
