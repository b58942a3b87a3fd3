package dev.rapport.model;

import java.util.Objects;

/** A conversation as its member's list shows it: their side, the conversation and its newest message. */
public record ConversationSummary(ConversationSide side, Conversation conversation, Message lastMessage) {
  public ConversationSummary {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(lastMessage, "lastMessage");
  }
}
