package dev.rapport.bench.feed;

import dev.rapport.Rapport;
import dev.rapport.content.PostView;
import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.Settings;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * A post acknowledged, durably, through the facade on Rapport's SQLite store, by an author with a
 * million followers and by one with ten, side by side in one run (issue 17: no work per follower at
 * write time; DESIGN decision 5, fan-out on read). The store holds 1,000,012 members; member 1 is
 * followed by the million after member 2, member 2 by the last ten. Written once through the
 * store's commits and kept in a folder for later forks and runs ({@code -Drapport.feed.stores}).
 * The setup and teardown print the disk's {@code fdatasync} latency, which every acknowledged write
 * waits for (docs/decisions/0013). Sample time, one writer.
 *
 * <p>{@code java -jar rapport-bench/target/benchmarks.jar PostAcknowledgement}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 4)
public class PostAcknowledgementBenchmark {
  static final int MANY = 1_000_000;
  static final int FEW = 10;
  static final int FORMAT = 2;

  /** The author's followers. */
  @Param({"1000000", "10"})
  public int followers;

  private Store store;
  private Rapport rapport;
  private Path folder;
  private long author;

  @Setup(Level.Trial)
  public void open() {
    folder = dataDir();
    store = SqliteStore.open(folder.resolve("rapport.db"));
    System.out.printf("%nbefore the run: %s%n", dev.rapport.bench.DiskSync.measure(folder));
    rapport = Rapport.builder().store(store).build();
    author = switch (followers) {
      case MANY -> 1;
      case FEW -> 2;
      default -> throw new IllegalArgumentException("no author with " + followers + " followers; use 1000000 or 10");
    };
    long counted = store.followerCount(author, false);
    System.out.printf("the author has %,d followers%n", counted);
  }

  @TearDown(Level.Trial)
  public void close() {
    System.out.printf("%nafter the run: %s%n", dev.rapport.bench.DiskSync.measure(folder));
    store.close();
  }

  /** P2: one post, acknowledged once it is durable. */
  @Benchmark
  public PostView post() {
    return rapport.content().post(author, "What we learned shipping the feed this week.", PostVisibility.ANYONE);
  }

  private static Path dataDir() {
    Path folder = FeedTables.root().resolve("sqlite-followed-%d-v%d".formatted(MANY, FORMAT));
    try {
      if (Files.exists(folder.resolve("loaded"))) {
        return folder;
      }
      Files.createDirectories(folder);
      Files.deleteIfExists(folder.resolve("rapport.db"));
      long started = System.nanoTime();
      try (Store store = SqliteStore.open(folder.resolve("rapport.db"))) {
        Instant joined = Instant.parse("2026-11-01T00:00:00Z");
        String tier = Policy.defaults().defaultTier();
        List<Change> batch = new ArrayList<>();
        int members = 2 + MANY + FEW;
        for (int m = 1; m <= members; m++) {
          batch.add(new Change.AddMember(new Member(m, dev.rapport.model.Handle.of("member-" + m), MemberKind.PERSON,
              "Member " + m, "", Optional.empty(), tier, joined, Settings.DEFAULTS, 0, 0)));
          if (batch.size() == 50_000) {
            commit(store, batch);
          }
        }
        commit(store, batch);
        for (int m = 3; m <= members; m++) {
          batch.add(new Change.AddFollow(m, m <= members - FEW ? 1 : 2, joined));
          if (batch.size() == 50_000) {
            commit(store, batch);
          }
        }
        commit(store, batch);
      }
      Files.writeString(folder.resolve("loaded"), "");
      System.out.printf("wrote %,d members and their follows in %.1f s (kept in %s)%n", 2 + MANY + FEW,
          (System.nanoTime() - started) / 1e9, folder);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void commit(Store store, List<Change> batch) {
    if (!batch.isEmpty() && store.commit(new Commit(Map.of(), batch, List.of())) instanceof CommitOutcome.Conflict c) {
      throw new IllegalStateException("the store refused a batch: " + c.reason());
    }
    batch.clear();
  }
}
