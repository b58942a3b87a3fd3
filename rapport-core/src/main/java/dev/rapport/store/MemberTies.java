package dev.rapport.store;

import dev.rapport.model.Invitation;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ties one member to others, as stored: whom they follow and whom they block, their open
 * invitations either way, and when they last withdrew an invitation to each member. Two members'
 * ties and whether they are connected make the state between them, without a read of the pair.
 *
 * @param following the ids of the members they follow, ascending
 * @param blocking the ids of the members they block, ascending
 * @param openInvitations the pending or ignored invitations they sent or received
 * @param lastWithdrawals by recipient, when they last withdrew an invitation to them (C6)
 */
public record MemberTies(long memberId, long[] following, long[] blocking, List<Invitation> openInvitations,
    Map<Long, Instant> lastWithdrawals) {

  public MemberTies {
    openInvitations = List.copyOf(openInvitations);
    lastWithdrawals = Map.copyOf(lastWithdrawals);
  }

  public boolean follows(long otherId) {
    return Arrays.binarySearch(following, otherId) >= 0;
  }

  public boolean blocks(long otherId) {
    return Arrays.binarySearch(blocking, otherId) >= 0;
  }

  /** The open invitation between them and the other member, in either direction. */
  public Optional<Invitation> openInvitationWith(long otherId) {
    return openInvitations.stream()
        .filter(i -> i.senderId() == memberId && i.recipientId() == otherId
            || i.senderId() == otherId && i.recipientId() == memberId)
        .findFirst();
  }

  public Optional<Instant> lastWithdrawalTo(long otherId) {
    return Optional.ofNullable(lastWithdrawals.get(otherId));
  }

  /** How many ids and invitations it holds: what it weighs in memory, roughly. */
  public int size() {
    return following.length + blocking.length + openInvitations.size() + lastWithdrawals.size();
  }
}
