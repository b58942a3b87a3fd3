package dev.rapport.reference;

import dev.rapport.kernel.Policy;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Restriction;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules of PRODUCT.md (M2, F1, F4, F5, F6, F7, C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, L1,
 * L2, L3, L4, L5, B1, B2, B3) written the plain way, on sets and lists, for members numbered 0..n-1
 * who all joined at {@code start} with the policy's default tier.
 * Written from the rules, not from the engine, so that the two can be checked against each other.
 * Follows, connections and blocks are here; the invitations and what limits them are kept by an
 * {@link InvitationLedger}. Not thread safe.
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
  private final int members;
  private final InvitationLedger invitations;

  private final Set<Edge> follows = new HashSet<>();
  private final Set<Edge> connections = new HashSet<>();
  private final Set<Edge> blocks = new HashSet<>();
  private final WhoCanFollow[] whoCanFollow;
  private final WhoCanInvite[] whoCanInvite;

  /** A directed pair; connections are stored from the lower to the higher member. */
  private record Edge(int from, int to) {
    static Edge between(int a, int b) {
      return new Edge(Math.min(a, b), Math.max(a, b));
    }
  }

  ReferenceModel(Policy policy, int members, Instant start) {
    this.policy = policy;
    this.members = members;
    this.invitations = new InvitationLedger(policy, members, start);
    this.whoCanFollow = new WhoCanFollow[members];
    this.whoCanInvite = new WhoCanInvite[members];
    Arrays.fill(whoCanFollow, WhoCanFollow.EVERYONE);
    Arrays.fill(whoCanInvite, WhoCanInvite.EVERYONE);
  }

  /** See {@link InvitationLedger#pick}. */
  Command.AnswerInvitation pick(Answer answer, int actor, int pick, Command.Scope scope) {
    return invitations.pick(answer, actor, pick, scope);
  }

  /** Every restriction so far, ended or not, in the order they started. */
  List<Restriction> restrictions() {
    return invitations.restrictions();
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
    if (invitations.openInvitation(actor, target).isPresent()) {
      return "invitation-already-pending";
    }
    OptionalInt theirs = invitations.openInvitation(target, actor);
    if (theirs.isPresent()) {
      if (atConnectionCap(actor) || atConnectionCap(target)) {
        return "connection-limit";
      }
      connect(theirs.getAsInt());
      return "connected:" + theirs.getAsInt();
    }
    if (invitations.restriction(actor).isPresent()) {
      return "invitations-restricted";
    }
    if (whoCanInvite[target] == WhoCanInvite.NOBODY) {
      return "invitations-not-accepted";
    }
    if (whoCanInvite[target] == WhoCanInvite.EMAIL && email != Email.RIGHT) {
      return email == Email.NONE ? "email-required" : "email-mismatch";
    }
    if (invitations.coolingDown(actor, target)) {
      return "invitation-cooldown";
    }
    if (atConnectionCap(actor)) {
      return "connection-limit";
    }
    if (invitations.openSent(actor) >= policy.maxPendingSent()) {
      return "pending-invitation-limit";
    }
    if (note && invitations.atNoteLimit(actor)) {
      return "monthly-note-limit";
    }
    if (invitations.refusedByWeeklyLimit(actor)) {
      return "weekly-invitation-limit";
    }
    int sent = invitations.send(actor, target, note);
    if (mayFollow(actor, target)) {
      follows.add(new Edge(actor, target));
    }
    return "sent:" + sent;
  }

  @Override
  public String answer(Answer answer, int actor, int invitation) {
    if (invitation < 0) {
      return NOT_FOUND;
    }
    InvitationLedger.Sent sent = invitations.get(invitation);
    if ((answer.bySender() ? sent.sender() : sent.recipient()) != actor) {
      return NOT_FOUND;
    }
    // B2: what a block canceled, or anything across a block, does not exist for either side.
    if (hidden(sent)) {
      return NOT_FOUND;
    }
    if (!sent.state().isOpen()) {
      return "invitation-not-open";
    }
    switch (answer) {
      case ACCEPT -> {
        if (atConnectionCap(sent.recipient()) || atConnectionCap(sent.sender())) {
          return "connection-limit";
        }
        connect(invitation);
      }
      case IGNORE -> {
        if (sent.state() == InvitationState.PENDING) {
          invitations.move(invitation, InvitationState.IGNORED);
        }
      }
      case WITHDRAW -> invitations.move(invitation, InvitationState.WITHDRAWN);
      case REPORT -> invitations.report(invitation);
    }
    return "ok";
  }

  /** B2: a block cancels and hides; neither side sees an invitation with the other while it stands. */
  private boolean hidden(InvitationLedger.Sent sent) {
    return sent.state() == InvitationState.CANCELED
        || blocked(sent.sender(), sent.recipient()) || blocked(sent.recipient(), sent.sender());
  }

  /** C3, C4: the invitation is accepted; the two connect and follow each other. */
  private void connect(int invitation) {
    InvitationLedger.Sent sent = invitations.get(invitation);
    invitations.move(invitation, InvitationState.ACCEPTED);
    connections.add(Edge.between(sent.sender(), sent.recipient()));
    follows.add(new Edge(sent.sender(), sent.recipient()));
    follows.add(new Edge(sent.recipient(), sent.sender()));
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
    invitations.cancelBetween(actor, target);
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
    invitations.advance(by);
    return "ok";
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
        InvitationLedger.Sent sent = invitations.get(i);
        if (hidden(sent)) {
          continue;
        }
        if (sent.recipient() == member) {
          received.put(i, sent.state());
        }
        if (sent.sender() == member) {
          sentBox.put(i, sent.state().seenBySender());
        }
      }
      states.add(new MemberState(member, connected, following, followers, blocked, received, sentBox,
          invitations.limits(member, connectionCount(member))));
    }
    return new State(states);
  }
}
