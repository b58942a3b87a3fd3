package dev.rapport.bench;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Policy;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.model.Tier;
import dev.rapport.outreach.AnalyticsPeriod;
import dev.rapport.outreach.OutreachAnalytics;
import dev.rapport.time.AdjustableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * X1's analytics through the facade (issue 18) for a member who sent 10,000 invitations, on each
 * store: the figures of 104 weeks, warm and cold, and the weeks' growth, as
 * {@code GET /v1/me/analytics?weeks=104} gets them. The history is made through the facade, as
 * members make it: the sender follows 4,000 of the recipients, a week passes, 1,000 recipients post
 * and the sender reacts to their posts, then invites all 10,000, a second apart; of 6,000 recipients
 * spread evenly over them, 3,000 accept (the warm ones among them), 2,000 ignore and 1,000 invitations
 * are withdrawn (cold). Setup checks the figures against that history. Sample time, for the p99.
 *
 * <p>{@code java -jar rapport-bench/target/benchmarks.jar OutreachAnalytics -p store=sqlite,postgres}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class OutreachAnalyticsBenchmark {
  private static final int RECIPIENTS = 10_000;
  private static final int FOLLOWED = 4_000;
  private static final int ENGAGED = 1_000;

  @Param({"sqlite", "postgres"})
  public String store;

  private BenchStores stores;
  private Rapport rapport;
  private long sender;
  private final AnalyticsPeriod period = new AnalyticsPeriod(AnalyticsPeriod.MAX_WEEKS);

  @Setup(Level.Trial)
  public void open() {
    long started = System.nanoTime();
    stores = BenchStores.open(store);
    AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-11-02T09:00:00Z"));
    // Limits out of the way: the history is one member's over many weeks, made at once here.
    Policy policy = Policy.defaults().withMaxPendingSent(RECIPIENTS)
        .withTier(new Tier(Tier.BASIC.name(), RECIPIENTS, RECIPIENTS, 5, 200, 0, 0, false));
    rapport = Rapport.builder().store(stores.store()).clock(clock).policy(policy).build();
    sender = rapport.createMember(NewMember.person("sender", "Sender")).member().id();
    long[] ids = IntStream.range(0, RECIPIENTS).parallel()
        .mapToLong(i -> rapport.createMember(NewMember.person("r-" + i, "Recipient " + i)).member().id()).toArray();
    for (int i = 0; i < FOLLOWED; i++) {
      rapport.follow(sender, Handle.of("r-" + i));
    }
    clock.advance(Duration.ofDays(8));
    for (int i = FOLLOWED; i < FOLLOWED + ENGAGED; i++) {
      long post = rapport.content().post(ids[i], "News " + i, PostVisibility.ANYONE).post().id();
      rapport.content().react(sender, post, ReactionKind.LIKE);
    }
    long[] invitations = new long[RECIPIENTS];
    for (int i = 0; i < RECIPIENTS; i++) {
      invitations[i] = rapport.invitations().invite(sender, new SendInvitation(Handle.of("r-" + i), Optional.empty(),
          Optional.empty())).invitation().id();
      clock.advance(Duration.ofSeconds(1));
    }
    for (int i = 0; i < 6_000; i++) {
      int r = i * RECIPIENTS / 6_000;
      if (i < 3_000) {
        rapport.invitations().accept(ids[r], invitations[r]);
      } else if (i < 5_000) {
        rapport.invitations().ignore(ids[r], invitations[r]);
      } else {
        rapport.invitations().withdraw(sender, invitations[r]);
      }
    }
    OutreachAnalytics analytics = analytics();
    if (analytics.all().sent() != RECIPIENTS || analytics.all().accepted() != 3_000
        || analytics.all().withdrawn() != 1_000 || analytics.warm().sent() != FOLLOWED + ENGAGED) {
      throw new IllegalStateException("the analytics do not match the history: " + analytics);
    }
    System.out.printf("%nthe history in %.1f s on %s: %s warm, %s cold%n", (System.nanoTime() - started) / 1e9,
        store, analytics.warm(), analytics.cold());
  }

  @Benchmark
  public OutreachAnalytics analytics() {
    return rapport.outreach().analytics(sender, period);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    stores.close();
  }
}
