package dev.rapport.store.sql;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Decided;
import dev.rapport.kernel.Event;
import dev.rapport.model.Member;
import dev.rapport.store.Command;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.OptimisticRun;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.StoreReads;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Commits on PostgreSQL as concurrent READ COMMITTED transactions, each one call of
 * {@code apply_commit} (schema 3) in autocommit mode: one round trip per commit. Its version
 * updates lock the members' rows (in ascending id order), so two commits about one member are
 * serialised by the database while commits about different members run side by side and share WAL
 * flushes. Each transaction appends its events first, through {@code append_events}, which keeps
 * log positions in transaction order so that readers of the log never skip an event (see schema 1).
 *
 * <p>A commit with long runs of new members, connections or follows (an import; see {@link
 * ChangeRuns}) is one transaction of a few statements instead: its events, then {@code
 * apply_commit} for the version checks and the short runs, and one statement over arrays for each
 * long run. {@code apply_commit} handles a change at a time, about 30 microseconds each.
 */
final class PostgresCommitter implements Committer {
  /**
   * unique_violation, serialization_failure, deadlock_detected, and apply_commit's own RP409 (a
   * version moved, or a row to update is gone): another commit got there first.
   */
  private static final Set<String> CONFLICTS = Set.of("23505", "40001", "40P01", "RP409");
  private static final String APPLY_COMMIT = "SELECT apply_commit(?, ?, ?::jsonb, ?, ?, ?, ?, ?)";
  private static final String APPEND_EVENTS = "SELECT append_events(?, ?, ?, ?, ?)";
  private static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM events";
  private static final String INSERT_MEMBERS = "INSERT INTO members (id, handle, kind, name, headline, email, tier, "
      + "created_at, follow_primary, who_can_follow, who_can_invite, connections_visibility, open_profile, "
      + "follows_visibility, connection_count, version) SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], "
      + "?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::boolean[], ?::text[], ?::text[], ?::text[], "
      + "?::boolean[], ?::text[], ?::int[], ?::bigint[])";
  /** Both directions of each connection in the arrays; only the rows added count. */
  private static final String INSERT_CONNECTIONS = """
      WITH added AS (
        INSERT INTO connections (member_id, other_id, created_at)
          SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[])
          ON CONFLICT DO NOTHING
          RETURNING member_id)
      UPDATE members m SET connection_count = m.connection_count + a.n
        FROM (SELECT member_id, count(*) AS n FROM added GROUP BY member_id) a
        WHERE m.id = a.member_id
      """;
  private static final String INSERT_FOLLOWS = "INSERT INTO follows (follower_id, followee_id, created_at) "
      + "SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) ON CONFLICT DO NOTHING";

  private final DataSource pool;
  private final CommitObserver observer;
  private volatile boolean closed;

  PostgresCommitter(DataSource pool, CommitObserver observer) {
    this.pool = pool;
    this.observer = observer;
  }

  /** Decides on the pool's latest committed state, optimistically: row locks are held only while committing. */
  @Override
  public <D extends Decided> D run(Command<D> command, StoreReads reads) {
    return OptimisticRun.run(reads, this::commit, command);
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    if (closed) {
      throw StoreFailure.closed();
    }
    long started = System.nanoTime();
    try (Session session = new Session(pool.getConnection())) {
      try {
        CommitOutcome.Applied applied = new CommitOutcome.Applied(ChangeRuns.anyBulk(commit.changes())
            ? applyInBulk(session, commit) : applyCommit(session, commit));
        observer.committed(1, System.nanoTime() - started);
        return applied;
      } catch (SQLException e) {
        unlockEventLog(session.connection(), e);
        if (isConflict(e)) {
          return new CommitOutcome.Conflict(e.getMessage());
        }
        throw e;
      }
    } catch (SQLException e) {
      throw StoreFailure.of("commit to PostgreSQL", e);
    }
  }

