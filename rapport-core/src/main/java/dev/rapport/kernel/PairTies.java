package dev.rapport.kernel;

import dev.rapport.model.Invitation;
import dev.rapport.model.MemberPair;
import java.util.Objects;
import java.util.Optional;

/**
 * What already ties the two members of a pair, as the store's {@code ties} reads it for many
 * pairs at once: {@link PairState} without the members.
 *
 * @param openInvitation the pending or ignored invitation between the two, in either direction
 */
public record PairTies(
    MemberPair pair,
    boolean connected,
    boolean lowFollowsHigh,
    boolean highFollowsLow,
    boolean lowBlockedHigh,
    boolean highBlockedLow,
    Optional<Invitation> openInvitation) {

  public PairTies {
    Objects.requireNonNull(pair, "pair");
    openInvitation = openInvitation == null ? Optional.empty() : openInvitation;
  }

  /** A pair with nothing between its members. */
  public static PairTies none(MemberPair pair) {
    return new PairTies(pair, false, false, false, false, false, Optional.empty());
  }

  /** Whether anything ties the two. */
  public boolean isEmpty() {
    return !connected && !lowFollowsHigh && !highFollowsLow && !lowBlockedHigh && !highBlockedLow
        && openInvitation.isEmpty();
  }

  /** Whether the member, one of the pair, follows the other. */
  public boolean follows(long followerId) {
    return followerId == pair.lowId() ? lowFollowsHigh : highFollowsLow;
  }

  public boolean blockedEitherWay() {
    return lowBlockedHigh || highBlockedLow;
  }
}
