package dev.rapport.kernel;

import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationGroupKey;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Restriction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what a decision does, each change paired with the event that records it, so no rule can
 * change state without logging it. Not thread safe: one per decision.
 */
public final class Effects {
  private final Instant now;
  private final IdGenerator ids;
  private final Map<Long, Long> expectedVersions = new LinkedHashMap<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();

  public Effects(Instant now, IdGenerator ids) {
    this.now = now;
    this.ids = ids;
  }

  public Instant now() {
    return now;
  }

  public long newId() {
    return ids.next();
  }

  /** The commit applies only if the member is still at this version. */
  public Effects expect(long memberId, long version) {
    expectedVersions.put(memberId, version);
    return this;
  }

  public Effects expectPair(PairState pair) {
    expect(pair.actor().id(), pair.actor().version());
    return expect(pair.other().id(), pair.other().version());
  }

  public boolean isEmpty() {
    return changes.isEmpty() && events.isEmpty();
  }

  public Commit toCommit() {
    return new Commit(expectedVersions, changes, events);
  }

  /** Adds a change and its event. Rules with a change not covered below use this directly. */
  public Effects add(Change change, EventType type, long actorId, long subjectId, long refId) {
    changes.add(change);
    events.add(new Event(0, type, now, actorId, subjectId, refId));
    return this;
  }

  public Effects follow(long followerId, long followeeId) {
    return add(new Change.AddFollow(followerId, followeeId, now), EventType.FOLLOWED, followerId, followeeId, 0);
  }

  /** Logged as the follower unfollowing the followee, whoever of the two removed it (F4, F6). */
  public Effects unfollow(long followerId, long followeeId) {
    return add(new Change.RemoveFollow(followerId, followeeId), EventType.UNFOLLOWED, followerId, followeeId, 0);
  }

  public Effects connect(long actorId, long otherId, long invitationId) {
    return add(new Change.AddConnection(actorId, otherId, now), EventType.CONNECTED, actorId, otherId, invitationId);
  }

  public Effects disconnect(long actorId, long otherId) {
    return add(new Change.RemoveConnection(actorId, otherId), EventType.DISCONNECTED, actorId, otherId, 0);
  }

  public Effects sendInvitation(Invitation invitation) {
    return add(new Change.AddInvitation(invitation), EventType.INVITATION_SENT,
        invitation.senderId(), invitation.recipientId(), invitation.id());
  }

  /** Moves an invitation to a new state, logged as the event of that state. */
  public Effects transition(Invitation invitation, InvitationState state, long actorId) {
    Invitation next = invitation.withState(state, now);
    EventType type = switch (state) {
      case ACCEPTED -> EventType.INVITATION_ACCEPTED;
      case IGNORED -> EventType.INVITATION_IGNORED;
      case WITHDRAWN -> EventType.INVITATION_WITHDRAWN;
      case CANCELED -> EventType.INVITATION_CANCELED;
      case PENDING -> throw new IllegalArgumentException("an invitation never returns to pending");
    };
    return add(new Change.UpdateInvitation(next), type, actorId, invitation.otherThan(actorId), invitation.id());
  }

  public Effects report(Invitation invitation, long reporterId) {
    return add(new Change.UpdateInvitation(invitation.reported(now)), EventType.INVITATION_REPORTED,
        reporterId, invitation.senderId(), invitation.id());
  }

  public Effects block(long blockerId, long blockedId) {
    return add(new Change.AddBlock(blockerId, blockedId, now), EventType.BLOCKED, blockerId, blockedId, 0);
  }

  public Effects unblock(long blockerId, long blockedId) {
    return add(new Change.RemoveBlock(blockerId, blockedId), EventType.UNBLOCKED, blockerId, blockedId, 0);
  }

  /**
   * B1: removes what the two gave each other (endorsements, recommendations); the block's own event
   * names both members, so this change has none of its own.
   */
  public Effects removeGiven(long aId, long bId) {
    changes.add(new Change.RemoveGiven(aId, bId));
    return this;
  }

  public Effects dismissSuggestion(long memberId, long dismissedId) {
    return add(new Change.AddDismissal(memberId, dismissedId, now), EventType.SUGGESTION_DISMISSED,
        memberId, dismissedId, 0);
  }

  public Effects refuse(long memberId, long recipientId) {
    return add(new Change.AddRefusal(memberId, now), EventType.INVITATION_REFUSED, memberId, recipientId, 0);
  }

  public Effects restrict(Restriction restriction) {
    return add(new Change.AddRestriction(restriction), EventType.RESTRICTED, restriction.memberId(), 0, 0);
  }

  /**
   * NT2: logged with the member as its subject too, so that the live stream tells the member's other
   * sessions, and a stream resumes it, by the log's index of subjects (docs/decisions/0036-the-live-stream-follows-the-log.md).
   */
  public Effects markNotificationsRead(long recipientId, long upToId) {
    return add(new Change.MarkNotificationsRead(recipientId, upToId), EventType.NOTIFICATIONS_READ, recipientId,
        recipientId, upToId);
  }

  /**
   * NT2: the recipient's notifications of one group up to {@code upToId} become read (a notification
   * of its own: from its id to its id), logged as {@link #markNotificationsRead(long, long)} is but
   * with ref 0, since they are not all those up to an id.
   */
  public Effects markNotificationGroupRead(long recipientId, NotificationGroupKey key, long fromId, long upToId) {
    return add(new Change.MarkNotificationGroupRead(recipientId, key, fromId, upToId), EventType.NOTIFICATIONS_READ,
        recipientId, recipientId, 0);
  }

  /**
   * M2, MS2: a member's InMail credits. The message or refund event of the same commit logs it,
   * so this change has none of its own.
   */
  public Effects credits(long memberId, int balance, int month) {
    return alongside(new Change.SetInMailCredits(memberId, balance, month));
  }

  /**
   * A change that another event of the same commit logs (a message's event logs what it does to
   * its conversation), so that one thing done is one event.
   */
  public Effects alongside(Change change) {
    changes.add(change);
    return this;
  }

  /**
   * NT1: a notification for the recipient, logged as an event of its own ({@code NOTIFIED}, the
   * recipient its subject, the notification its ref), so that the live stream carries it with a log
   * position as its id (docs/decisions/0035-notifications-at-commit-muted-and-logged.md).
   */
  public Effects notify(long recipientId, NotificationKind kind, long actorId, long refId) {
    return notify(recipientId, kind, actorId, refId, "");
  }

  /** NT1: as {@link #notify(long, NotificationKind, long, long)}, about a skill (an endorsement). */
  public Effects notify(long recipientId, NotificationKind kind, long actorId, long refId, String about) {
    long id = ids.next();
    return add(new Change.AddNotification(new Notification(id, recipientId, kind, actorId, refId, about, now,
        false)), EventType.NOTIFIED, actorId, recipientId, id);
  }

  /** NT2: the member's muted notification kinds become these. */
  public Effects muteNotifications(long memberId, Set<NotificationKind> muted) {
    return add(new Change.SetNotificationMutes(memberId, muted), EventType.NOTIFICATION_SETTINGS_SET, memberId,
        memberId, 0);
  }
}
