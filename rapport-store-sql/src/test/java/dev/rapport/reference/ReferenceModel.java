package dev.rapport.reference;

import dev.rapport.kernel.Policy;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Restriction;
import dev.rapport.model.Tier;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The rules of PRODUCT.md (M2, F1, F4, F5, F6, F7, C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, L1,
 * L2, L3, L4, L5, B1, B2, B3) written the plain way, on sets and lists, for members numbered 0..n-1
 * who all joined at {@code start} with the policy's default tier.
 * Written from the rules, not from the engine, so that the two can be checked against each other.
 * Not thread safe.
 *
 * <p>Where PRODUCT.md leaves a choice this takes the engine's documented one:
 * <ul>
 *   <li>the order of an invitation's checks (see {@link #invite}); C4 checks only L1;
 *   <li>to follow, unfollow, remove a follower or invite, the one blocked reads the blocker as not
 *       found; to remove a connection, both do (B2); block and unblock act whatever the other did,
 *       so each of two members may block the other;
 *   <li>a window counts what happened less than its length ago; a restriction counts only refusals
 *       and reports after the latest restriction started, and its length is the ladder's step for
 *       the member's restrictions so far, of either reason;
 *   <li>reporting an invitation again changes nothing;
 *   <li>an invitation a block canceled is listed to neither side and answers as not found, and while
 *       a block stands neither side lists or answers any invitation between the two (B2).
 * </ul>
 */
final class ReferenceModel implements Network {
  private final Policy policy;
  private final Tier tier;
  private final int members;
  private final Instant joined;
  private Instant now;

  private final Set<Edge> follows = new HashSet<>();
  private final Set<Edge> connections = new HashSet<>();
  private final Set<Edge> blocks = new HashSet<>();
  private final List<Sent> invitations = new ArrayList<>();
  private final List<List<Instant>> weeklyRefusals = new ArrayList<>();
  private final List<List<Restriction>> restrictions = new ArrayList<>();
  private final WhoCanFollow[] whoCanFollow;
  private final WhoCanInvite[] whoCanInvite;

  /** A directed pair; connections are stored from the lower to the higher member. */
  private record Edge(int from, int to) {
    static Edge between(int a, int b) {
      return new Edge(Math.min(a, b), Math.max(a, b));
    }
  }

  /** An invitation; {@code changedAt} is when its state last changed (for withdrawn ones: C6). */
  private record Sent(int sender, int recipient, boolean note, InvitationState state, Instant sentAt,
      Instant changedAt, Optional<Instant> reportedAt) {
    Sent to(InvitationState newState, Instant at) {
      return new Sent(sender, recipient, note, newState, sentAt, at, reportedAt);
    }

    boolean between(int a, int b) {
      return sender == a && recipient == b || sender == b && recipient == a;
    }
  }

  ReferenceModel(Policy policy, int members, Instant start) {
    this.policy = policy;
    this.tier = policy.tier(policy.defaultTier());
    this.members = members;
    this.joined = start;
    this.now = start;
    this.whoCanFollow = new WhoCanFollow[members];
    this.whoCanInvite = new WhoCanInvite[members];
    Arrays.fill(whoCanFollow, WhoCanFollow.EVERYONE);
    Arrays.fill(whoCanInvite, WhoCanInvite.EVERYONE);
    for (int m = 0; m < members; m++) {
      weeklyRefusals.add(new ArrayList<>());
      restrictions.add(new ArrayList<>());
    }
  }

  /**
   * The invitation an answer is about and the member who gives it, -1 when there is none: for
   * {@code OPEN}, an open invitation and the member whose answer it is; for {@code MINE}, any
   * invitation the actor sent or received; for {@code ANY}, any invitation at all.
   */
  Command.AnswerInvitation pick(Answer answer, int actor, int pick, Command.Scope scope) {
    List<Integer> candidates = IntStream.range(0, invitations.size())
        .filter(i -> switch (scope) {
          case OPEN -> invitations.get(i).state().isOpen();
          case MINE -> invitations.get(i).sender() == actor || invitations.get(i).recipient() == actor;
          case ANY -> true;
        })
        .boxed().toList();
    if (candidates.isEmpty()) {
      return new Command.AnswerInvitation(answer, actor, -1);
    }
    int invitation = candidates.get(Math.floorMod(pick, candidates.size()));
    Sent sent = invitations.get(invitation);
    int by = scope != Command.Scope.OPEN ? actor : answer.bySender() ? sent.sender() : sent.recipient();
    return new Command.AnswerInvitation(answer, by, invitation);
  }