  /**
   * In a transaction of its own, which first locks the table against other writers of a copy (the
   * other nodes sharing the database): reads of the copy go on meanwhile.
   */
  @Override
  public void saveIndex(SavedIndexes.Kind kind, SavedIndex index) {
    if (closed) {
      throw StoreFailure.closed();
    }
    try (Session session = new Session(pool.getConnection())) {
      Transaction.run(session.connection(), () -> {
        session.execute("LOCK TABLE " + kind.table + " IN SHARE ROW EXCLUSIVE MODE");
        SavedIndexes.replace(session, kind, index);
        return null;
      });
    } catch (SQLException e) {
      throw StoreFailure.of("save a copy of an index to " + kind.table + " on PostgreSQL", e);
    }
  }

  private static boolean isConflict(SQLException e) {
    for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
      if (CONFLICTS.contains(cause.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** @return the log position of the commit's last event, or the latest one if it has none */
  private static long applyCommit(Session session, Commit commit) throws SQLException {
    return callApplyCommit(session, commit.expectedVersions(), commit.changes(), commit.events());
  }

  /** One call of {@code apply_commit}: the version checks, the changes, the events. */
  private static long callApplyCommit(Session session, Map<Long, Long> expectedVersions, List<Change> changes,
      List<Event> events) throws SQLException {
    List<Map.Entry<Long, Long>> versions = List.copyOf(new TreeMap<>(expectedVersions).entrySet());
    Connection connection = session.connection();
    PreparedStatement call = session.prepare(APPLY_COMMIT);
    call.setArray(1, connection.createArrayOf("bigint", versions.stream().map(Map.Entry::getKey).toArray()));
    call.setArray(2, connection.createArrayOf("bigint", versions.stream().map(Map.Entry::getValue).toArray()));
    call.setString(3, ChangesJson.of(changes));
    call.setArray(4, connection.createArrayOf("text", events.stream().map(e -> e.type().name()).toArray()));
    call.setArray(5, connection.createArrayOf("bigint", events.stream().map(e -> e.at().toEpochMilli()).toArray()));
    call.setArray(6, connection.createArrayOf("bigint", events.stream().map(Event::actorId).toArray()));
    call.setArray(7, connection.createArrayOf("bigint", events.stream().map(Event::subjectId).toArray()));
    call.setArray(8, connection.createArrayOf("bigint", events.stream().map(Event::refId).toArray()));
    try (ResultSet row = call.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * A commit with long runs, in one transaction: the events first (append_events must be its first
   * write), then the version checks and short runs through {@code apply_commit} without events,
   * and each long run as one statement.
   *
   * @return the log position of the commit's last event, or the latest one if it has none
   */
  private static long applyInBulk(Session session, Commit commit) throws SQLException {
    return Transaction.run(session.connection(), () -> {
      long lastSeq = appendEvents(session, commit.events());
      callApplyCommit(session, commit.expectedVersions(), List.of(), List.of());
      for (List<Change> run : ChangeRuns.of(commit.changes())) {
        if (ChangeRuns.isBulk(run)) {
          insertRun(session, run);
        } else {
          callApplyCommit(session, Map.of(), run, List.of());
        }
      }
      return lastSeq;
    });
  }

  private static long appendEvents(Session session, List<Event> events) throws SQLException {
    PreparedStatement statement;
    if (events.isEmpty()) {
      statement = session.prepare(LAST_SEQ);
    } else {
      statement = session.prepare(APPEND_EVENTS);
      Connection connection = session.connection();
      statement.setArray(1, connection.createArrayOf("text", events.stream().map(e -> e.type().name()).toArray()));
      statement.setArray(2, longs(connection, events.stream().mapToLong(e -> e.at().toEpochMilli()).toArray()));
      statement.setArray(3, longs(connection, events.stream().mapToLong(Event::actorId).toArray()));
      statement.setArray(4, longs(connection, events.stream().mapToLong(Event::subjectId).toArray()));
      statement.setArray(5, longs(connection, events.stream().mapToLong(Event::refId).toArray()));
    }
    try (ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  /** One run of new members, connections or follows, as one statement over arrays of its columns. */
  private static void insertRun(Session session, List<Change> run) throws SQLException {
    Connection connection = session.connection();
    switch (run.getFirst()) {
      case Change.AddMember _ -> {
        List<Member> members = run.stream().map(c -> ((Change.AddMember) c).member()).toList();
        PreparedStatement insert = session.prepare(INSERT_MEMBERS);
        insert.setArray(1, longs(connection, members.stream().mapToLong(Member::id).toArray()));
        insert.setArray(2, texts(connection, members, m -> m.handle().value()));
        insert.setArray(3, texts(connection, members, m -> m.kind().name()));
        insert.setArray(4, texts(connection, members, Member::name));
        insert.setArray(5, texts(connection, members, Member::headline));
        insert.setArray(6, texts(connection, members, m -> m.email().orElse(null)));
        insert.setArray(7, texts(connection, members, Member::tier));
        insert.setArray(8, longs(connection, members.stream().mapToLong(m -> m.createdAt().toEpochMilli()).toArray()));
        insert.setArray(9, booleans(connection, members, m -> m.settings().followPrimary()));
        insert.setArray(10, texts(connection, members, m -> m.settings().whoCanFollow().name()));
        insert.setArray(11, texts(connection, members, m -> m.settings().whoCanInvite().name()));
        insert.setArray(12, texts(connection, members, m -> m.settings().connectionsVisibility().name()));
        insert.setArray(13, booleans(connection, members, m -> m.settings().openProfile()));
        insert.setArray(14, texts(connection, members, m -> m.settings().followsVisibility().name()));
        insert.setArray(15, connection.createArrayOf("int", members.stream().map(Member::connectionCount).toArray()));
        insert.setArray(16, longs(connection, members.stream().mapToLong(Member::version).toArray()));
        insert.executeUpdate();
      }
      case Change.AddConnection _ -> {
        int n = run.size();
        long[] from = new long[2 * n];
        long[] to = new long[2 * n];
        long[] at = new long[2 * n];
        for (int i = 0; i < n; i++) {
          Change.AddConnection c = (Change.AddConnection) run.get(i);
          from[2 * i] = c.aId();
          to[2 * i] = c.bId();
          from[2 * i + 1] = c.bId();
          to[2 * i + 1] = c.aId();
          at[2 * i] = at[2 * i + 1] = c.at().toEpochMilli();
        }
        insertLinks(session.prepare(INSERT_CONNECTIONS), connection, from, to, at);
      }
      case Change.AddFollow _ -> {
        long[] from = run.stream().mapToLong(c -> ((Change.AddFollow) c).followerId()).toArray();
        long[] to = run.stream().mapToLong(c -> ((Change.AddFollow) c).followeeId()).toArray();
        long[] at = run.stream().mapToLong(c -> ((Change.AddFollow) c).at().toEpochMilli()).toArray();
        insertLinks(session.prepare(INSERT_FOLLOWS), connection, from, to, at);
      }
      default -> throw new IllegalStateException("no bulk writer for " + run.getFirst());
    }
  }

  private static void insertLinks(PreparedStatement insert, Connection connection, long[] from, long[] to, long[] at)
      throws SQLException {
    insert.setArray(1, longs(connection, from));
    insert.setArray(2, longs(connection, to));
    insert.setArray(3, longs(connection, at));
    insert.executeUpdate();
  }

  private static Array longs(Connection connection, long[] values) throws SQLException {
    return connection.createArrayOf("bigint", Arrays.stream(values).boxed().toArray());
  }

  private static Array texts(Connection connection, List<Member> members, Function<Member, String> column)
      throws SQLException {
    return connection.createArrayOf("text", members.stream().map(column).toArray());
  }

  private static Array booleans(Connection connection, List<Member> members, Function<Member, Boolean> column)
      throws SQLException {
    return connection.createArrayOf("boolean", members.stream().map(column).toArray());
  }

  /**
   * Drops the session-level advisory lock append_events may still hold if it failed half way, so
   * that the pooled connection cannot block every later commit. The failed call's transaction is
   * already rolled back: it was a single statement in autocommit mode.
   */
  private static void unlockEventLog(Connection connection, Exception cause) {
    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
      unlock.execute();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** Refuses further commits; the pool is closed with the readers, after this. */
  @Override
  public void close() {
    closed = true;
  }
}
