package dev.rapport.store.sql;

import dev.rapport.kernel.Change;
import dev.rapport.model.Conversation;
import dev.rapport.model.Message;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes the changes of conversations, messages and InMail credits (MS1-MS4) into the SQLite
 * writer's open transaction, as PostgreSQL's {@code apply_commit} does. A conversation's state
 * changes only from the state its command read, so that a request is answered and a credit refunded
 * once (docs/decisions/0034-messaging-conversations-requests-credits.md).
 */
final class MessagingWriter {
  private static final String INSERT_CONVERSATION = "INSERT INTO conversations (id, low_id, high_id, state,"
      + " requester_id, requested_at, refundable, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_SIDE = "INSERT INTO conversation_sides (member_id, conversation_id, other_id,"
      + " last_message_id) VALUES (?, ?, ?, 0)";
  private static final String UPDATE_CONVERSATION = "UPDATE conversations SET state = ?, requester_id = ?,"
      + " requested_at = ?, refundable = ? WHERE id = ? AND state = ? AND requester_id = ? AND refundable = ?";
  private static final String INSERT_MESSAGE = "INSERT INTO messages (id, conversation_id, sender_id, text, sent_at)"
      + " VALUES (?, ?, ?, ?, ?)";
  private static final String SENDER_SIDE = "UPDATE conversation_sides SET last_message_id = max(last_message_id, ?),"
      + " read_up_to = max(read_up_to, ?), unread = 0 WHERE member_id = ? AND conversation_id = ?";
  private static final String RECIPIENT_SIDE = "UPDATE conversation_sides SET last_message_id = max(last_message_id, ?),"
      + " unread = unread + 1 WHERE member_id = ? AND conversation_id = ?";
  private static final String READ = "UPDATE conversation_sides SET read_up_to = ?, unread = (SELECT count(*)"
      + " FROM messages m WHERE m.conversation_id = ? AND m.sender_id <> ? AND m.id > ?)"
      + " WHERE member_id = ? AND conversation_id = ? AND read_up_to < ?";
  private static final String SET_CREDITS = "INSERT INTO inmail_credits (member_id, balance, month) VALUES (?, ?, ?)"
      + " ON CONFLICT (member_id) DO UPDATE SET balance = excluded.balance, month = excluded.month";

  private MessagingWriter() {}

  static void apply(Session session, Change change) throws SQLException, CommitConflict {
    switch (change) {
      case Change.AddConversation(Conversation c) -> {
        PreparedStatement insert = session.prepare(INSERT_CONVERSATION);
        bind(insert, c.id(), c.lowId(), c.highId(), c.state().name(), c.requesterId(),
            c.requestedAt().map(t -> (Object) t.toEpochMilli()).orElse(null), c.refundable() ? 1L : 0L,
            c.createdAt().toEpochMilli());
        insert.executeUpdate();
        PreparedStatement side = session.prepare(INSERT_SIDE);
        bind(side, c.lowId(), c.id(), c.highId());
        side.executeUpdate();
        bind(side, c.highId(), c.id(), c.lowId());
        side.executeUpdate();
      }
      case Change.UpdateConversation(Conversation before, Conversation after) -> {
        PreparedStatement update = session.prepare(UPDATE_CONVERSATION);
        bind(update, after.state().name(), after.requesterId(),
            after.requestedAt().map(t -> (Object) t.toEpochMilli()).orElse(null), after.refundable() ? 1L : 0L,
            before.id(), before.state().name(), before.requesterId(), before.refundable() ? 1L : 0L);
        if (update.executeUpdate() == 0) {
          throw new CommitConflict("conversation %d is no longer %s".formatted(before.id(), before.state()));
        }
      }
      case Change.AddMessage(Message m, long recipientId) -> {
        PreparedStatement insert = session.prepare(INSERT_MESSAGE);
        bind(insert, m.id(), m.conversationId(), m.senderId(), m.text(), m.sentAt().toEpochMilli());
        insert.executeUpdate();
        PreparedStatement sender = session.prepare(SENDER_SIDE);
        bind(sender, m.id(), m.id(), m.senderId(), m.conversationId());
        if (sender.executeUpdate() == 0) {
          throw new CommitConflict("conversation %d has no side of member %d".formatted(m.conversationId(),
              m.senderId()));
        }
        PreparedStatement recipient = session.prepare(RECIPIENT_SIDE);
        bind(recipient, m.id(), recipientId, m.conversationId());
        recipient.executeUpdate();
      }
      case Change.MarkConversationRead(long conversationId, long memberId, long upToId) -> {
        PreparedStatement read = session.prepare(READ);
        bind(read, upToId, conversationId, memberId, upToId, memberId, conversationId, upToId);
        read.executeUpdate();
      }
      case Change.SetInMailCredits(long memberId, int balance, int month) -> {
        PreparedStatement set = session.prepare(SET_CREDITS);
        bind(set, memberId, (long) balance, (long) month);
        set.executeUpdate();
      }
      default -> throw new IllegalArgumentException("not a change of messaging: " + change);
    }
  }

  private static void bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      switch (values[i]) {
        case Long l -> statement.setLong(i + 1, l);
        case String s -> statement.setString(i + 1, s);
        case null -> statement.setNull(i + 1, Types.NULL);
        default -> throw new IllegalArgumentException("cannot bind a " + values[i].getClass().getName());
      }
    }
  }
}
