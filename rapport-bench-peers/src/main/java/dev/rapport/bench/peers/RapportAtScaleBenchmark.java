package dev.rapport.bench.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The graph index alone on the synthetic graphs of a million and of ten million members (about
 * fifty and five hundred million connections, degrees capped at 30,000), where the peers would
 * take too long to load. Sample time, for the p99 targets of degrees, suggestions and network
 * size. The setup prints the index's bytes per adjacency entry.
 *
 * <p>The heap starts at the 8 GB a million members need, and may grow to what ten million need at
 * setup: their connections as the generator makes them, the builder's pairs and the index's rows,
 * at once.
 *
 * <p>{@code java -jar rapport-bench-peers/target/peers-benchmarks.jar RapportAtScale -p members=1000000}
 * (or {@code 10000000})
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx16g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class RapportAtScaleBenchmark extends NetworkQuestions {
  @Param({"1000000", "10000000"})
  public int members;

  @Override
  String dataset() {
    return switch (members) {
      case 1_000_000 -> Datasets.SYNTHETIC_1M;
      case 10_000_000 -> Datasets.SYNTHETIC_10M;
      default -> throw new IllegalArgumentException("no synthetic graph of " + members + " members; use 1000000 or 10000000");
    };
  }

  @Override
  String engine() {
    return "rapport";
  }
}
