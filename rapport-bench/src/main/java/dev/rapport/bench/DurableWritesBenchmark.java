package dev.rapport.bench;

import dev.rapport.Rapport;
import dev.rapport.kernel.Policy;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What the benchmarks of durable writes share: 8 writers through a {@link Rapport} on the default
 * policy over a fresh {@link BenchStores} store, and the disk's {@code fdatasync} latency
 * ({@link DiskSync}) printed before and after the run, since every durable write waits for the disk
 * (docs/decisions/0013).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public abstract class DurableWritesBenchmark {
  @Param({"sqlite", "postgres"})
  public String store;

  Rapport rapport;
  private BenchStores stores;

  @Setup(Level.Trial)
  public void openStore(BenchmarkParams params) {
    stores = BenchStores.open(store);
    System.out.printf("%nbefore the run: %s%n", DiskSync.measure(stores.dir()));
    rapport = Rapport.builder().store(stores.store()).policy(Policy.defaults()).build();
    populate(params.getThreads());
  }

  /** Makes the members the writers, as many as there are threads (8 unless {@code -t} says otherwise), act on. */
  abstract void populate(int writers);

  /** Neighbours on a shared disk come and go: the latency after the run brackets the figure. */
  @TearDown(Level.Trial)
  public void closeStore() throws IOException {
    System.out.printf("%nafter the run: %s%n", DiskSync.measure(stores.dir()));
    stores.close();
  }
}
