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
 * Rapport's graph index side by side with its peers, on the same graph and the same inputs, in
 * one run: Neo4j 5 embedded (Cypher), and plain SQL on SQLite and on PostgreSQL 17 (DESIGN
 * decision 7). The four questions are {@link NetworkQuestions}; the graphs are the three real ones
 * of the shared data sets and the 100k-member synthetic one ({@link Datasets}). Sample time, so
 * that JMH reports percentiles as well as the mean.
 *
 * <p>Each engine runs in its own fork. The peers' databases are loaded once and reused by later
 * forks ({@link LoadedStores}); the first run on the synthetic graph spends some minutes loading.
 *
 * <p>Run from the project folder with the shared data sets beside it, one data set at a time if
 * you like: {@code java -jar rapport-bench-peers/target/peers-benchmarks.jar PeersBenchmark -p
 * dataset=ego-facebook}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class PeersBenchmark extends NetworkQuestions {
  @Param({Datasets.EGO_FACEBOOK, Datasets.EMAIL_ENRON, Datasets.LDBC_SF01, Datasets.SYNTHETIC_100K})
  public String dataset;

  @Param({"rapport", "neo4j", "sqlite", "postgres"})
  public String engine;

  @Override
  String dataset() {
    return dataset;
  }

  @Override
  String engine() {
    return engine;
  }
}
