package dev.rapport.messaging;

import dev.rapport.kernel.PairState;
import dev.rapport.model.Conversation;
import dev.rapport.model.InMailCredits;
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
}
