package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;

/** A message of a conversation (MS1); its id orders it within the conversation, as time does. */
public record Message(long id, long conversationId, long senderId, String text, Instant sentAt) {
  public Message {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sentAt, "sentAt");
  }
}