  /** Every restriction so far, ended or not, in the order they started. */
  List<Restriction> restrictions() {
    return restrictions.stream().flatMap(List::stream)
        .sorted(Comparator.comparing(Restriction::startsAt))
        .toList();
  }

  // ---- follow: F1, F4, F5, F6, F7 --------------------------------------------------------------

  @Override
  public String follow(int actor, int target) {
    if (actor == target) {
      return "cannot-follow-self";
    }
    if (blocked(target, actor)) {
      return NOT_FOUND;
    }
    if (blocked(actor, target)) {
      return "member-blocked";
    }
    if (!mayFollow(actor, target)) {
      return "follow-restricted";
    }
    return changed(follows.add(new Edge(actor, target)));
  }

  @Override
  public String unfollow(int actor, int target) {
    if (blocked(target, actor)) {
      return NOT_FOUND;
    }
    return changed(follows.remove(new Edge(actor, target)));
  }

  @Override
  public String removeFollower(int actor, int follower) {
    if (blocked(follower, actor)) {
      return NOT_FOUND;
    }
    return changed(follows.remove(new Edge(follower, actor)));
  }

  /** F5: a member who takes only connections as followers. */
  private boolean mayFollow(int actor, int target) {
    return whoCanFollow[target] == WhoCanFollow.EVERYONE || connected(actor, target);
  }

  // ---- connect: C1, C2, C3, C4, C5, C6, C7, C9, C10, C11, L1, L2, L3, L4, L5 -------------------

  /**
   * Checks in this order: self, blocked by the other (not found), blocking the other, connected,
   * own open invitation, the other's open invitation (C4: connect at once if both are below L1),
   * restriction (L5), C9, C6 cooldown, L1, L3, C8 monthly notes, L2 (recording the refusal for L4).
   */
  @Override
  public String invite(int actor, int target, boolean note, Email email) {
    if (actor == target) {
      return "cannot-invite-self";
    }
    if (blocked(target, actor)) {
      return NOT_FOUND;
    }
    if (blocked(actor, target)) {
      return "member-blocked";
    }
    if (connected(actor, target)) {
      return "already-connected";
    }
    if (openInvitation(actor, target).isPresent()) {
      return "invitation-already-pending";
    }
    OptionalInt theirs = openInvitation(target, actor);
    if (theirs.isPresent()) {
      if (atConnectionCap(actor) || atConnectionCap(target)) {
        return "connection-limit";
      }
      connect(theirs.getAsInt());
      return "connected:" + theirs.getAsInt();
    }
    if (restriction(actor).isPresent()) {
      return "invitations-restricted";
    }
    if (whoCanInvite[target] == WhoCanInvite.NOBODY) {
      return "invitations-not-accepted";
    }
    if (whoCanInvite[target] == WhoCanInvite.EMAIL && email != Email.RIGHT) {
      return email == Email.NONE ? "email-required" : "email-mismatch";
    }
    boolean coolingDown = invitations.stream().anyMatch(i -> i.sender() == actor && i.recipient() == target
        && i.state() == InvitationState.WITHDRAWN && within(i.changedAt(), policy.withdrawCooldown()));
    if (coolingDown) {
      return "invitation-cooldown";
    }
    if (atConnectionCap(actor)) {
      return "connection-limit";
    }
    if (openSent(actor) >= policy.maxPendingSent()) {
      return "pending-invitation-limit";
    }
    if (note && tier.monthlyNotes().isPresent() && notesThisMonth(actor) >= tier.monthlyNotes().getAsInt()) {
      return "monthly-note-limit";
    }
    if (sentThisWeek(actor).size() >= weeklyLimit()) {
      refusedByWeeklyLimit(actor);
      return "weekly-invitation-limit";
    }
    invitations.add(new Sent(actor, target, note, InvitationState.PENDING, now, now, Optional.empty()));
    if (mayFollow(actor, target)) {
      follows.add(new Edge(actor, target));
    }
    return "sent:" + (invitations.size() - 1);
  }

  @Override
  public String answer(Answer answer, int actor, int invitation) {
    if (invitation < 0) {
      return NOT_FOUND;
    }
    Sent sent = invitations.get(invitation);
    if ((answer.bySender() ? sent.sender() : sent.recipient()) != actor) {
      return NOT_FOUND;
    }
    // B2: what a block canceled, or anything across a block, does not exist for either side.
    if (sent.state() == InvitationState.CANCELED
        || blocked(sent.sender(), sent.recipient()) || blocked(sent.recipient(), sent.sender())) {
      return NOT_FOUND;
    }
    return switch (answer) {
      case ACCEPT -> accept(invitation);
      case IGNORE -> ignore(invitation);
      case WITHDRAW -> withdraw(invitation);
      case REPORT -> report(invitation);
    };
  }

