package dev.rapport.bench;

import dev.rapport.Rapport;
import dev.rapport.kernel.Policy;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.time.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * The first page (20) of the grouped notifications of a member who has 10,000 (NT1, issue 18;
 * docs/decisions/0042-notifications-grouped-on-read-by-day.md), through the {@link Rapport} facade on
 * each store ({@code grouped}), beside the plain list's first page of 20 notifications in the same
 * run ({@code plain}). The history is 100 days of 100 notifications each: the member posts daily,
 * 35 members react to the day's post, 35 comment on it and 30 follow again (a day's follow notifies
 * once), so a day holds about four groups and the first page spans five days.
 *
 * <p>Run: {@code ./mvnw -q -pl rapport-bench -am package -DskipTests && java -jar
 * rapport-bench/target/benchmarks.jar NotificationGroups}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class NotificationGroupsBenchmark {
  static final int DAYS = 100;
  static final int FANS = 100;
  static final int PAGE = 20;

  @Param({"sqlite:grouped", "sqlite:plain", "postgres:grouped", "postgres:plain"})
  public String engine;

  BenchStores stores;
  Rapport rapport;
  long member;
  boolean grouped;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String[] parts = engine.split(":");
    grouped = parts[1].equals("grouped");
    stores = BenchStores.open(parts[0]);
    AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-09-01T08:00:00Z"));
    rapport = Rapport.builder().store(stores.store()).clock(clock).policy(Policy.defaults()).build();
    member = rapport.createMember(NewMember.person("busy-member", "Busy Member")).member().id();
    long[] fans = new long[FANS];
    for (int i = 0; i < FANS; i++) {
      fans[i] = rapport.createMember(NewMember.person("fan-%03d".formatted(i), "Fan " + i)).member().id();
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Handle busy = Handle.of("busy-member");
    for (int day = 0; day < DAYS; day++) {
      long post = rapport.content().post(member, "Day " + day, PostVisibility.ANYONE).post().id();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < FANS; i++) {
        long fan = fans[(i + day) % FANS];
        int n = i;
        done.add(pool.submit(() -> {
          if (n < 35) {
            rapport.content().react(fan, post, ReactionKind.LIKE);
          } else if (n < 70) {
            rapport.content().comment(fan, post, "Well said, " + n);
          } else {
            rapport.unfollow(fan, busy);
            rapport.follow(fan, busy);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      clock.advance(Duration.ofDays(1));
    }
    pool.shutdown();
    System.out.printf("%nnotifications of the member: %d unread; first grouped page of %d%n",
        rapport.notifications().unread(member), rapport.notifications().groups(member, PageRequest.first(PAGE))
            .items().size());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    stores.close();
  }

  @Benchmark
  public Object firstPage() {
    return grouped
        ? rapport.notifications().groups(member, PageRequest.first(PAGE))
        : rapport.notifications().list(member, PageRequest.first(PAGE));
  }
}
