package dev.rapport.invitation;

import dev.rapport.follow.Follows;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.Usage;
import dev.rapport.kernel.Visibility;
import dev.rapport.limit.InvitationLimits;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Tier;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import dev.rapport.store.StoreReads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules of connecting by invitation (C1, C2, C3, C4, C5, C6, C7, C8, C9, C11) and the limits
 * that apply to it (L1, L2, L3, L4, L5). Pure functions of the state they are given.
 */
public final class Invitations {
  private Invitations() {}

  /**
   * Sends an invitation from the pair's actor to the other member, or connects them at once if the
   * other member's invitation is already open (C4). Checks run from "does this make sense" to "is
   * there quota left", so that a refusal for quota (which L4 records) is only ever the last reason.
   */
  public static Decision<InvitationOutcome> send(
      PairState pair, Usage usage, SendInvitation command, Policy policy, Effects effects) {
    Member actor = pair.actor();
    Member other = pair.other();
    Instant now = effects.now();
    // C11: nobody connects with themself.
    if (pair.isSelf()) {
      throw new RuleBrokenException("cannot-invite-self", "you cannot invite yourself");
    }
    // C11, B3: no invitation across a block, either way.
    Visibility.requireReachable(pair);
    // CP1: company pages are followed, never connected.
    if (actor.isCompany() || other.isCompany()) {
      throw new RuleBrokenException("not-connectable", "company pages are followed, never connected");
    }
    // C11: already connected.
    if (pair.connected()) {
      throw new RuleBrokenException("already-connected", "you are already connected to '%s'".formatted(other.handle()));
    }
    Tier tier = policy.tier(actor.tier());
    // C8: a note longer than the tier's maximum is rejected.
    if (command.note().isPresent() && command.note().get().length() > tier.noteMaxLength()) {
      throw new InvalidInputException("note-too-long",
          "the note has %d characters; the %s tier allows %d".formatted(
              command.note().get().length(), tier.name(), tier.noteMaxLength()),
          Map.of("limit", tier.noteMaxLength(), "used", command.note().get().length()));
    }
    Optional<Invitation> open = pair.openInvitation();
    // C1: at most one open invitation per pair.
    if (open.isPresent() && open.get().senderId() == actor.id()) {
      throw new RuleBrokenException("invitation-already-pending",
          "your invitation %d to '%s' is still pending".formatted(open.get().id(), other.handle()),
          Map.of("invitationId", Long.toString(open.get().id())));
    }
    // C4: the other member's invitation is open, so inviting back accepts it, ahead of every quota.
    if (open.isPresent()) {
      Invitation accepted = connect(open.get(), pair, policy, effects);
      return Decision.apply(effects, new InvitationOutcome.Connected(accepted));
    }
    // L5: a restriction (L4, C7) refuses new invitations until it ends.
    InvitationLimits.requireUnrestricted(usage, now);
    // C9: the recipient's whoCanInvite: nobody refuses all, email needs their email.
    switch (other.settings().whoCanInvite()) {
      case NOBODY -> throw new ForbiddenException("invitations-not-accepted",
          "'%s' does not accept invitations".formatted(other.handle()));
      case EMAIL -> requireEmail(command, other);
      case EVERYONE -> { }
    }
    // C6: after withdrawing, no new invitation to the same member for 21 days.
    pair.lastWithdrawalByActor()
        .map(t -> t.plus(policy.withdrawCooldown()))
        .filter(until -> until.isAfter(now))
        .ifPresent(until -> {
          throw new LimitReachedException("invitation-cooldown",
              "you withdrew an invitation to '%s'; you can invite them again at %s".formatted(other.handle(), until),
              Map.of("retryAt", until));
        });
    // L1: at the connection cap a member cannot send invitations.
    InvitationLimits.requireBelowConnectionCap(actor, policy, "you have");
    // L3: at most 1,500 outstanding invitations sent.
    if (usage.pendingSent() >= policy.maxPendingSent()) {
      throw new LimitReachedException("pending-invitation-limit",
          "you have %d invitations waiting for an answer, the most allowed; withdraw some first"
              .formatted(usage.pendingSent()),
          Map.of("limit", policy.maxPendingSent(), "used", usage.pendingSent()));
    }
    // C8: a basic member's 6th note in a calendar month is rejected.
    if (command.note().isPresent() && tier.monthlyNotes().isPresent()
        && usage.notesInMonth() >= tier.notesPerMonth()) {
      throw new LimitReachedException("monthly-note-limit",
          "you sent %d personalised notes this month, the most the %s tier allows; send the invitation without a note"
              .formatted(usage.notesInMonth(), tier.name()),
          Map.of("limit", tier.notesPerMonth(), "used", usage.notesInMonth(),
              "retryAt", InvitationLimits.nextMonthStart(now)));
    }
    // L2: the weekly limit, checked last because L4 records its refusal.
    Optional<LimitReachedException> overWeekly =
        InvitationLimits.refuseOverWeeklyLimit(actor, usage, policy, effects, other.id());
    if (overWeekly.isPresent()) {
      return Decision.refuse(effects, overWeekly.get());
    }
    // C1: pending until answered; NT1: the recipient is told.
    Invitation invitation = new Invitation(effects.newId(), actor.id(), other.id(), InvitationState.PENDING,
        command.note(), now, now, Optional.empty());
    effects.expectPair(pair).sendInvitation(invitation)
        .notify(other.id(), NotificationKind.INVITATION_RECEIVED, actor.id(), invitation.id());
    // C2: inviting also follows, where F5 and F7 allow it.
    if (!pair.actorFollowsOther() && Follows.mayFollow(pair)) {
      effects.follow(actor.id(), other.id());
    }
    return Decision.apply(effects, new InvitationOutcome.Sent(invitation));
  }

