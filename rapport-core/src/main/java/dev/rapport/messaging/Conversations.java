package dev.rapport.messaging;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.Conversation;
import dev.rapport.model.ConversationSide;
import dev.rapport.model.ConversationState;
import dev.rapport.model.InMailCredits;
import dev.rapport.model.Member;
import dev.rapport.model.Message;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Text;
import dev.rapport.model.Tier;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RapportException;
import dev.rapport.problem.RuleBrokenException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of messaging (MS1-MS4): who may write to whom and at what cost, requests and their
 * answers, read receipts. One conversation per pair; a message is decided on the sender's version,
 * which every change of a tie between the two moves (docs/decisions/0034-messaging-conversations-requests-credits.md).
 * Pure functions of the state they are given.
 */
public final class Conversations {
  /** MS1: the longest message, in characters (UTF-16 units). */
  public static final int MAX_TEXT_LENGTH = 8_000;

  private Conversations() {}

  /**
   * MS1-MS3: what a message from the pair's actor to the other would cost now, or why it would be
   * refused; nothing is decided.
   */
  public static MessageTerms terms(MessagingState state, Policy policy, Instant now) {
    Member actor = state.pair().actor();
    int credits = InMail.available(actor, policy.tier(actor.tier()), state.actorCredits(), now).balance();
    try {
      return new MessageTerms(Optional.of(access(state, policy, now)), Optional.empty(), credits);
    } catch (RapportException refusal) {
      return new MessageTerms(Optional.empty(), Optional.of(refusal), credits);
    }
  }

  /**
   * MS1, MS2: the pair's actor sends {@code text} to the other, starting their conversation if they
   * have none. To a non-connection it is a request, by InMail (one credit) or free to an Open
   * Profile; the recipient's first message within the policy's refund window (90 days by default)
   * of an InMail gives its credit back, once.
   *
   * @throws InvalidInputException {@code invalid-text}, {@code message-too-long}
   * @throws NotFoundException {@code member-not-found} if the recipient blocked the sender
   * @throws RuleBrokenException {@code member-blocked}, {@code cannot-message-self}, {@code
   *     not-messageable}, {@code request-pending}, {@code request-declined}
   * @throws ForbiddenException {@code not-connected-needs-inmail}
   * @throws LimitReachedException {@code no-inmail-credits}, with the next grant's time
   */
  public static Decision<SentMessage> send(MessagingState state, String text, Policy policy, Effects effects) {
    String cleaned = text(text);
    Instant now = effects.now();
    MessageAccess access = access(state, policy, now);
    PairState pair = state.pair();
    Member actor = pair.actor();
    Member other = pair.other();
    effects.expect(actor.id(), actor.version());

    InMailCredits credits = InMail.available(actor, policy.tier(actor.tier()), state.actorCredits(), now);
    Conversation before = state.conversation().orElseGet(() -> new Conversation(effects.newId(),
        Math.min(actor.id(), other.id()), Math.max(actor.id(), other.id()), ConversationState.OPEN, 0,
        Optional.empty(), false, now));
    Conversation after = switch (access) {
      case CONNECTION -> before.state() == ConversationState.ACCEPTED ? before
          : before.withState(ConversationState.OPEN);
      case ACCEPTED_CONVERSATION -> before;
      case REPLY_TO_REQUEST -> before.withState(ConversationState.ACCEPTED);
      case OPEN_PROFILE, INMAIL -> before.requested(actor.id(), now, access.spendsCredit());
    };
    if (access.spendsCredit()) {
      credits = new InMailCredits(actor.id(), credits.balance() - 1, credits.month());
      effects.credits(actor.id(), credits.balance(), credits.month());
    }
    // A requester whose tier no longer has InMail could not spend it: the refund waits for a reply they can use.
    boolean refund = refundDue(before, actor.id(), now, policy.inMailRefundWindow())
        && InMail.granted(policy.tier(other.tier()));
    // A message that is itself a new request keeps that request's own refundability: the old one's
    // credit goes back below, and only the old one is used up.
    if (refund && access != MessageAccess.OPEN_PROFILE && access != MessageAccess.INMAIL) {
      after = after.refunded();
    }
    // The message's event below logs what it does to its conversation.
    if (state.conversation().isEmpty()) {
      effects.alongside(new Change.AddConversation(after));
    } else if (!after.equals(before)) {
      effects.alongside(new Change.UpdateConversation(before, after));
    }
    Message message = new Message(effects.newId(), before.id(), actor.id(), cleaned, now);
    effects.add(new Change.AddMessage(message, other.id()), EventType.MESSAGE_SENT, actor.id(), other.id(),
        message.id());
    if (state.otherUnread() == 0) {
      // NT1: one notification per conversation with unread messages, not one per message
      // (docs/decisions/0039-message-received-once-per-unread-conversation.md).
      effects.notify(other.id(), NotificationKind.MESSAGE_RECEIVED, actor.id(), before.id());
    }
    if (refund) {
      // The requester's credits move too: decided on their version, so that their own spending cannot race it.
      // Given back even above the cap, so that no refund is lost (the cap bounds grants, decision 34).
      InMailCredits theirs = InMail.available(other, policy.tier(other.tier()), state.otherCredits(), now);
      int back = theirs.balance() + 1;
      effects.expect(other.id(), other.version()).add(new Change.SetInMailCredits(other.id(), back, theirs.month()), EventType.INMAIL_REFUNDED,
          actor.id(), other.id(), before.id());
    }
    return Decision.apply(effects, new SentMessage(message, after, access, credits.balance(), refund));
  }

