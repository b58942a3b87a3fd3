package dev.rapport.messaging;

import dev.rapport.model.Conversation;
import dev.rapport.model.ConversationSide;
import dev.rapport.model.ConversationState;
import dev.rapport.model.Member;
import dev.rapport.model.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation as one of its members sees it (MS1-MS4): the other member, their own side (unread
 * count, how far they read) and, where read, how far the other member read (the receipt).
 *
 * @param theirReadUpTo the newest message the other member has read, 0 for none; empty where not read
 */
public record ConversationView(Conversation conversation, Member other, ConversationSide mine,
    Optional<Message> lastMessage, Optional<Long> theirReadUpTo) {
  public ConversationView {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(other, "other");
    Objects.requireNonNull(mine, "mine");
    lastMessage = lastMessage == null ? Optional.empty() : lastMessage;
    theirReadUpTo = theirReadUpTo == null ? Optional.empty() : theirReadUpTo;
  }

  /** Whether it is a request waiting for this member's answer: shown marked apart from the rest (MS2). */
  public boolean requestToMe() {
    return conversation.state() == ConversationState.REQUEST && conversation.requesterId() == other.id();
  }

  /** Whether it is this member's request, waiting for the other's answer. */
  public boolean requestByMe() {
    return conversation.state() == ConversationState.REQUEST && conversation.requesterId() == mine.memberId();
  }
}
