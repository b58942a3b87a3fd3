package dev.rapport.store.sql;

import dev.rapport.kernel.Change;
import dev.rapport.model.Invitation;
import dev.rapport.model.Member;
import dev.rapport.model.Settings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a commit's preconditions and changes into the SQLite writer's open transaction, one
 * statement each (PostgreSQL does the same in its {@code apply_commit} function, in one round trip).
 * A failed precondition is a {@link CommitConflict}; a broken uniqueness surfaces as the driver's
 * {@link SQLException}.
 *
 * <p>Large commits (an import) hold long runs of new members, connections and follows
 * ({@link ChangeRuns}). Each statement costs a few microseconds of driver and SQLite overhead
 * whatever it writes, so such a run is written {@value #ROWS_PER_STATEMENT} rows per statement,
 * in key order, with the same outcome as one statement per change.
 */
final class ChangeWriter {
  private static final String BUMP_VERSION =
      "UPDATE members SET version = version + 1 WHERE id = ? AND version = ?";
  private static final String INSERT_MEMBER = "INSERT INTO members (id, handle, kind, name, headline, email, tier, "
      + "created_at, follow_primary, who_can_follow, who_can_invite, connections_visibility, open_profile, "
      + "follows_visibility, connection_count, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_MEMBER = "UPDATE members SET name = ?, headline = ?, follow_primary = ?, "
      + "who_can_follow = ?, who_can_invite = ?, connections_visibility = ?, open_profile = ?, follows_visibility = ? "
      + "WHERE id = ?";
  private static final String INSERT_TOKEN = "INSERT INTO tokens (token_hash, member_id, expires_at, kind, id, name, "
      + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String DELETE_TOKEN = "DELETE FROM tokens WHERE member_id = ? AND id = ? AND kind = 'API'";
  private static final String DELETE_SESSION = "DELETE FROM tokens WHERE token_hash = ? AND kind = 'SESSION'";
  private static final String DELETE_SESSIONS = "DELETE FROM tokens WHERE member_id = ? AND kind = 'SESSION'";
  private static final String DELETE_OTHER_SESSIONS =
      "DELETE FROM tokens WHERE member_id = ? AND kind = 'SESSION' AND token_hash <> ?";
  private static final String INSERT_CREDENTIAL =
      "INSERT INTO credentials (member_id, email_key, password_hash, changed_at) VALUES (?, ?, ?, ?)";
  private static final String UPDATE_PASSWORD =
      "UPDATE credentials SET password_hash = ?, changed_at = ? WHERE member_id = ?";
  private static final String INSERT_INVITE =
      "INSERT INTO invite_links (id, code_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)";
  private static final String USE_INVITE =
      "UPDATE invite_links SET used_by = ?, used_at = ? WHERE id = ? AND used_by = 0";
  private static final String INSERT_FOLLOW =
      "INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String DELETE_FOLLOW = "DELETE FROM follows WHERE follower_id = ? AND followee_id = ?";
  private static final String INSERT_CONNECTION = "INSERT INTO connections (member_id, other_id, created_at) "
      + "VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String DELETE_CONNECTION = "DELETE FROM connections "
      + "WHERE (member_id = ? AND other_id = ?) OR (member_id = ? AND other_id = ?)";
  private static final String ADD_TO_CONNECTION_COUNTS =
      "UPDATE members SET connection_count = connection_count + ? WHERE id IN (?, ?)";
  private static final String INSERT_INVITATION = "INSERT INTO invitations (id, sender_id, recipient_id, pair_low, "
      + "pair_high, state, note, sent_at, updated_at, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_INVITATION =
      "UPDATE invitations SET state = ?, updated_at = ?, reported_at = ? WHERE id = ?";
  private static final String INSERT_BLOCK =
      "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String DELETE_BLOCK = "DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?";
  private static final String INSERT_DISMISSAL = "INSERT INTO suggestion_dismissals (member_id, dismissed_id, created_at)"
      + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String INSERT_REFUSAL = "INSERT INTO refusals (member_id, at) VALUES (?, ?)";
  private static final String INSERT_RESTRICTION =
      "INSERT INTO restrictions (member_id, reason, starts_at, ends_at) VALUES (?, ?, ?, ?)";
  private static final String MARK_NOTIFICATIONS_READ =
      "UPDATE notifications SET read = TRUE WHERE recipient_id = ? AND id <= ? AND NOT read";
  /** NT2: one group's range of the schema 16 index (docs/decisions/0046-a-group-marked-read-by-its-first-id.md). */
  private static final String MARK_NOTIFICATION_GROUP_READ = "UPDATE notifications SET read = TRUE"
      + " WHERE recipient_id = ? AND kind = ? AND ref_id = ? AND about = ? AND at >= ? AND at < ?"
      + " AND id >= ? AND id <= ? AND NOT read";
  private static final String DELETE_MUTES = "DELETE FROM notification_mutes WHERE member_id = ?";
  private static final String INSERT_MUTE = "INSERT INTO notification_mutes (member_id, kind) VALUES (?, ?)";
  private static final String INSERT_NOTIFICATION = "INSERT INTO notifications (id, recipient_id, kind, actor_id, "
      + "ref_id, about, at, read) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Rows per statement when writing a run in bulk. The rest of a run of members goes one by one; the
   * last statement of links repeats its last row.
   */
  static final int ROWS_PER_STATEMENT = 64;
  private static final String INSERT_MEMBERS = INSERT_MEMBER + ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      .repeat(ROWS_PER_STATEMENT - 1);
  /*
   * Links are inserted OR IGNORE rather than ON CONFLICT DO NOTHING: it settles every constraint by
   * skipping the row, so a statement of many rows can never fail half way, and SQLite keeps no
   * statement journal of the pages it changes, a large part of the follows' insert time.
   * Only the primary key can clash; the other columns are never null.
   */
  private static final String INSERT_FOLLOWS = "INSERT OR IGNORE INTO follows (follower_id, followee_id, created_at) "
      + "VALUES (?, ?, ?)" + ", (?, ?, ?)".repeat(ROWS_PER_STATEMENT - 1);
  /** Both directions of each connection; returns the rows it added, so that only those count. */
  private static final String INSERT_CONNECTIONS = "INSERT OR IGNORE INTO connections "
      + "(member_id, other_id, created_at) VALUES (?, ?, ?)" + ", (?, ?, ?)".repeat(ROWS_PER_STATEMENT - 1)
      + " RETURNING member_id";
  private static final String ADD_TO_CONNECTION_COUNT =
      "UPDATE members SET connection_count = connection_count + ? WHERE id = ?";

  private ChangeWriter() {}

  /** Told how many connections a member gained or lost, as the writes count them. */
  @FunctionalInterface
  interface ConnectionCounts {
    void moved(long memberId, int by);
  }

  /** Bumps each member's version if it is still the expected one, in ascending id order. */
  static void expectVersions(Session session, Map<Long, Long> expected) throws SQLException, CommitConflict {
    if (expected.isEmpty()) {
      return;
    }
    List<Map.Entry<Long, Long>> ordered = List.copyOf(new TreeMap<>(expected).entrySet());
    PreparedStatement bump = session.prepare(BUMP_VERSION);
    for (Map.Entry<Long, Long> entry : ordered) {
      bump.setLong(1, entry.getKey());
      bump.setLong(2, entry.getValue());
      bump.addBatch();
    }
    int[] updated = bump.executeBatch();
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] == 0) {
        Map.Entry<Long, Long> moved = ordered.get(i);
        throw new CommitConflict("member %d is no longer at version %d".formatted(moved.getKey(), moved.getValue()));
      }
    }
  }

  static void apply(Session session, List<Change> changes, ConnectionCounts counts)
      throws SQLException, CommitConflict {
    for (List<Change> run : ChangeRuns.of(changes)) {
      if (!ChangeRuns.isBulk(run)) {
        for (Change change : run) {
          apply(session, change, counts);
        }
      } else {
        switch (run.getFirst()) {
          case Change.AddConnection _ -> addConnections(session, run, counts);
          case Change.AddFollow _ -> addFollows(session, run);
          case Change.AddMember _ -> addMembers(session, run);
          default -> throw new IllegalStateException("no bulk writer for " + run.getFirst());
        }
      }
    }
  }

  /** One row of a link table: connections (both ways) or follows. */
  private record Link(long from, long to, long at) implements Comparable<Link> {
    @Override
    public int compareTo(Link other) {
      int byFrom = Long.compare(from, other.from);
      return byFrom != 0 ? byFrom : Long.compare(to, other.to);
    }
  }

  private static void addConnections(Session session, List<Change> run, ConnectionCounts counts)
      throws SQLException {
    List<Link> rows = new ArrayList<>(2 * run.size());
    for (Change change : run) {
      Change.AddConnection c = (Change.AddConnection) change;
      rows.add(new Link(c.aId(), c.bId(), c.at().toEpochMilli()));
      rows.add(new Link(c.bId(), c.aId(), c.at().toEpochMilli()));
    }
    Map<Long, Integer> added = insertLinks(session.prepare(INSERT_CONNECTIONS), rows, true);
    PreparedStatement count = session.prepare(ADD_TO_CONNECTION_COUNT);
    for (Map.Entry<Long, Integer> entry : added.entrySet()) {
      count.setInt(1, entry.getValue());
      count.setLong(2, entry.getKey());
      count.addBatch();
    }
    count.executeBatch();
    added.forEach(counts::moved);
  }

  private static void addFollows(Session session, List<Change> run) throws SQLException {
    List<Link> rows = new ArrayList<>(run.size());
    for (Change change : run) {
      Change.AddFollow f = (Change.AddFollow) change;
      rows.add(new Link(f.followerId(), f.followeeId(), f.at().toEpochMilli()));
    }
    insertLinks(session.prepare(INSERT_FOLLOWS), rows, false);
  }

  /**
   * Inserts the rows in key order, which keeps SQLite's page cache warm, {@link #ROWS_PER_STATEMENT}
   * a statement; the last statement repeats its last row, which the statement then ignores.
   *
   * @return with {@code returning}, how many rows were added per {@code from}
   */
  private static Map<Long, Integer> insertLinks(PreparedStatement insert, List<Link> rows, boolean returning)
      throws SQLException {
    rows.sort(null);
    Map<Long, Integer> added = new HashMap<>();
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      int p = 1;
      for (int i = from; i < from + ROWS_PER_STATEMENT; i++) {
        Link row = rows.get(Math.min(i, rows.size() - 1));
        insert.setLong(p++, row.from());
        insert.setLong(p++, row.to());
        insert.setLong(p++, row.at());
      }
      if (returning) {
        try (ResultSet inserted = insert.executeQuery()) {
          while (inserted.next()) {
            added.merge(inserted.getLong(1), 1, Integer::sum);
          }
        }
      } else {
        insert.executeUpdate();
      }
    }
    return added;
  }

  private static void addMembers(Session session, List<Change> run) throws SQLException {
    int whole = run.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
    PreparedStatement insert = session.prepare(INSERT_MEMBERS);
    for (int from = 0; from < whole; from += ROWS_PER_STATEMENT) {
      int p = 1;
      for (Change change : run.subList(from, from + ROWS_PER_STATEMENT)) {
        p = bindMember(insert, p, ((Change.AddMember) change).member());
      }
      insert.executeUpdate();
    }
    for (Change change : run.subList(whole, run.size())) {
      insertMember(session, ((Change.AddMember) change).member());
    }
  }

  private static void apply(Session session, Change change, ConnectionCounts counts)
      throws SQLException, CommitConflict {
    switch (change) {
      case Change.AddMember(Member member) -> insertMember(session, member);
      case Change.UpdateMember(Member member) -> updateMember(session, member);
      case Change.AddToken(String tokenHash, long memberId, Instant expiresAt, var kind, long id, var name,
          var createdAt) -> update(session, INSERT_TOKEN, tokenHash, memberId, expiresAt, kind.name(),
          id == 0 ? Optional.empty() : Optional.of(id), name, createdAt);
      case Change.RemoveToken(long memberId, long tokenId) -> update(session, DELETE_TOKEN, memberId, tokenId);
      case Change.RemoveSession(String tokenHash) -> update(session, DELETE_SESSION, tokenHash);
      case Change.RemoveSessions(long memberId, Optional<String> keep) -> {
        if (keep.isPresent()) {
          update(session, DELETE_OTHER_SESSIONS, memberId, keep.get());
        } else {
          update(session, DELETE_SESSIONS, memberId);
        }
      }
      case Change.AddCredential(long memberId, String emailKey, String hash, Instant at) ->
          update(session, INSERT_CREDENTIAL, memberId, emailKey, hash, at);
      case Change.UpdatePassword(long memberId, String hash, Instant at) -> {
        if (update(session, UPDATE_PASSWORD, hash, at, memberId) == 0) {
          throw new CommitConflict("member %d has no account".formatted(memberId));
        }
      }
      case Change.AddInvite(var link) -> update(session, INSERT_INVITE, link.id(), link.codeHash(), link.createdBy(),
          link.createdAt(), link.expiresAt());
      case Change.UseInvite(long inviteId, long memberId, Instant at) -> {
        if (update(session, USE_INVITE, memberId, at, inviteId) == 0) {
          throw new CommitConflict("invite link %d is used already".formatted(inviteId));
        }
      }
      case Change.AddFollow(long followerId, long followeeId, Instant at) ->
          update(session, INSERT_FOLLOW, followerId, followeeId, at);
      case Change.RemoveFollow(long followerId, long followeeId) ->
          update(session, DELETE_FOLLOW, followerId, followeeId);
      case Change.AddConnection(long a, long b, Instant at) -> {
        if (update(session, INSERT_CONNECTION, a, b, at, b, a, at) > 0) {
          update(session, ADD_TO_CONNECTION_COUNTS, 1, a, b);
          counts.moved(a, 1);
          counts.moved(b, 1);
        }
      }
      case Change.RemoveConnection(long a, long b) -> {
        if (update(session, DELETE_CONNECTION, a, b, b, a) > 0) {
          update(session, ADD_TO_CONNECTION_COUNTS, -1, a, b);
          counts.moved(a, -1);
          counts.moved(b, -1);
        }
      }
      case Change.AddInvitation(Invitation i) -> update(session, INSERT_INVITATION, i.id(), i.senderId(),
          i.recipientId(), Math.min(i.senderId(), i.recipientId()), Math.max(i.senderId(), i.recipientId()),
          i.state().name(), i.note(), i.sentAt(), i.updatedAt(), i.reportedAt());
      case Change.UpdateInvitation(Invitation i) -> {
        if (update(session, UPDATE_INVITATION, i.state().name(), i.updatedAt(), i.reportedAt(), i.id()) == 0) {
          throw new CommitConflict("invitation %d does not exist".formatted(i.id()));
        }
      }
      case Change.AddBlock(long blockerId, long blockedId, Instant at) ->
          update(session, INSERT_BLOCK, blockerId, blockedId, at);
      case Change.RemoveBlock(long blockerId, long blockedId) ->
          update(session, DELETE_BLOCK, blockerId, blockedId);
      case Change.AddRefusal(long memberId, Instant at) -> update(session, INSERT_REFUSAL, memberId, at);
      case Change.AddRestriction(var r) ->
          update(session, INSERT_RESTRICTION, r.memberId(), r.reason(), r.startsAt(), r.endsAt());
      case Change.AddNotification(var n) -> update(session, INSERT_NOTIFICATION, n.id(), n.recipientId(),
          n.kind().name(), n.actorId(), n.refId(), n.about(), n.at(), n.read());
      case Change.SetNotificationMutes(long memberId, var muted) -> {
        update(session, DELETE_MUTES, memberId);
        for (var kind : muted) {
          update(session, INSERT_MUTE, memberId, kind.name());
        }
      }
      case Change.AddDismissal(long memberId, long dismissedId, Instant at) ->
          update(session, INSERT_DISMISSAL, memberId, dismissedId, at);
      case Change.MarkNotificationsRead(long recipientId, long upToId) ->
          update(session, MARK_NOTIFICATIONS_READ, recipientId, upToId);
      case Change.MarkNotificationGroupRead(long recipientId, var key, long fromId, long upToId) ->
          update(session, MARK_NOTIFICATION_GROUP_READ, recipientId, key.kind().name(), key.refId(), key.about(),
              key.day().toEpochMilli(), key.day().plus(1, ChronoUnit.DAYS).toEpochMilli(), fromId, upToId);
      case Change.AddPost _, Change.EditPost _, Change.RemovePost _, Change.SetReaction _, Change.RemoveReaction _,
          Change.AddComment _, Change.RemoveComment _ -> ContentWriter.apply(session, change);
      case Change.SetSkills _, Change.AddEndorsement _, Change.RemoveEndorsement _, Change.AddRecommendation _,
          Change.UpdateRecommendation _, Change.RemoveRecommendation _, Change.RemoveGiven _, Change.AddPageAdmin _,
          Change.RemovePageAdmin _ -> ProfileChangeWriter.apply(session, change);
      case Change.AddConversation _, Change.UpdateConversation _, Change.AddMessage _, Change.MarkConversationRead _,
          Change.SetInMailCredits _ -> MessagingWriter.apply(session, change);
    }
  }

  private static void insertMember(Session session, Member m) throws SQLException {
    PreparedStatement statement = session.prepare(INSERT_MEMBER);
    bindMember(statement, 1, m);
    statement.executeUpdate();
  }

  /** Binds a member's columns from parameter {@code from} on; returns the next parameter's index. */
  private static int bindMember(PreparedStatement statement, int from, Member m) throws SQLException {
    Settings s = m.settings();
    return bindAll(statement, from, m.id(), m.handle().value(), m.kind().name(), m.name(), m.headline(), m.email(),
        m.tier(), m.createdAt(), s.followPrimary(), s.whoCanFollow().name(), s.whoCanInvite().name(),
        s.connectionsVisibility().name(), s.openProfile(), s.followsVisibility().name(), m.connectionCount(),
        m.version());
  }

  private static void updateMember(Session session, Member m) throws SQLException, CommitConflict {
    Settings s = m.settings();
    if (update(session, UPDATE_MEMBER, m.name(), m.headline(), s.followPrimary(), s.whoCanFollow().name(),
        s.whoCanInvite().name(), s.connectionsVisibility().name(), s.openProfile(), s.followsVisibility().name(),
        m.id()) == 0) {
      throw new CommitConflict("member %d does not exist".formatted(m.id()));
    }
  }

  /** Runs a write with its parameters bound by type; instants are stored as epoch milliseconds. */
  static int update(Session session, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = session.prepare(sql);
    bindAll(statement, 1, parameters);
    return statement.executeUpdate();
  }

  /** Binds values from parameter {@code from} on; returns the next parameter's index. */
  private static int bindAll(PreparedStatement statement, int from, Object... values) throws SQLException {
    for (Object value : values) {
      bind(statement, from++, value);
    }
    return from;
  }

  private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    switch (value) {
      case Long l -> statement.setLong(index, l);
      case Integer n -> statement.setInt(index, n);
      case Boolean b -> statement.setBoolean(index, b);
      case String s -> statement.setString(index, s);
      case Instant t -> statement.setLong(index, t.toEpochMilli());
      case Optional<?> o when o.isEmpty() -> statement.setNull(index, Types.NULL);
      case Optional<?> o -> bind(statement, index, o.get());
      default -> throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
    }
  }
}
