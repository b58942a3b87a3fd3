package dev.rapport.messaging;

import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Conversation;
import dev.rapport.model.InMailCredits;
import dev.rapport.store.StoreReads;
import java.util.Objects;
import java.util.Optional;

/**
 * What a messaging command reads before it decides: the pair, their conversation if any, and both
 * members' stored InMail credits (the other's in case a reply refunds them, MS2).
 */
public record MessagingState(PairState pair, Optional<Conversation> conversation,
    Optional<InMailCredits> actorCredits, Optional<InMailCredits> otherCredits) {
  public MessagingState {
    Objects.requireNonNull(pair, "pair");
    conversation = conversation == null ? Optional.empty() : conversation;
    actorCredits = actorCredits == null ? Optional.empty() : actorCredits;
    otherCredits = otherCredits == null ? Optional.empty() : otherCredits;
  }

  /**
   * Reads only what the rules can use: the actor's credits where their tier has InMail, the other's
   * only when a reply would refund them. Every read here is on the writer's thread on SQLite.
   */
  public static MessagingState read(StoreReads reads, PairState pair, Policy policy) {
    long actor = pair.actor().id();
    long other = pair.other().id();
    if (actor == other) {
      return new MessagingState(pair, Optional.empty(), Optional.empty(), Optional.empty());
    }
    Optional<Conversation> conversation = reads.messaging().conversationBetween(actor, other);
    Optional<InMailCredits> mine = InMail.granted(policy.tier(pair.actor().tier()))
        ? reads.messaging().inMailCredits(actor) : Optional.empty();
    boolean mayRefund = conversation.filter(c -> c.refundable() && c.requesterId() == other).isPresent();
    return new MessagingState(pair, conversation, mine,
        mayRefund ? reads.messaging().inMailCredits(other) : Optional.empty());
  }
}