  /** MS2: whether the actor's message now gives back the credit of the other's InMail, sent less than {@code window} ago. */
  static boolean refundDue(Conversation conversation, long actorId, Instant now, Duration window) {
    return conversation.refundable() && conversation.requesterId() != 0 && conversation.requesterId() != actorId
        && conversation.requestedAt().map(at -> now.isBefore(at.plus(window))).orElse(false);
  }

  private static MessageAccess access(MessagingState state, Policy policy, Instant now) {
    PairState pair = state.pair();
    if (pair.isSelf()) {
      throw new RuleBrokenException("cannot-message-self", "you cannot message yourself");
    }
    Visibility.requireReachable(pair);
    Member other = pair.other();
    if (other.isCompany() || pair.actor().isCompany()) {
      throw new RuleBrokenException("not-messageable",
          "'%s' is a company page: pages are followed, not messaged".formatted(other.handle().value()));
    }
    if (pair.connected()) {
      return MessageAccess.CONNECTION;
    }
    Optional<Conversation> conversation = state.conversation();
    if (conversation.isPresent()) {
      Conversation c = conversation.get();
      switch (c.state()) {
        case ACCEPTED -> {
          return MessageAccess.ACCEPTED_CONVERSATION;
        }
        case REQUEST -> {
          if (c.requesterId() != pair.actor().id()) {
            return MessageAccess.REPLY_TO_REQUEST;
          }
          throw new RuleBrokenException("request-pending", "your message request to '%s' waits for their answer"
              .formatted(other.handle().value()), Map.of("conversationId", Long.toString(c.id())));
        }
        case DECLINED -> throw new RuleBrokenException("request-declined",
            "the message request between you and '%s' was declined; it is closed until you connect"
                .formatted(other.handle().value()), Map.of("conversationId", Long.toString(c.id())));
        case OPEN -> {
          // Free while connected only (MS3): a removed connection writes again by request.
        }
      }
    }
    if (other.settings().openProfile() && policy.tier(other.tier()).openProfileAllowed()) {
      return MessageAccess.OPEN_PROFILE;
    }
    Tier tier = policy.tier(pair.actor().tier());
    if (!InMail.granted(tier)) {
      throw new ForbiddenException("not-connected-needs-inmail",
          "you are not connected to '%s', and your tier (%s) has no InMail to message them with"
              .formatted(other.handle().value(), tier.name()));
    }
    InMailCredits credits = InMail.available(pair.actor(), tier, state.actorCredits(), now);
    if (credits.balance() == 0) {
      throw new LimitReachedException("no-inmail-credits",
          "you are not connected to '%s' and have no InMail credit left; the next %d come on %s"
              .formatted(other.handle().value(), tier.inMailPerMonth(), InMail.nextGrantAt(now)),
          Map.of("limit", tier.inMailCap(), "used", 0, "retryAt", InMail.nextGrantAt(now)));
    }
    return MessageAccess.INMAIL;
  }

