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
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.Store;
import dev.rapport.store.StoreReads;
import java.time.InstantSource;

/** The commands on invitations, as {@link Rapport} documents them: each reads, decides and commits in one step. */
final class InvitationCommands {
  private final CommandLoop commands;
  private final Store store;
  private final Policy policy;
  private final InstantSource clock;

  InvitationCommands(CommandLoop commands, Store store, Policy policy, InstantSource clock) {
    this.commands = commands;
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  InvitationOutcome invite(long actorId, SendInvitation command) {
    return commands.run((reads, effects) -> {
      PairState pair = pair(reads, actorId, command.to());
      Usage usage = reads.usage(actorId, InvitationLimits.windows(policy, effects.now()));
      return Invitations.send(pair, usage, command, policy, effects);
    });
  }

  InvitationView accept(long actorId, long invitationId) {
    return answer(actorId, invitationId, (reads, invitation, pair, effects) ->
        Invitations.accept(invitation, pair, policy, effects));
  }

  InvitationView ignore(long actorId, long invitationId) {
    return answer(actorId, invitationId, (reads, invitation, pair, effects) ->
        Invitations.ignore(invitation, pair, effects));
  }

  InvitationView withdraw(long actorId, long invitationId) {
    return answer(actorId, invitationId, (reads, invitation, pair, effects) ->
        Invitations.withdraw(invitation, pair, effects));
  }

  int withdrawOlderThan(long actorId, int days) {
    return Invitations.withdrawEach(Invitations.openSentBy(store, actorId,
        Invitations.sentBefore(days, clock.instant())), invitation -> withdraw(actorId, invitation.id()));
  }

  InvitationView report(long actorId, long invitationId) {
    return answer(actorId, invitationId, (reads, invitation, pair, effects) -> Invitations.report(invitation, pair,
        reads.usage(invitation.senderId(), InvitationLimits.windows(policy, effects.now())), policy, effects));
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
