package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Settings;
import dev.rapport.testing.seeded.SeededProperty;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The SQLite writer's memory of members never differs from the database, whatever the writer
 * commits or rolls back: after every step, each member read through {@link WriterReads} equals the
 * same member read by plain SQL on the same connection.
 */
class WriterReadsProperties {
  private static final int MEMBERS = 6;
  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  /**
   * One step on members {@code a} and {@code b}: read them (kind 0-1), commit a connection (2),
   * a disconnection (3) or a profile change (4), or begin a transaction that commits a connection
   * and then roll it back (5).
   */
  record Step(int kind, int a, int b) {}

  /** 1 to 60 steps of any kind, on any members; one session in 20 is a single step, the edge case. */
  static List<Step> steps(RandomGenerator random) {
    int size = random.nextInt(20) == 0 ? 1 : random.nextInt(1, 61);
    List<Step> steps = new java.util.ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      steps.add(new Step(random.nextInt(6), random.nextInt(1, MEMBERS + 1), random.nextInt(1, MEMBERS + 1)));
    }
    return steps;
  }

  @Test
  void keptMembers_alwaysEqualTheDatabase() {
    SeededProperty.tries(100).forAll(WriterReadsProperties::steps, WriterReadsProperties::keptMembersEqualTheDatabase);
  }

  private static void keptMembersEqualTheDatabase(List<Step> steps) throws Exception {
    try (Session session = new Session(DriverManager.getConnection("jdbc:sqlite::memory:"))) {
      Migrations.apply(session.connection(), Migrations.load(Dialect.SQLITE.migrations()));
      WriterReads kept = new WriterReads(session);
      SqlReads plain = new SqlReads(Dialect.SQLITE, new SessionReaders(session));
      for (int id = 1; id <= MEMBERS; id++) {
        ChangeWriter.apply(session, List.of(new Change.AddMember(member(id))), (_, _) -> {});
      }
      SeededProperty.eachStep(steps, step -> {
        switch (step.kind()) {
          case 0 -> kept.pair(step.a(), step.b());
          case 1 -> kept.member(Handle.of("member-" + step.a()));
          case 2 -> commit(session, kept, plain, step, new Change.AddConnection(step.a(), step.b(), T0));
          case 3 -> commit(session, kept, plain, step, new Change.RemoveConnection(step.a(), step.b()));
          case 4 -> commit(session, kept, plain, step, new Change.UpdateMember(
              plain.member(step.a()).orElseThrow().withProfile("Renamed " + step.b(), "", Settings.DEFAULTS)));
          default -> {
            session.execute("BEGIN");
            commit(session, kept, plain, step, new Change.AddConnection(step.a(), step.b(), T0));
            kept.pair(step.a(), step.b());
            session.execute("ROLLBACK");
            kept.forget();
          }
        }
        for (long id = 1; id <= MEMBERS; id++) {
          assertThat(kept.member(id)).as("member %d after %s", id, step).isEqualTo(plain.member(id));
        }
      });
    }
  }

  /** Commits the change as the writer does: versions first, then the change, then the memory. */
  private static void commit(Session session, WriterReads kept, SqlReads plain, Step step, Change change)
      throws SQLException, CommitConflict {
    if (step.a() == step.b() && !(change instanceof Change.UpdateMember)) {
      return; // nobody connects with themself
    }
    Map<Long, Long> versions = new HashMap<>();
    versions.put((long) step.a(), plain.member(step.a()).orElseThrow().version());
    versions.put((long) step.b(), plain.member(step.b()).orElseThrow().version());
    Commit commit = new Commit(versions, List.of(change), List.of());
    ChangeWriter.expectVersions(session, commit.expectedVersions());
    ChangeWriter.apply(session, commit.changes(), kept::connectionsMoved);
    kept.applied(commit);
  }

  private static Member member(long id) {
    return new Member(id, Handle.of("member-" + id), MemberKind.PERSON, "Member " + id, "", Optional.empty(),
        "basic", T0, Settings.DEFAULTS, 0, 0);
  }
}
