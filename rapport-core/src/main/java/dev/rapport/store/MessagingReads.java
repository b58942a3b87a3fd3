package dev.rapport.store;

import dev.rapport.model.Conversation;
import dev.rapport.model.ConversationSide;
import dev.rapport.model.ConversationSummary;
import dev.rapport.model.InMailCredits;
import dev.rapport.model.Message;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * What the messaging rules and lists read (MS1-MS4, M2's InMail credits). Lists of conversations
 * leave out those with a member the viewer blocked or is blocked by (MS3, B2).
 */
public interface MessagingReads {

  Optional<Conversation> conversation(long id);

  /** The pair's one conversation, if either ever wrote to the other. */
  Optional<Conversation> conversationBetween(long aId, long bId);

  /** Both members' sides of the conversation, the lower member id first; empty if there is no such conversation. */
  List<ConversationSide> sides(long conversationId);

  Optional<Message> message(long id);

  /** The conversation's messages newest first (by id); the cursor carries the last one's id. */
  Page<Message> messages(long conversationId, PageRequest page);

  /**
   * The member's conversations, the one with the newest message first, each with the member's side
   * and that message, leaving out those with a member blocked either way (MS3).
   */
  Page<ConversationSummary> conversationsOf(long memberId, PageRequest page);

  /**
   * The pair's conversation as each of the two members' lists show it, the lower member id first:
   * empty if they have none, or a block stands between them (MS3). One read by the pair's key.
   */
  List<ConversationSummary> summariesBetween(long aId, long bId);

  /** The member's InMail credits as last stored; empty if they never had any stored. */
  Optional<InMailCredits> inMailCredits(long memberId);
}
