package dev.rapport;

import dev.rapport.kernel.PairState;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.Member;
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.StoreReads;

/** What a command reads before it decides, found or refused as not found. */
final class CommandReads {
  private CommandReads() {}

  static Member me(StoreReads reads, long actorId) {
    return reads.member(actorId)
        .orElseThrow(() -> new NotFoundException("member-not-found", "no member with id " + actorId));
  }

  static Member find(StoreReads reads, Handle handle) {
    return reads.member(handle).orElseThrow(() -> NotFoundException.member(handle.value()));
  }

  static PairState pair(StoreReads reads, long actorId, Handle handle) {
    return reads.pair(actorId, handle).orElseThrow(() -> NotFoundException.member(handle.value()));
  }

  /** An invitation the actor is party to; any other is not found. */
  static Invitation invitationFor(StoreReads reads, long actorId, long invitationId) {
    return reads.invitation(invitationId)
        .filter(i -> i.senderId() == actorId || i.recipientId() == actorId)
        .orElseThrow(() -> NotFoundException.invitation(Long.toString(invitationId)));
  }
}