  private String accept(int invitation) {
    Sent sent = invitations.get(invitation);
    if (!sent.state().isOpen()) {
      return "invitation-not-open";
    }
    if (atConnectionCap(sent.recipient()) || atConnectionCap(sent.sender())) {
      return "connection-limit";
    }
    connect(invitation);
    return "ok";
  }

  private String ignore(int invitation) {
    Sent sent = invitations.get(invitation);
    if (!sent.state().isOpen()) {
      return "invitation-not-open";
    }
    if (sent.state() == InvitationState.PENDING) {
      invitations.set(invitation, sent.to(InvitationState.IGNORED, now));
    }
    return "ok";
  }

  private String withdraw(int invitation) {
    Sent sent = invitations.get(invitation);
    if (!sent.state().isOpen()) {
      return "invitation-not-open";
    }
    invitations.set(invitation, sent.to(InvitationState.WITHDRAWN, now));
    return "ok";
  }

  /** C7: ignores the invitation and counts against the sender; a second report changes nothing. */
  private String report(int invitation) {
    Sent sent = invitations.get(invitation);
    if (!sent.state().isOpen()) {
      return "invitation-not-open";
    }
    if (sent.reportedAt().isPresent()) {
      return "ok";
    }
    invitations.set(invitation, new Sent(sent.sender(), sent.recipient(), sent.note(), InvitationState.IGNORED,
        sent.sentAt(), now, Optional.of(now)));
    int sender = sent.sender();
    if (restriction(sender).isEmpty()) {
      Instant since = latestRestrictionStart(sender);
      long reports = invitations.stream()
          .filter(i -> i.sender() == sender)
          .flatMap(i -> i.reportedAt().stream())
          .filter(at -> within(at, policy.reportWindow()) && at.isAfter(since))
          .count();
      if (reports >= policy.reportsToRestrict()) {
        restrict(sender, Restriction.REPORTED);
      }
    }
    return "ok";
  }

  /** C3, C4: the invitation is accepted; the two connect and follow each other. */
  private void connect(int invitation) {
    Sent sent = invitations.get(invitation);
    invitations.set(invitation, sent.to(InvitationState.ACCEPTED, now));
    connections.add(Edge.between(sent.sender(), sent.recipient()));
    follows.add(new Edge(sent.sender(), sent.recipient()));
    follows.add(new Edge(sent.recipient(), sent.sender()));
  }

  /** L4: the refusalsToRestrict-th weekly-limit refusal within the window restricts the member. */
  private void refusedByWeeklyLimit(int member) {
    weeklyRefusals.get(member).add(now);
    Instant since = latestRestrictionStart(member);
    long recent = weeklyRefusals.get(member).stream()
        .filter(at -> within(at, policy.refusalWindow()) && at.isAfter(since))
        .count();
    if (recent >= policy.refusalsToRestrict()) {
      restrict(member, Restriction.WEEKLY_LIMIT_REFUSALS);
    }
  }

  private void restrict(int member, String reason) {
    List<Restriction> past = restrictions.get(member);
    past.add(new Restriction(member, reason, now, now.plus(policy.restrictionLength(past.size()))));
  }

  private Optional<Restriction> restriction(int member) {
    return restrictions.get(member).stream().filter(r -> r.activeAt(now)).findFirst();
  }

  private Instant latestRestrictionStart(int member) {
    return restrictions.get(member).stream().map(Restriction::startsAt).max(Instant::compareTo)
        .orElse(Instant.MIN);
  }

  private OptionalInt openInvitation(int sender, int recipient) {
    return IntStream.range(0, invitations.size())
        .filter(i -> invitations.get(i).sender() == sender && invitations.get(i).recipient() == recipient
            && invitations.get(i).state().isOpen())
        .findFirst();
  }

  private int openSent(int member) {
    return (int) invitations.stream().filter(i -> i.sender() == member && i.state().isOpen()).count();
  }

  /** L2: every invitation the member sent within the rolling window, whatever became of it. */
  private List<Instant> sentThisWeek(int member) {
    return invitations.stream()
        .filter(i -> i.sender() == member && within(i.sentAt(), policy.invitationWindow()))
        .map(Sent::sentAt)
        .sorted()
        .toList();
  }

  /** C8: notes are counted per calendar month in UTC, whatever became of their invitations. */
  private int notesThisMonth(int member) {
    Instant monthStart = monthStart();
    return (int) invitations.stream()
        .filter(i -> i.sender() == member && i.note() && !i.sentAt().isBefore(monthStart))
        .count();
  }