  private static void requireEmail(SendInvitation command, Member other) {
    // C9: whoCanInvite = email needs the recipient's email, compared case-insensitively.
    if (command.email().isEmpty()) {
      throw new ForbiddenException("email-required",
          "'%s' accepts invitations only from people who know their email".formatted(other.handle()));
    }
    String given = command.email().get().toLowerCase(Locale.ROOT);
    if (other.email().map(e -> e.toLowerCase(Locale.ROOT)).filter(given::equals).isEmpty()) {
      throw new ForbiddenException("email-mismatch",
          "that is not the email of '%s'".formatted(other.handle()));
    }
  }

  /**
   * C3, L1: the recipient (the pair's actor) accepts. Pending and ignored invitations can be
   * accepted (C5).
   */
  public static Decision<Invitation> accept(Invitation invitation, PairState pair, Policy policy, Effects effects) {
    requireVisible(invitation, pair);
    requireRecipient(invitation, pair);
    // C5: pending and ignored invitations can both be accepted.
    requireOpen(invitation);
    // B3: no accepting across a block.
    Visibility.requireReachable(pair);
    return Decision.apply(effects, connect(invitation, pair, policy, effects));
  }

  /** Accepts {@code invitation}, sent by the pair's other member to its actor. */
  private static Invitation connect(Invitation invitation, PairState pair, Policy policy, Effects effects) {
    // L1: neither side may go over the connection cap by this accept.
    InvitationLimits.requireBelowConnectionCap(pair.actor(), policy, "you have");
    InvitationLimits.requireBelowConnectionCap(pair.other(), policy, "'" + pair.other().handle() + "' has");
    long actor = pair.actor().id();
    long other = pair.other().id();
    // C3: connected, each following the other; NT1: the sender is told.
    effects.expectPair(pair)
        .transition(invitation, InvitationState.ACCEPTED, actor)
        .connect(actor, other, invitation.id())
        .notify(other, NotificationKind.INVITATION_ACCEPTED, actor, invitation.id());
    if (!pair.actorFollowsOther()) {
      effects.follow(actor, other);
    }
    if (!pair.otherFollowsActor()) {
      effects.follow(other, actor);
    }
    return invitation.withState(InvitationState.ACCEPTED, effects.now());
  }