  /**
   * MS2: the recipient of a pending request accepts it (both write freely in it) or declines it
   * (closed to both until they connect). Decided on both members' versions.
   *
   * @throws NotFoundException {@code conversation-not-found} unless the actor is in it and may see the other
   * @throws RuleBrokenException {@code request-not-pending} unless it is a request to the actor waiting for an answer
   */
  public static Decision<Conversation> answer(PairState pair, Conversation conversation, boolean accept,
      Effects effects) {
    requireVisible(pair, conversation);
    if (conversation.state() != ConversationState.REQUEST || conversation.requesterId() == pair.actor().id()) {
      throw new RuleBrokenException("request-not-pending",
          "conversation %d is not a message request to you waiting for an answer (it is %s)"
              .formatted(conversation.id(), conversation.state().name().toLowerCase(java.util.Locale.ROOT)));
    }
    Conversation after = conversation.withState(accept ? ConversationState.ACCEPTED : ConversationState.DECLINED);
    effects.expectPair(pair).add(new Change.UpdateConversation(conversation, after),
        accept ? EventType.MESSAGE_REQUEST_ACCEPTED : EventType.MESSAGE_REQUEST_DECLINED, pair.actor().id(),
        pair.other().id(), conversation.id());
    return Decision.apply(effects, after);
  }

  /**
   * MS4: the actor's side is read up to {@code upTo}, a message of the conversation; reading back to
   * an older message changes nothing (a receipt never goes back).
   *
   * @throws NotFoundException {@code conversation-not-found}, {@code message-not-found}
   */
  public static Decision<ConversationSide> read(PairState pair, Conversation conversation, ConversationSide mine,
      Optional<Message> upTo, Effects effects) {
    requireVisible(pair, conversation);
    Message message = upTo.filter(m -> m.conversationId() == conversation.id()).orElseThrow(() ->
        new NotFoundException("message-not-found", "conversation %d has no such message".formatted(conversation.id())));
    if (message.id() <= mine.readUpTo()) {
      return Decision.apply(effects, mine);
    }
    long actor = pair.actor().id();
    effects.expect(actor, pair.actor().version()).add(
        new Change.MarkConversationRead(conversation.id(), actor, message.id()), EventType.CONVERSATION_READ, actor,
        pair.other().id(), message.id());
    return Decision.apply(effects, new ConversationSide(mine.conversationId(), actor, mine.otherId(),
        mine.lastMessageId(), mine.unread(), message.id()));
  }

  /**
   * MS3, B2: a conversation exists for a member only if they are in it and no block stands between
   * the two; anyone else is told it does not exist.
   */
  public static void requireVisible(PairState pair, Conversation conversation) {
    if (!conversation.hasMember(pair.actor().id()) || pair.blockedEitherWay()) {
      throw notFound(conversation.id());
    }
  }

  public static NotFoundException notFound(long conversationId) {
    return new NotFoundException("conversation-not-found", "no conversation %d of yours".formatted(conversationId));
  }

  /**
   * MS1: a message's text, 1 to 8,000 characters after trimming, line breaks kept.
   *
   * @throws InvalidInputException {@code invalid-text}, {@code message-too-long}
   */
  static String text(String value) {
    String text = Text.lines(value, "text", "invalid-text");
    if (text.isEmpty()) {
      throw new InvalidInputException("invalid-text", "the text is empty", Map.of("field", "text"));
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidInputException("message-too-long", "the text has %d characters; at most %d are allowed"
          .formatted(text.length(), MAX_TEXT_LENGTH), Map.of("field", "text", "limit", MAX_TEXT_LENGTH,
          "used", text.length()));
    }
    return text;
  }
}
