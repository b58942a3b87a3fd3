package dev.rapport.store;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.PairTies;
import dev.rapport.kernel.Usage;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberPair;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationGroupKey;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules read from a {@link Store}. Commands get it inside {@link Store#run}, where it may
 * see state that the store has not yet made visible to anyone else.
 *
 * <p>Consistency contract: a read that returns members returns versions no newer than the rest of
 * what it returns (read the member rows first, or read everything in one snapshot). With that, a
 * decision made on stale data always fails its commit with a {@link CommitOutcome.Conflict}.
 *
 * <p>Lists are newest first and hide members the viewer has blocked or is blocked by (B2). A
 * failing database is reported as {@link StoreUnavailableException}. An invalid cursor is reported
 * as {@link dev.rapport.problem.InvalidInputException} with type {@code invalid-cursor}.
 */
public interface StoreReads extends AccountReads, ProfileReads {

  /** The reads of posts, reactions and comments (P2-P4). */
  ContentReads content();

  /** The reads of outreach insight (X1, X2). */
  OutreachReads outreach();
  /** The reads of conversations, messages and InMail credits (MS1-MS4). */
  MessagingReads messaging();


  Optional<Member> member(long id);

  Optional<Member> member(Handle handle);

  /** The members with these ids that exist, by id. */
  Map<Long, Member> members(Collection<Long> ids);

  /** The members with these handles that exist, by handle. */
  Map<Handle, Member> membersWithHandles(Collection<Handle> handles);

  /**
   * What the token with this hash grants, if it was ever issued, expired or not: a caller checks
   * {@link TokenGrant#validAt}, so that the answer can be remembered until it expires.
   */
  Optional<TokenGrant> token(String tokenHash);

  /** Both members and everything between them. Both ids must exist. */
  PairState pair(long actorId, long otherId);

  /**
   * As {@link #pair(long, long)}, naming the other member by handle, in one read: empty when no
   * member has that handle.
   */
  Optional<PairState> pair(long actorId, Handle other);

  /**
   * What ties the members of each pair, for many pairs at once (an import decides on it): only pairs
   * with a connection, a follow, a block or an open invitation between them are in the answer. It
   * holds no members: read them first, and a decision on this answer fails its commit if a tie has
   * changed since, because every change of a tie moves both members' versions.
   */
  Map<MemberPair, PairTies> ties(Collection<MemberPair> pairs);

  /**
   * What ties the member to others ({@link MemberTies}), in one snapshot. With two members' ties
   * and whether they are connected, a query knows the state between them without {@link #pair}.
   */
  MemberTies memberTies(long memberId);

  /** The member's connections, newest first, as {@link #connections} lists them. */
  ConnectionList connectionList(long memberId);

  /** What the member used of the invitation limits over the given windows. */
  Usage usage(long memberId, Usage.Windows windows);

  Optional<Invitation> invitation(long id);

  /** How many members the member follows (F1's optional cap). */
  int followingCount(long memberId);

  /**
   * How many follow the member; with {@code onlyConnections}, only followers who are also
   * connections count (F5 hides the others).
   */
  int followerCount(long memberId, boolean onlyConnections);

  /** Who follows the member; {@code onlyConnections} as in {@link #followerCount}. */
  Page<Member> followers(long memberId, boolean onlyConnections, long viewerId, PageRequest page);

  /**
   * Whom the member follows, leaving out follows that F5 currently hides (the followee accepts only
   * connections as followers and the member is not one).
   */
  Page<Member> following(long memberId, long viewerId, PageRequest page);

  /** The member's connections; with {@code onlySharedWithViewer}, only those also connected to the viewer (P1). */
  Page<Member> connections(long memberId, boolean onlySharedWithViewer, long viewerId, PageRequest page);

  /**
   * Invitations the member sent ({@code sent = true}) or received, in any of the given states,
   * leaving out those with a member blocked either way (B2), as other lists do.
   */
  Page<Invitation> invitations(long memberId, boolean sent, Set<InvitationState> states, PageRequest page);

  /**
   * Members whose handle starts with {@code prefix}, or one of whose name's words does (case aside),
   * newest first, leaving out those the viewer blocked or is blocked by (B2).
   *
   * @param prefix lowercase and not empty
   */
  Page<Member> searchMembers(String prefix, long viewerId, PageRequest page);

  /** Members the member has blocked. */
  Page<Member> blocked(long memberId, PageRequest page);

  /** The ids of the members the member has blocked or is blocked by (B2), ascending. */
  long[] blockedEitherWay(long memberId);

  /**
   * The ids of the members N4 must not suggest to the member, beyond themselves and their
   * connections: an open invitation either way, a block either way, or dismissed. Ascending.
   */
  long[] notToSuggest(long memberId);

  Page<Notification> notifications(long memberId, PageRequest page);

  /** NT2: how many of the member's notifications are unread, of those {@link #notifications} lists. */
  int unreadNotificationCount(long memberId);

  /**
   * NT2: the recipient's notifications among {@code ids}, as {@link #notifications} would list them
   * (none a block hides, none of a kind they muted), in ascending id order.
   */
  List<Notification> notifications(long recipientId, long[] ids);

  /**
   * NT1: the recipient's notifications of each of these groups (a kind, ref and skill on one UTC
   * day), as {@link #notifications} would list them (none a block hides, none of a kind they
   * muted), in ascending id order: what groups them whole in one read
   * (docs/decisions/0042-notifications-grouped-on-read-by-day.md).
   */
  List<Notification> notificationGroups(long recipientId, Collection<NotificationGroupKey> groups);

  /** NT2: the notification kinds the member muted. */
  Set<NotificationKind> mutedNotificationKinds(long memberId);

  /**
   * The events whose subject is the member, and the messages they sent ({@code MESSAGE_SENT} with
   * the member as actor), after log position {@code afterSeq} and up to {@code upToSeq}, in log
   * order, at most {@code limit}: what a live stream resumes from. {@code
   * upToSeq} must be at most {@link #lastPosition}.
   */
  List<Event> eventsAbout(long memberId, long afterSeq, long upToSeq, int limit);

  /** When a follow by the follower last notified the followee (NT1), if one ever did. */
  Optional<Instant> lastFollowNotice(long followeeId, long followerId);

  /** Receives connections one by one. */
  @FunctionalInterface
  interface ConnectionSink {
    void connection(long a, long b);
  }

  /**
   * Every connection, once each, as one snapshot, and the log position it reflects: replaying the
   * log's events after that position onto these connections gives the connections of any later
   * moment. How the graph index loads at start.
   *
   * @return the log position
   */
  long forEachConnection(ConnectionSink sink);

  /** Up to {@code limit} events after log position {@code afterSeq}, in log order. */
  List<Event> eventsAfter(long afterSeq, int limit);

  /**
   * The log position of the newest event that {@link #eventsAfter} can give now: every event up to
   * it can be read, and none after it yet (0 for an empty log).
   */
  long lastPosition();

  /** The copy of the graph index saved last ({@link Store#saveIndex}), if any. */
  Optional<SavedIndex> savedIndex();
}
