package dev.rapport.store.sql;

import static dev.rapport.store.sql.Statements.bindLongs;
import static dev.rapport.store.sql.Statements.first;

import dev.rapport.model.Cursor;
import dev.rapport.model.Endorsement;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Recommendation;
import dev.rapport.model.RecommendationState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Skills, endorsements, recommendations and page admins (E1, E2, CP1), read as SQL both backends
 * accept. Thread safe if the readers are.
 */
final class ProfileSqlReads {
  private static final String RECOMMENDATION =
      "r.id, r.writer_id, r.recipient_id, r.text, r.relationship, r.state, r.created_at, r.shown_at";
  private static final String SKILLS = "SELECT name FROM skills WHERE member_id = ? ORDER BY position";
  private static final String ENDORSEMENTS = "SELECT skill_key, endorser_id, created_at FROM endorsements "
      + "WHERE member_id = ? ORDER BY created_at DESC, endorser_id DESC";
  private static final String RECOMMENDATION_BY_ID = "SELECT " + RECOMMENDATION + " FROM recommendations r WHERE r.id = ?";
  private static final String PENDING = "SELECT " + RECOMMENDATION + " FROM recommendations r "
      + "WHERE r.writer_id = ? AND r.recipient_id = ? AND r.state = 'PENDING'";
  private static final String GIVEN = "SELECT r.created_at, r.id, " + RECOMMENDATION + " FROM recommendations r "
      + "WHERE r.writer_id = ? AND (r.created_at, r.id) < (?, ?) ORDER BY r.created_at DESC, r.id DESC LIMIT ?";
  private static final String PAGE_ADMINS =
      "SELECT member_id FROM page_admins WHERE page_id = ? ORDER BY created_at, member_id";
  private static final String IS_PAGE_ADMIN = "SELECT 1 FROM page_admins WHERE page_id = ? AND member_id = ?";
  private static final String ADMINISTERED = "SELECT a.created_at, a.page_id, " + Rows.MEMBER
      + " FROM page_admins a JOIN members m ON m.id = a.page_id WHERE a.member_id = ?"
      + " AND (a.created_at, a.page_id) < (?, ?) ORDER BY a.created_at DESC, a.page_id DESC LIMIT ?";

  private final Readers readers;
  private final Map<String, String> receivedLists = new ConcurrentHashMap<>();

  ProfileSqlReads(Readers readers) {
    this.readers = readers;
  }

  List<String> skills(long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(SKILLS);
      statement.setLong(1, memberId);
      return Statements.all(statement, (row, c) -> row.getString(c));
    });
  }

  List<Endorsement> endorsements(long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(ENDORSEMENTS);
      statement.setLong(1, memberId);
      return Statements.all(statement, (row, c) -> new Endorsement(row.getString(c), row.getLong(c + 1),
          Instant.ofEpochMilli(row.getLong(c + 2))));
    });
  }

  Optional<Recommendation> recommendation(long id) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(RECOMMENDATION_BY_ID);
      statement.setLong(1, id);
      return first(statement, ProfileSqlReads::recommendation);
    });
  }

  Optional<Recommendation> pendingRecommendation(long writerId, long recipientId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(PENDING);
      bindLongs(statement, writerId, recipientId);
      return first(statement, ProfileSqlReads::recommendation);
    });
  }

  Page<Recommendation> recommendationsReceived(long recipientId, Set<RecommendationState> states, long viewerId,
      PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    if (states.isEmpty()) {
      return new Page<>(List.of(), Optional.empty());
    }
    return page(receivedList(states), page, recipientId, below[0], below[1], viewerId, viewerId);
  }

  /** The list query for one set of states; states are enum names, safe to inline. B2 leaves out blocked writers. */
  private String receivedList(Set<RecommendationState> states) {
    String in = states.stream().sorted().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));
    return receivedLists.computeIfAbsent(in, _ -> "SELECT r.created_at, r.id, " + RECOMMENDATION
        + " FROM recommendations r WHERE r.recipient_id = ? AND r.state IN (" + in + ")"
        + " AND (r.created_at, r.id) < (?, ?)"
        + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = ? AND x.blocked_id = r.writer_id)"
        + " AND NOT EXISTS (SELECT 1 FROM blocks x WHERE x.blocker_id = r.writer_id AND x.blocked_id = ?)"
        + " ORDER BY r.created_at DESC, r.id DESC LIMIT ?");
  }

  Page<Recommendation> recommendationsGiven(long writerId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return page(GIVEN, page, writerId, below[0], below[1]);
  }

  List<Long> pageAdmins(long pageId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(PAGE_ADMINS);
      statement.setLong(1, pageId);
      return Statements.all(statement, (row, c) -> row.getLong(c));
    });
  }

  boolean isPageAdmin(long pageId, long memberId) {
    return readers.read(s -> {
      PreparedStatement statement = s.prepare(IS_PAGE_ADMIN);
      bindLongs(statement, pageId, memberId);
      return first(statement, (row, c) -> true).isPresent();
    });
  }

  Page<Member> administeredPages(long memberId, PageRequest page) {
    long[] below = Cursor.decode(page.cursor(), 2);
    return pageOf(ADMINISTERED, Rows::member, page, memberId, below[0], below[1]);
  }

  private Page<Recommendation> page(String sql, PageRequest page, long... parameters) {
    return pageOf(sql, ProfileSqlReads::recommendation, page, parameters);
  }

  /** A page of a list whose rows start with two sort keys; reads one row more to learn whether there is a next. */
  private <T> Page<T> pageOf(String sql, Rows.Mapper<T> mapper, PageRequest page, long... parameters) {
    return readers.read(s -> Statements.page(s, sql, 2, mapper, page, parameters));
  }

  private static Recommendation recommendation(ResultSet row, int from) throws SQLException {
    int c = from;
    return new Recommendation(row.getLong(c++), row.getLong(c++), row.getLong(c++), row.getString(c++),
        Optional.ofNullable(row.getString(c++)), RecommendationState.valueOf(row.getString(c++)),
        Instant.ofEpochMilli(row.getLong(c++)), Rows.optionalInstant(row, c));
  }
}
