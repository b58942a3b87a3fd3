package dev.rapport.kernel;

import dev.rapport.model.Invitation;
import dev.rapport.model.Member;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the rules need to know about two members to decide a command one of them gives about
 * the other. Follows are the stored rows, whatever F5 currently hides.
 *
 * @param openInvitation the pending or ignored invitation between the two, in either direction
 * @param lastWithdrawalByActor when the actor last withdrew an invitation to the other (C6)
 */
public record PairState(
    Member actor,
    Member other,
    boolean actorFollowsOther,
    boolean otherFollowsActor,
    boolean connected,
    boolean actorBlockedOther,
    boolean otherBlockedActor,
    Optional<Invitation> openInvitation,
    Optional<Instant> lastWithdrawalByActor) {

  public PairState {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(other, "other");
    openInvitation = openInvitation == null ? Optional.empty() : openInvitation;
    lastWithdrawalByActor = lastWithdrawalByActor == null ? Optional.empty() : lastWithdrawalByActor;
  }

  public boolean blockedEitherWay() {
    return actorBlockedOther || otherBlockedActor;
  }

  public boolean isSelf() {
    return actor.id() == other.id();
  }
}