  /** C5: the recipient archives the invitation; the sender is not told. Idempotent. */
  public static Decision<Invitation> ignore(Invitation invitation, PairState pair, Effects effects) {
    requireVisible(invitation, pair);
    requireRecipient(invitation, pair);
    if (invitation.state() == InvitationState.IGNORED) {
      return Decision.apply(effects, invitation);
    }
    requireOpen(invitation);
    // C5: archived without notifying the sender (NT1).
    effects.expectPair(pair).transition(invitation, InvitationState.IGNORED, pair.actor().id());
    return Decision.apply(effects, invitation.withState(InvitationState.IGNORED, effects.now()));
  }

  /** C6: the sender withdraws; the follow C2 made stays; the cooldown starts. */
  public static Decision<Invitation> withdraw(Invitation invitation, PairState pair, Effects effects) {
    requireVisible(invitation, pair);
    if (invitation.senderId() != pair.actor().id()) {
      throw NotFoundException.invitation(Long.toString(invitation.id()));
    }
    requireOpen(invitation);
    // C6: the withdrawal time starts the cooldown; C2: the follow stays; NT1: nobody is told.
    effects.expectPair(pair).transition(invitation, InvitationState.WITHDRAWN, pair.actor().id());
    return Decision.apply(effects, invitation.withState(InvitationState.WITHDRAWN, effects.now()));
  }

  /**
   * C7: "I don't know this person". The invitation is ignored and counts against the sender, who is
   * restricted (L5) when the reports reach the policy's threshold.
   *
   * @param senderUsage the sender's usage (the pair's other member)
   */
  public static Decision<Invitation> report(
      Invitation invitation, PairState pair, Usage senderUsage, Policy policy, Effects effects) {
    requireVisible(invitation, pair);
    requireRecipient(invitation, pair);
    requireOpen(invitation);
    if (invitation.reportedAt().isPresent()) {
      return Decision.apply(effects, invitation);
    }
    // C7: the report ignores the invitation and counts towards restricting the sender.
    effects.expectPair(pair).report(invitation, pair.actor().id());
    InvitationLimits.restrictIfReportedTooOften(pair.other(), senderUsage, policy, effects);
    return Decision.apply(effects, invitation.reported(effects.now()));
  }

  /**
   * The member's invitations, sent or received, optionally in one state, with both members of each.
   * Sent invitations show the sender's view (C5: ignored looks pending). Without a state: the open ones.
   * B2: none with a member blocked either way, and none canceled (see {@link #listedStates}).
   */
  public static Page<InvitationView> list(StoreReads reads, long memberId, boolean sent,
      Optional<InvitationState> state, PageRequest page) {
    Set<InvitationState> states = listedStates(sent, state);
    if (states.isEmpty()) {
      return new Page<>(List.of(), Optional.empty());
    }
    Page<Invitation> invitations = reads.invitations(memberId, sent, states, page);
    Set<Long> memberIds = new HashSet<>();
    invitations.items().forEach(i -> {
      memberIds.add(i.senderId());
      memberIds.add(i.recipientId());
    });
    Map<Long, Member> members = reads.members(memberIds);
    return invitations.map(i -> new InvitationView(
        sent ? i.withState(i.state().seenBySender(), i.updatedAt()) : i,
        members.get(i.senderId()), members.get(i.recipientId())));
  }

  /** The most days X3's bulk withdrawal looks back: about a hundred years. */
  public static final int MAX_AGE_DAYS = 36_500;

