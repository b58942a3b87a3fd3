package dev.rapport.bench;

import dev.rapport.Rapport;
import dev.rapport.invitation.InvitationView;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Durable commits per second of follow, invite and accept commands from 8 concurrent writers,
 * through the {@link Rapport} facade (each command reads its state, decides, and commits with its
 * preconditions; every acknowledged command is fsynced).
 *
 * <p>Each writer owns a block of members and walks distinct pairs inside it, so every command is a
 * real state change: B follows A, A invites B, B accepts. The members are on the default policy and
 * tier, and the walk keeps them within it: it goes along the diagonals of the block (every member
 * invites the one {@code d} places on, then {@code d + 1} places on), so each member sends one
 * invitation per pass, a few dozen in a run, well under the weekly limit of a new account (100).
 * The limits rules then count what a real member's week holds, not hundreds of invitations no
 * member could send.
 *
 * <p>The setup and the teardown print the latency of the disk's {@code fdatasync} in the same run
 * ({@link DurableWritesBenchmark}): the figure follows the disk's flushes (docs/decisions/0013).
 *
 * <p>Run: {@code ./mvnw -q -pl rapport-bench -am package -DskipTests && java -jar
 * rapport-bench/target/benchmarks.jar CommitThroughput -p store=sqlite,postgres}
 */
public class CommitThroughputBenchmark extends DurableWritesBenchmark {
  static final int MEMBERS_PER_WRITER = 1_000;

  long[] ids;
  final AtomicInteger nextWriter = new AtomicInteger();

  /** Each writer gets its own block of members. */
  @Override
  void populate(int writers) {
    ids = new long[writers * MEMBERS_PER_WRITER];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = rapport.createMember(NewMember.person(handle(i), "Member " + i)).member().id();
    }
  }

  static String handle(int i) {
    return "bench-%05d".formatted(i);
  }

  /** One writer's walk over distinct pairs (a, a + d) of its own block of members, diagonal by diagonal. */
  @State(Scope.Thread)
  public static class Writer {
    int base;
    int a;
    int d;

    @Setup(Level.Trial)
    public void claim(CommitThroughputBenchmark bench) {
      base = bench.nextWriter.getAndIncrement() * MEMBERS_PER_WRITER;
      a = 0;
      d = 1;
    }

    void advance() {
      a++;
      if (a + d == MEMBERS_PER_WRITER) {
        d++;
        a = 0;
      }
      if (d == MEMBERS_PER_WRITER) {
        throw new IllegalStateException("writer ran out of fresh pairs; raise MEMBERS_PER_WRITER");
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(3)
  public InvitationView followInviteAccept(Writer w) {
    int a = w.base + w.a;
    int b = w.base + w.a + w.d;
    w.advance();
    rapport.follow(ids[b], Handle.of(handle(a)));
    var invitation = rapport.invitations().invite(ids[a],
        new SendInvitation(Handle.of(handle(b)), Optional.empty(), Optional.empty())).invitation();
    return rapport.invitations().accept(ids[b], invitation.id());
  }
}
