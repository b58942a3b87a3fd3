package dev.rapport.store.sql;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Settings;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The column lists of the domain's records and their mapping from a row. Each mapper reads its
 * columns in the order of its list, starting at a given column, so a query can put sort keys first.
 */
final class Rows {
  static final String MEMBER = "m.id, m.handle, m.kind, m.name, m.headline, m.email, m.tier, m.created_at, "
      + "m.follow_primary, m.who_can_follow, m.who_can_invite, m.connections_visibility, m.open_profile, "
      + "m.follows_visibility, m.connection_count, m.version";
  static final String INVITATION =
      "i.id, i.sender_id, i.recipient_id, i.state, i.note, i.sent_at, i.updated_at, i.reported_at";
  static final String NOTIFICATION = "n.id, n.recipient_id, n.kind, n.actor_id, n.ref_id, n.about, n.at, n.read";
  static final String EVENT = "e.seq, e.type, e.at, e.actor_id, e.subject_id, e.ref_id";

  private Rows() {}

  /** Maps the columns of a row from a given column on. */
  @FunctionalInterface
  interface Mapper<T> {
    T map(ResultSet row, int from) throws SQLException;
  }

  static Member member(ResultSet row, int from) throws SQLException {
    int c = from;
    long id = row.getLong(c++);
    Handle handle = new Handle(row.getString(c++));
    MemberKind kind = MemberKind.valueOf(row.getString(c++));
    String name = row.getString(c++);
    String headline = row.getString(c++);
    Optional<String> email = Optional.ofNullable(row.getString(c++));
    String tier = row.getString(c++);
    Instant createdAt = Instant.ofEpochMilli(row.getLong(c++));
    Settings settings = new Settings(
        row.getBoolean(c++),
        WhoCanFollow.valueOf(row.getString(c++)),
        WhoCanInvite.valueOf(row.getString(c++)),
        ConnectionsVisibility.valueOf(row.getString(c++)),
        row.getBoolean(c++),
        FollowsVisibility.valueOf(row.getString(c++)));
    int connectionCount = row.getInt(c++);
    long version = row.getLong(c);
    return new Member(id, handle, kind, name, headline, email, tier, createdAt, settings, connectionCount, version);
  }

  /** An invitation, or empty when its id column is null (the missing side of an outer join). */
  static Optional<Invitation> optionalInvitation(ResultSet row, int from) throws SQLException {
    row.getLong(from);
    return row.wasNull() ? Optional.empty() : Optional.of(invitation(row, from));
  }

  static Invitation invitation(ResultSet row, int from) throws SQLException {
    int c = from;
    return new Invitation(
        row.getLong(c++),
        row.getLong(c++),
        row.getLong(c++),
        InvitationState.valueOf(row.getString(c++)),
        Optional.ofNullable(row.getString(c++)),
        Instant.ofEpochMilli(row.getLong(c++)),
        Instant.ofEpochMilli(row.getLong(c++)),
        optionalInstant(row, c));
  }

  static Notification notification(ResultSet row, int from) throws SQLException {
    int c = from;
    return new Notification(
        row.getLong(c++),
        row.getLong(c++),
        NotificationKind.valueOf(row.getString(c++)),
        row.getLong(c++),
        row.getLong(c++),
        row.getString(c++),
        Instant.ofEpochMilli(row.getLong(c++)),
        row.getBoolean(c));
  }

  static Event event(ResultSet row, int from) throws SQLException {
    int c = from;
    return new Event(
        row.getLong(c++),
        EventType.valueOf(row.getString(c++)),
        Instant.ofEpochMilli(row.getLong(c++)),
        row.getLong(c++),
        row.getLong(c++),
        row.getLong(c));
  }

  static Optional<Instant> optionalInstant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }
}