  /**
   * X3: the instant {@code days} days before {@code now}; what was sent then or earlier is old enough.
   *
   * @throws InvalidInputException {@code invalid-query} if {@code days} is not 0 to {@link #MAX_AGE_DAYS}
   */
  public static Instant sentBefore(int days, Instant now) {
    if (days < 0 || days > MAX_AGE_DAYS) {
      throw new InvalidInputException("invalid-query", "olderThanDays must be a whole number from 0 to %d, not %d"
          .formatted(MAX_AGE_DAYS, days), Map.of("parameter", "olderThanDays"));
    }
    return now.minus(Duration.ofDays(days));
  }

  /**
   * X3: the member's own open invitations (pending, or ignored, which the sender sees as pending:
   * C5) sent at {@code cutoff} or before, oldest first. At most L3's 1,500 are open, read a page of
   * 200 at a time.
   */
  public static List<Invitation> openSentBy(StoreReads reads, long memberId, Instant cutoff) {
    List<Invitation> old = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Invitation> sent = reads.invitations(memberId, true, EnumSet.of(InvitationState.PENDING,
          InvitationState.IGNORED), page);
      sent.items().stream().filter(i -> !i.sentAt().isAfter(cutoff)).forEach(old::add);
      if (sent.next().isEmpty()) {
        return old.reversed();
      }
      page = new PageRequest(PageRequest.MAX_LIMIT, sent.next());
    }
  }

  /**
   * X3: withdraws each invitation in turn with {@code withdraw}; one answered or withdrawn since
   * the list was read is left as it is and not counted.
   *
   * @return how many were withdrawn
   */
  public static int withdrawEach(List<Invitation> invitations, Consumer<Invitation> withdraw) {
    int withdrawn = 0;
    for (Invitation invitation : invitations) {
      try {
        withdraw.accept(invitation);
        withdrawn++;
      } catch (RuleBrokenException | NotFoundException answeredMeanwhile) {
        // Accepted, or withdrawn by another call, since the list was read: nothing left to withdraw.
      }
    }
    return withdrawn;
  }

  /**
   * The states a list of the member's invitations asks the store for: received, the given state or
   * pending; sent, as the sender sees them (C5), so pending includes ignored and ignored is none.
   * Canceled is none either way: only a block cancels (B1), and a canceled invitation shown to
   * either side would tell of the block (B2), so it is gone for both, as the blocked member is.
   */
  static Set<InvitationState> listedStates(boolean sent, Optional<InvitationState> state) {
    // B2: what a block canceled is listed to nobody.
    if (state.isPresent() && state.get() == InvitationState.CANCELED) {
      return EnumSet.noneOf(InvitationState.class);
    }
    if (!sent) {
      return state.map(EnumSet::of).orElse(EnumSet.of(InvitationState.PENDING));
    }
    // C5: the sender never learns that an invitation was ignored.
    if (state.isEmpty() || state.get() == InvitationState.PENDING) {
      return EnumSet.of(InvitationState.PENDING, InvitationState.IGNORED);
    }
    return state.get() == InvitationState.IGNORED ? EnumSet.noneOf(InvitationState.class) : EnumSet.of(state.get());
  }

  /**
   * B2: an invitation a block canceled, or one with a member blocked either way, does not exist
   * for either side, as no list shows it.
   */
  private static void requireVisible(Invitation invitation, PairState pair) {
    if (invitation.state() == InvitationState.CANCELED || pair.blockedEitherWay()) {
      throw NotFoundException.invitation(Long.toString(invitation.id()));
    }
  }

  private static void requireRecipient(Invitation invitation, PairState pair) {
    if (invitation.recipientId() != pair.actor().id()) {
      throw NotFoundException.invitation(Long.toString(invitation.id()));
    }
  }

  private static void requireOpen(Invitation invitation) {
    if (!invitation.state().isOpen()) {
      throw new RuleBrokenException("invitation-not-open",
          "invitation %d is already %s".formatted(invitation.id(), invitation.state().name().toLowerCase(Locale.ROOT)));
    }
  }
}
