package dev.rapport.readcache;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Conversation;
import dev.rapport.model.ConversationSide;
import dev.rapport.model.ConversationSummary;
import dev.rapport.model.InMailCredits;
import dev.rapport.model.Message;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.readcache.RememberedReads.Depends;
import dev.rapport.store.MessagingReads;
import java.util.List;
import java.util.Optional;

/**
 * What messaging reads, with a member's first page of conversations from memory: remembered until
 * an event names the member, then brought up to date from the few messages, receipts and answers
 * since, each read once on the log's thread with its pair's summaries; read from the store again
 * only when that cannot say what the page is now (a block either way, too many changes, a gap)
 * (docs/decisions/0044-the-conversation-page-patches-itself.md). Everything else is read from the
 * store. Thread safe.
 */
final class CachedMessagingReads implements MessagingReads {
  /** 1,024 changes: seconds of a busy network's messages, far more than come between two reads of one inbox. */
  private static final int CHANGES_BITS = 10;
  private final MessagingReads store;
  private final RememberedReads remembered;
  private final ConversationChanges changes = new ConversationChanges(CHANGES_BITS);

  /** The remembered first page of a member's conversations, as long as the longest asked for. */
  private record FirstConversations(long memberId) {}

  CachedMessagingReads(MessagingReads store, RememberedReads remembered) {
    this.store = store;
    this.remembered = remembered;
  }

  /**
   * Takes note of an event of the log before its position is published: one that changes a pair's
   * conversation is kept with the pair's summaries if either member's page is remembered.
   *
   * @return whether it names a member of a remembered page's pair, whose version it moved, or whom the
   *     notification of a message names again after it in the same commit: to be read again
   */
  boolean record(Event event) {
    return switch (effectOnLists(event.type())) {
      case NONE -> event.type() == EventType.NOTIFIED && (remembered.holds(new FirstConversations(event.actorId()))
          || remembered.holds(new FirstConversations(event.subjectId())));
      case HIDES_OR_SHOWS -> {
        changes.add(event, ConversationChanges.UNKNOWN);
        yield false;
      }
      case CHANGES_THE_PAIRS -> {
        boolean held = remembered.holds(new FirstConversations(event.actorId()))
            || remembered.holds(new FirstConversations(event.subjectId()));
        changes.add(event, held ? store.summariesBetween(event.actorId(), event.subjectId())
            : ConversationChanges.UNKNOWN);
        yield held;
      }
    };
  }

  @Override
  public Page<ConversationSummary> conversationsOf(long memberId, PageRequest page) {
    if (page.cursor().isPresent()) {
      return store.conversationsOf(memberId, page);
    }
    FirstConversations key = new FirstConversations(memberId);
    long position = remembered.position();
    InboxPage current = remembered.valid(key);
    if (current == null) {
      RememberedReads.Held<InboxPage> held = remembered.held(key);
      current = held == null ? null : changes.replay(held.value(), held.position(), memberId);
      if (current != null) {
        remember(key, current, position);
      }
    }
    Page<ConversationSummary> served = current == null ? null : current.first(page.limit());
    if (served != null) {
      return served;
    }
    Page<ConversationSummary> read = store.conversationsOf(memberId, page);
    remember(key, InboxPage.of(read, page.limit()), position);
    return read;
  }

  private void remember(FirstConversations key, InboxPage page, long position) {
    remembered.remember(key, page, position, new Depends(new long[] {key.memberId()}, MemberEvents.ALL_BUT_POSTS,
        null), false, page.weight());
  }

  private enum Effect { NONE, CHANGES_THE_PAIRS, HIDES_OR_SHOWS }

  /**
   * What an event does to the lists of conversations of the members it names. Exhaustive, so that a
   * new kind of event is placed here before it compiles.
   */
  private static Effect effectOnLists(EventType type) {
    return switch (type) {
      case MESSAGE_SENT, CONVERSATION_READ, MESSAGE_REQUEST_ACCEPTED, MESSAGE_REQUEST_DECLINED, INMAIL_REFUNDED ->
          Effect.CHANGES_THE_PAIRS;
      case BLOCKED, UNBLOCKED -> Effect.HIDES_OR_SHOWS;
      // Profiles are joined to a page when it is read; ties, invitations, content and accounts change no conversation.
      case MEMBER_CREATED, MEMBER_UPDATED, TOKEN_ISSUED, FOLLOWED, UNFOLLOWED, INVITATION_SENT, INVITATION_ACCEPTED,
          INVITATION_IGNORED, INVITATION_WITHDRAWN, INVITATION_REPORTED, INVITATION_CANCELED, INVITATION_REFUSED,
          RESTRICTED, CONNECTED, DISCONNECTED, SUGGESTION_DISMISSED, NOTIFICATIONS_READ, ACCOUNT_CREATED,
          PASSWORD_CHANGED, SIGNED_IN, SIGNED_OUT, SESSIONS_ENDED, TOKEN_REVOKED, INVITE_CREATED, INVITE_USED, POSTED,
          POST_EDITED, POST_DELETED, REACTED, REACTION_CHANGED, REACTION_REMOVED, COMMENTED, COMMENT_DELETED,
          SKILLS_SET, ENDORSED, ENDORSEMENT_REMOVED, RECOMMENDATION_WRITTEN, RECOMMENDATION_SHOWN,
          RECOMMENDATION_HIDDEN, RECOMMENDATION_REMOVED, PAGE_CREATED, PAGE_ADMIN_ADDED, PAGE_ADMIN_REMOVED, NOTIFIED,
          NOTIFICATION_SETTINGS_SET -> Effect.NONE;
    };
  }

  // Conversations, messages and credits change with every message: read from the store each time.

  @Override
  public Optional<Conversation> conversation(long id) {
    return store.conversation(id);
  }

  @Override
  public Optional<Conversation> conversationBetween(long aId, long bId) {
    return store.conversationBetween(aId, bId);
  }

  @Override
  public List<ConversationSide> sides(long conversationId) {
    return store.sides(conversationId);
  }

  @Override
  public Optional<Message> message(long id) {
    return store.message(id);
  }

  @Override
  public Page<Message> messages(long conversationId, PageRequest page) {
    return store.messages(conversationId, page);
  }

  @Override
  public List<ConversationSummary> summariesBetween(long aId, long bId) {
    return store.summariesBetween(aId, bId);
  }

  @Override
  public Optional<InMailCredits> inMailCredits(long memberId) {
    return store.inMailCredits(memberId);
  }
}
