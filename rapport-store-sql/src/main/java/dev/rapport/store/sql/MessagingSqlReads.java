package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.bindLongs;
import static dev.rapport.store.sql.Statements.first;

import dev.rapport.model.Conversation;
import dev.rapport.model.ConversationSide;
import dev.rapport.model.ConversationState;
import dev.rapport.model.ConversationSummary;
import dev.rapport.model.Cursor;
import dev.rapport.model.InMailCredits;
import dev.rapport.model.Message;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.store.MessagingReads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations, messages and InMail credits (MS1-MS4), in SQL both backends accept. Thread safe if the readers are. */
final class MessagingSqlReads implements MessagingReads {
  private static final String CONVERSATION = "c.id, c.low_id, c.high_id, c.state, c.requester_id, c.requested_at,"
      + " c.refundable, c.created_at";
  private static final String SIDE = "s.conversation_id, s.member_id, s.other_id, s.last_message_id, s.unread,"
      + " s.read_up_to";
  private static final String MESSAGE = "m.id, m.conversation_id, m.sender_id, m.text, m.sent_at";
  private static final String BY_ID = "SELECT " + CONVERSATION + " FROM conversations c WHERE c.id = ?";
  private static final String BY_PAIR = "SELECT " + CONVERSATION + " FROM conversations c"
      + " WHERE c.low_id = ? AND c.high_id = ?";
  private static final String SIDES = "SELECT " + SIDE + " FROM conversation_sides s WHERE s.conversation_id = ?"
      + " ORDER BY s.member_id";
  private static final String MESSAGE_BY_ID = "SELECT " + MESSAGE + " FROM messages m WHERE m.id = ?";
  private static final String MESSAGES = "SELECT m.id, " + MESSAGE + " FROM messages m"
      + " WHERE m.conversation_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?";
  /** B2, MS3: a conversation with a member blocked either way is left out. */
  private static final String CONVERSATIONS_OF = "SELECT s.last_message_id, " + SIDE + ", " + CONVERSATION + ", "
      + MESSAGE + " FROM conversation_sides s JOIN conversations c ON c.id = s.conversation_id"
      + " JOIN messages m ON m.id = s.last_message_id"
      + " WHERE s.member_id = ? AND s.last_message_id < ? AND s.last_message_id > 0"
      + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = ? AND x.blocked_id = s.other_id)"
      + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = s.other_id AND x.blocked_id = ?)"
      + " ORDER BY s.last_message_id DESC LIMIT ?";
  /** The pair's two sides, as {@link #CONVERSATIONS_OF} lists each, unless a block stands between them (MS3). */
  private static final String SUMMARIES_BETWEEN = "SELECT " + SIDE + ", " + CONVERSATION + ", " + MESSAGE
      + " FROM conversations c JOIN conversation_sides s ON s.conversation_id = c.id"
      + " JOIN messages m ON m.id = s.last_message_id WHERE c.low_id = ? AND c.high_id = ?"
      + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = c.low_id AND x.blocked_id = c.high_id)"
      + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = c.high_id AND x.blocked_id = c.low_id)"
      + " ORDER BY s.member_id";
  private static final String CREDITS = "SELECT member_id, balance, month FROM inmail_credits WHERE member_id = ?";

  private final Readers readers;

  MessagingSqlReads(Readers readers) {
    this.readers = readers;
  }

  static Conversation conversation(ResultSet row, int from) throws SQLException {
    int c = from;
    return new Conversation(row.getLong(c++), row.getLong(c++), row.getLong(c++),
        ConversationState.valueOf(row.getString(c++)), row.getLong(c++), Rows.optionalInstant(row, c++),
        row.getBoolean(c++), Instant.ofEpochMilli(row.getLong(c)));
  }

  static ConversationSide side(ResultSet row, int from) throws SQLException {
    int c = from;
    return new ConversationSide(row.getLong(c++), row.getLong(c++), row.getLong(c++), row.getLong(c++),
        row.getInt(c++), row.getLong(c));
  }

  static Message message(ResultSet row, int from) throws SQLException {
    int c = from;
    return new Message(row.getLong(c++), row.getLong(c++), row.getLong(c++), row.getString(c++),
        Instant.ofEpochMilli(row.getLong(c)));
  }

  private static ConversationSummary summary(ResultSet row, int from) throws SQLException {
    return new ConversationSummary(side(row, from), conversation(row, from + 6), message(row, from + 14));
  }

  @Override
  public Optional<Conversation> conversation(long id) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(BY_ID);
      statement.setLong(1, id);
      return first(statement, MessagingSqlReads::conversation);
    });
  }

  @Override
  public Optional<Conversation> conversationBetween(long aId, long bId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(BY_PAIR);
      bindLongs(statement, Math.min(aId, bId), Math.max(aId, bId));
      return first(statement, MessagingSqlReads::conversation);
    });
  }

  @Override
  public List<ConversationSide> sides(long conversationId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(SIDES);
      statement.setLong(1, conversationId);
      return List.copyOf(Statements.all(statement, MessagingSqlReads::side));
    });
  }

  @Override
  public Optional<Message> message(long id) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(MESSAGE_BY_ID);
      statement.setLong(1, id);
      return first(statement, MessagingSqlReads::message);
    });
  }

  @Override
  public Page<Message> messages(long conversationId, PageRequest page) {
    long below = Cursor.decode(page.cursor(), 1)[0];
    return readers.read(s -> Statements.page(s, MESSAGES, 1, MessagingSqlReads::message, page, conversationId, below));
  }

  @Override
  public Page<ConversationSummary> conversationsOf(long memberId, PageRequest page) {
    long below = Cursor.decode(page.cursor(), 1)[0];
    return readers.read(s -> Statements.page(s, CONVERSATIONS_OF, 1, MessagingSqlReads::summary, page, memberId,
        below, memberId, memberId));
  }

  @Override
  public List<ConversationSummary> summariesBetween(long aId, long bId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(SUMMARIES_BETWEEN);
      bindLongs(statement, Math.min(aId, bId), Math.max(aId, bId));
      return List.copyOf(Statements.all(statement, MessagingSqlReads::summary));
    });
  }

  @Override
  public Optional<InMailCredits> inMailCredits(long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(CREDITS);
      statement.setLong(1, memberId);
      return first(statement, (row, c) -> new InMailCredits(row.getLong(c), row.getInt(c + 1), row.getInt(c + 2)));
    });
  }
}