  private Instant monthStart() {
    return YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** M2: new accounts have the tier's lower weekly limit. */
  private int weeklyLimit() {
    boolean young = Duration.between(joined, now).compareTo(policy.newAccountAge()) < 0;
    return young ? tier.newAccountWeeklyInvitations() : tier.weeklyInvitations();
  }

  private boolean atConnectionCap(int member) {
    return connectionCount(member) >= policy.maxConnections();
  }

  private int connectionCount(int member) {
    return (int) connections.stream().filter(e -> e.from() == member || e.to() == member).count();
  }

  @Override
  public String removeConnection(int actor, int target) {
    if (blocked(target, actor) || blocked(actor, target)) {
      return NOT_FOUND;
    }
    if (!connections.remove(Edge.between(actor, target))) {
      return "not-connected";
    }
    follows.remove(new Edge(actor, target));
    follows.remove(new Edge(target, actor));
    return "ok";
  }

  // ---- blocks: B1, B3 --------------------------------------------------------------------------

  @Override
  public String block(int actor, int target) {
    if (actor == target) {
      return "cannot-block-self";
    }
    if (!blocks.add(new Edge(actor, target))) {
      return "unchanged";
    }
    connections.remove(Edge.between(actor, target));
    follows.remove(new Edge(actor, target));
    follows.remove(new Edge(target, actor));
    for (int i = 0; i < invitations.size(); i++) {
      Sent sent = invitations.get(i);
      if (sent.between(actor, target) && sent.state().isOpen()) {
        invitations.set(i, sent.to(InvitationState.CANCELED, now));
      }
    }
    return "changed";
  }

  @Override
  public String unblock(int actor, int target) {
    return changed(blocks.remove(new Edge(actor, target)));
  }

  private boolean blocked(int blocker, int blocked) {
    return blocks.contains(new Edge(blocker, blocked));
  }

  private boolean connected(int a, int b) {
    return connections.contains(Edge.between(a, b));
  }

  // ---- settings and time -----------------------------------------------------------------------

  @Override
  public String settings(int actor, WhoCanFollow follow, WhoCanInvite invite) {
    whoCanFollow[actor] = follow;
    whoCanInvite[actor] = invite;
    return "ok";
  }

  @Override
  public String advance(Duration by) {
    now = now.plus(by);
    return "ok";
  }

  /** Whether {@code at} is less than {@code window} ago. */
  private boolean within(Instant at, Duration window) {
    return at.plus(window).isAfter(now);
  }

  private static String changed(boolean changed) {
    return changed ? "changed" : "unchanged";
  }

  // ---- the state as each member sees it --------------------------------------------------------

  @Override
  public State state() {
    List<MemberState> states = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      int member = m;
      TreeSet<Integer> connected = new TreeSet<>();
      TreeSet<Integer> following = new TreeSet<>();
      TreeSet<Integer> followers = new TreeSet<>();
      for (int other = 0; other < members; other++) {
        if (connected(member, other)) {
          connected.add(other);
        }
        if (follows.contains(new Edge(member, other)) && mayFollow(member, other)) {
          following.add(other);
        }
        if (follows.contains(new Edge(other, member)) && mayFollow(other, member)) {
          followers.add(other);
        }
      }
      TreeSet<Integer> blocked = new TreeSet<>();
      blocks.stream().filter(b -> b.from() == member).forEach(b -> blocked.add(b.to()));
      TreeMap<Integer, InvitationState> received = new TreeMap<>();
      TreeMap<Integer, InvitationState> sentBox = new TreeMap<>();
      for (int i = 0; i < invitations.size(); i++) {
        Sent sent = invitations.get(i);
        // B2: a block cancels and hides; neither side lists an invitation with the other while it stands.
        if (sent.state() == InvitationState.CANCELED
            || blocked(sent.sender(), sent.recipient()) || blocked(sent.recipient(), sent.sender())) {
          continue;
        }
        if (sent.recipient() == member) {
          received.put(i, sent.state());
        }
        if (sent.sender() == member) {
          sentBox.put(i, sent.state().seenBySender());
        }
      }
      List<Instant> week = sentThisWeek(member);
      int notes = notesThisMonth(member);
      Optional<Instant> nextMonth = Optional.of(monthStart().atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
      Limits limits = new Limits(weeklyLimit(), week.size(),
          week.stream().findFirst().map(at -> at.plus(policy.invitationWindow())),
          notes, notes == 0 ? Optional.empty() : nextMonth,
          openSent(member), connectionCount(member),
          restriction(member).map(r -> r.reason() + " " + r.startsAt() + ".." + r.endsAt()));
      states.add(new MemberState(member, connected, following, followers, blocked, received, sentBox, limits));
    }
    return new State(states);
  }
}
