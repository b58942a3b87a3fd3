package dev.rapport.bench.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The graph index alone on the synthetic graph of a million members (about fifty million
 * connections, degrees capped at 30,000), where the peers would take too long to load. Sample
 * time, for the p99 targets of suggestions and network size.
 *
 * <p>{@code java -jar rapport-bench-peers/target/peers-benchmarks.jar RapportAtScale}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class RapportAtScaleBenchmark extends NetworkQuestions {
  @Override
  String dataset() {
    return Datasets.SYNTHETIC_1M;
  }

  @Override
  String engine() {
    return "rapport";
  }
}
