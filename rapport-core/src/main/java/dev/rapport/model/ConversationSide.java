package dev.rapport.model;

/**
 * One member's side of a conversation: what their list of conversations shows of it (MS4).
 *
 * @param lastMessageId the conversation's newest message, which orders the member's list
 * @param unread how many of the other member's messages came after {@code readUpTo}
 * @param readUpTo the newest message the member has read, or 0
 */
public record ConversationSide(long conversationId, long memberId, long otherId, long lastMessageId, int unread,
    long readUpTo) {}
