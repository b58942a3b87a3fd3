package dev.rapport.messaging;

import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Conversation;
import dev.rapport.model.ConversationSide;
import dev.rapport.model.InMailCredits;
import dev.rapport.store.StoreReads;
import java.util.Objects;
import java.util.Optional;

/**
 * What a messaging command reads before it decides: the pair, their conversation if any, both
 * members' stored InMail credits (the other's in case a reply refunds them, MS2), and how many of
 * the conversation's messages the other member has not read (NT1: a message to a conversation
 * already unread notifies no more).
 */
public record MessagingState(PairState pair, Optional<Conversation> conversation,
    Optional<InMailCredits> actorCredits, Optional<InMailCredits> otherCredits, int otherUnread) {
  public MessagingState {
    Objects.requireNonNull(pair, "pair");
    conversation = conversation == null ? Optional.empty() : conversation;
    actorCredits = actorCredits == null ? Optional.empty() : actorCredits;
    otherCredits = otherCredits == null ? Optional.empty() : otherCredits;
  }

  /** A state in which the other member has read everything of the conversation, if there is one. */
  public MessagingState(PairState pair, Optional<Conversation> conversation, Optional<InMailCredits> actorCredits,
      Optional<InMailCredits> otherCredits) {
    this(pair, conversation, actorCredits, otherCredits, 0);
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
    // NT1: whether a message notifies depends on the recipient's unread count (docs/decisions/0039-message-received-once-per-unread-conversation.md).
    int otherUnread = conversation.map(c -> reads.messaging().sides(c.id()).stream()
        .filter(side -> side.memberId() == other).mapToInt(ConversationSide::unread).sum()).orElse(0);
    return new MessagingState(pair, conversation, mine,
        mayRefund ? reads.messaging().inMailCredits(other) : Optional.empty(), otherUnread);
  }
}
