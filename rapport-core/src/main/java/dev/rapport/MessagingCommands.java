package dev.rapport;

import static dev.rapport.CommandReads.me;
import static dev.rapport.CommandReads.pair;

import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.Visibility;
import dev.rapport.messaging.ConversationView;
import dev.rapport.messaging.Conversations;
import dev.rapport.messaging.InMail;
import dev.rapport.messaging.MessageTerms;
import dev.rapport.messaging.MessagingState;
import dev.rapport.messaging.SentMessage;
import dev.rapport.model.Conversation;
import dev.rapport.model.ConversationSide;
import dev.rapport.model.ConversationSummary;
import dev.rapport.model.Handle;
import dev.rapport.model.InMailCredits;
import dev.rapport.model.Member;
import dev.rapport.model.Message;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.store.StoreReads;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Conversations, message requests, read receipts and InMail credits (MS1-MS4, M2) through the
 * engine; reached through {@link Rapport#messaging()}. A conversation a member is not in, or one a
 * block hides, does not exist for them: {@code conversation-not-found}. Thread safe.
 */
public final class MessagingCommands {
  private final CommandLoop commands;
  private final Supplier<StoreReads> reads;
  private final Policy policy;
  private final InstantSource clock;

  MessagingCommands(CommandLoop commands, Supplier<StoreReads> reads, Policy policy,
      InstantSource clock) {
    this.commands = commands;
    this.reads = reads;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * MS1, MS2: the actor writes to the member with this handle, starting or continuing their one
   * conversation; an InMail when it needs one. The answer says what it cost.
   *
   * @throws dev.rapport.problem.RapportException as {@link Conversations#send} says
   * @throws dev.rapport.problem.NotFoundException {@code member-not-found}
   */
  public SentMessage send(long actorId, Handle to, String text) {
    return commands.run((reads, effects) -> Conversations.send(MessagingState.read(reads, pair(reads, actorId, to), policy), text, policy,
        effects));
  }

  /**
   * MS1, MS2: the actor writes in one of their conversations, as {@link #send} to its other member.
   *
   * @throws dev.rapport.problem.NotFoundException {@code conversation-not-found}
   */
  public SentMessage send(long actorId, long conversationId, String text) {
    return commands.run((reads, effects) -> {
      Conversation conversation = mine(reads, actorId, conversationId);
      PairState pair = reads.pair(actorId, conversation.otherThan(actorId));
      Conversations.requireVisible(pair, conversation);
      return Conversations.send(MessagingState.read(reads, pair, policy), text, policy, effects);
    });
  }

  /**
   * MS2: what a message to this member would cost now, or why it would be refused.
   *
   * @throws dev.rapport.problem.NotFoundException {@code member-not-found}, also for a member blocked either way
   */
  public MessageTerms terms(long actorId, Handle to) {
    StoreReads reads = reads();
    PairState pair = pair(reads, actorId, to);
    // B2: a blocked pair is invisible to each other, here as on the profile; sending tells the blocker why (B3).
    Visibility.requireVisible(pair);
    return Conversations.terms(MessagingState.read(reads, pair, policy), policy, clock.instant());
  }

  /** M2, L6: the actor's InMail credits now, with each later month's grant added. */
  public InMailCredits credits(long actorId) {
    StoreReads reads = reads();
    Member actor = me(reads, actorId);
    return InMail.available(actor, policy.tier(actor.tier()), reads.messaging().inMailCredits(actorId),
        clock.instant());
  }

  /**
   * MS2-MS4: the actor's conversations, the one with the newest message first, each with its unread
   * count and newest message; requests to the actor are marked ({@link ConversationView#requestToMe}).
   * Conversations with a member blocked either way are left out (MS3).
   */
  public Page<ConversationView> conversations(long actorId, PageRequest page) {
    // The first page comes from memory, brought up to date by the messages since it
    // (docs/decisions/0044-the-conversation-page-patches-itself.md); the members on it too.
    StoreReads reads = reads();
    Page<ConversationSummary> summaries = reads.messaging().conversationsOf(actorId, page);
    Map<Long, Member> others = reads.members(summaries.items().stream().map(s -> s.side().otherId()).toList());
    return new Page<>(summaries.items().stream().filter(s -> others.containsKey(s.side().otherId()))
        .map(s -> new ConversationView(s.conversation(), others.get(s.side().otherId()), s.side(),
            Optional.of(s.lastMessage()), Optional.empty())).toList(), summaries.next());
  }

  /** MS4: one of the actor's conversations, with how far the other member read it. @throws dev.rapport.problem.NotFoundException {@code conversation-not-found} */
  public ConversationView conversation(long actorId, long conversationId) {
    StoreReads reads = reads();
    Conversation conversation = mine(reads, actorId, conversationId);
    PairState pair = reads.pair(actorId, conversation.otherThan(actorId));
    Conversations.requireVisible(pair, conversation);
    List<ConversationSide> sides = reads.messaging().sides(conversationId);
    ConversationSide mine = sides.stream().filter(s -> s.memberId() == actorId).findFirst().orElseThrow();
    ConversationSide theirs = sides.stream().filter(s -> s.memberId() != actorId).findFirst().orElseThrow();
    return new ConversationView(conversation, pair.other(), mine, reads.messaging().message(mine.lastMessageId()),
        Optional.of(theirs.readUpTo()));
  }

  /** MS1: a page of one of the actor's conversations, newest message first. @throws dev.rapport.problem.NotFoundException {@code conversation-not-found} */
  public Page<Message> messages(long actorId, long conversationId, PageRequest page) {
    conversation(actorId, conversationId);
    return reads().messaging().messages(conversationId, page);
  }

  /**
   * MS4: the actor has read the conversation up to the message {@code upTo}, or up to its newest
   * message if none is given; the other member sees it as the receipt.
   *
   * @throws dev.rapport.problem.NotFoundException {@code conversation-not-found}, {@code message-not-found}
   */
  public ConversationView read(long actorId, long conversationId, Optional<Long> upTo) {
    commands.run((reads, effects) -> {
      Conversation conversation = mine(reads, actorId, conversationId);
      PairState pair = reads.pair(actorId, conversation.otherThan(actorId));
      Conversations.requireVisible(pair, conversation);
      ConversationSide mine = reads.messaging().sides(conversationId).stream()
          .filter(s -> s.memberId() == actorId).findFirst().orElseThrow();
      Optional<Message> message = reads.messaging().message(upTo.orElse(mine.lastMessageId()));
      return Conversations.read(pair, conversation, mine, message, effects);
    });
    return conversation(actorId, conversationId);
  }

  /** MS2: the actor accepts a request sent to them. As {@link Conversations#answer} throws. */
  public ConversationView accept(long actorId, long conversationId) {
    return answer(actorId, conversationId, true);
  }

  /** MS2: the actor declines a request sent to them, which closes it. As {@link Conversations#answer} throws. */
  public ConversationView decline(long actorId, long conversationId) {
    return answer(actorId, conversationId, false);
  }

  private ConversationView answer(long actorId, long conversationId, boolean accept) {
    commands.run((reads, effects) -> {
      Conversation conversation = mine(reads, actorId, conversationId);
      return Conversations.answer(reads.pair(actorId, conversation.otherThan(actorId)), conversation, accept, effects);
    });
    return conversation(actorId, conversationId);
  }

  private StoreReads reads() {
    return reads.get();
  }

  /** The conversation, if the actor is one of its members; otherwise not found. */
  private static Conversation mine(StoreReads reads, long actorId, long conversationId) {
    return reads.messaging().conversation(conversationId).filter(c -> c.hasMember(actorId))
        .orElseThrow(() -> Conversations.notFound(conversationId));
  }


}
