package dev.rapport.messaging;

import dev.rapport.model.Conversation;
import dev.rapport.model.Message;

/**
 * A message sent, and what it cost (MS1, MS2).
 *
 * @param conversation the conversation as the message left it
 * @param inMailCredits the sender's InMail credits after it
 * @param refunded whether this reply gave the other member their InMail credit back
 */
public record SentMessage(Message message, Conversation conversation, MessageAccess access, int inMailCredits,
    boolean refunded) {}
