package dev.rapport;

import static dev.rapport.CommandReads.invitationFor;
import static dev.rapport.CommandReads.pair;

import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.invitation.InvitationView;
import dev.rapport.invitation.Invitations;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.Usage;
import dev.rapport.limit.InvitationLimits;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.Store;
import dev.rapport.store.StoreReads;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Invitations to connect (C1-C11) and their limits (L1-L5) through the engine; reached through
 * {@link Rapport#invitations()}. Each command reads, decides and commits in one step. Thread safe.
 */
public final class InvitationCommands {
  private final CommandLoop commands;
  private final Store store;
  private final Supplier<StoreReads> reads;
  private final Policy policy;
  private final InstantSource clock;

  InvitationCommands(CommandLoop commands, Store store, Supplier<StoreReads> reads, Policy policy, InstantSource clock) {
    this.commands = commands;
    this.store = store;
    this.reads = reads;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * C1, C2, C6, C8, C9, C11, L1, L2, L3, L4, L5: invites a member, or connects at once if they already
   * invited the actor (C4).
   */
  public InvitationOutcome invite(long actorId, SendInvitation command) {
    return commands.run((reads, effects) -> {
      PairState pair = pair(reads, actorId, command.to());
      Usage usage = reads.usage(actorId, InvitationLimits.windows(policy, effects.now()));
      return Invitations.send(pair, usage, command, policy, effects);
    });
  }

  /** C3, C5, L1: the recipient accepts. */
  public InvitationView accept(long actorId, long invitationId) {
    return answer(actorId, invitationId, (reads, invitation, pair, effects) ->
        Invitations.accept(invitation, pair, policy, effects));
  }

  /** C5: the recipient ignores; the sender is not told. */
  public InvitationView ignore(long actorId, long invitationId) {
    return answer(actorId, invitationId, (reads, invitation, pair, effects) ->
        Invitations.ignore(invitation, pair, effects));
  }

  /** C6: the sender withdraws. */
  public InvitationView withdraw(long actorId, long invitationId) {
    return answer(actorId, invitationId, (reads, invitation, pair, effects) ->
        Invitations.withdraw(invitation, pair, effects));
  }

  /**
   * X3, bulk clean-up: withdraws each of the actor's own open invitations sent {@code days} days
   * ago or earlier, oldest first, one by one as {@link #withdraw} would (C6: each starts its
   * cooldown, C2: the follows stay, NT1: nobody is told). One answered or withdrawn meanwhile is
   * left as it is and not counted.
   *
   * @return how many were withdrawn
   * @throws dev.rapport.problem.InvalidInputException {@code invalid-query} if {@code days} is not 0
   *     to {@link Invitations#MAX_AGE_DAYS}
   */
  public int withdrawOlderThan(long actorId, int days) {
    return Invitations.withdrawEach(Invitations.openSentBy(store, actorId,
        Invitations.sentBefore(days, clock.instant())), invitation -> withdraw(actorId, invitation.id()));
  }

  /** C7: the recipient does not know the sender. */
  public InvitationView report(long actorId, long invitationId) {
    return answer(actorId, invitationId, (reads, invitation, pair, effects) -> Invitations.report(invitation, pair,
        reads.usage(invitation.senderId(), InvitationLimits.windows(policy, effects.now())), policy, effects));
  }

  /**
   * The actor's invitations, sent or received, optionally in one state. Sent invitations show the
   * sender's view (C5: ignored looks pending). Without a state: the open ones.
   */
  public Page<InvitationView> list(long actorId, boolean sent, Optional<InvitationState> state, PageRequest page) {
    return Invitations.list(reads.get(), actorId, sent, state, page);
  }

  /** A rule that answers an invitation, given it as it stands and the state of its two members. */
  @FunctionalInterface
  private interface Answer {
    Decision<Invitation> decide(StoreReads reads, Invitation invitation, PairState pair, Effects effects);
  }

  private InvitationView answer(long actorId, long invitationId, Answer answer) {
    return commands.run((reads, effects) -> {
      long otherId = invitationFor(reads, actorId, invitationId).otherThan(actorId);
      PairState pair = reads.pair(actorId, otherId);
      // The invitation as of the pair's versions: read before them, it could be stale and still commit.
      Invitation invitation = pair.openInvitation().filter(i -> i.id() == invitationId)
          .or(() -> reads.invitation(invitationId))
          .orElseThrow(() -> NotFoundException.invitation(Long.toString(invitationId)));
      return answer.decide(reads, invitation, pair, effects).map(i -> i.senderId() == actorId
          ? new InvitationView(i, pair.actor(), pair.other())
          : new InvitationView(i, pair.other(), pair.actor()));
    });
  }
}
