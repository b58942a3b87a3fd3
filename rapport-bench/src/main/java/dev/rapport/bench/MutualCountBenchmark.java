package dev.rapport.bench;

import dev.rapport.network.SortedSets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mutual connection counts on ego-Facebook: one operation counts the mutual connections of both
 * ends of every one of its 88,234 connections, and checks the total against the published
 * triangle count (the sum over all edges of the mutual count is 3 x 1,612,010).
 *
 * <p>Throughput in elements per nanosecond is the elements of both lists of every pair (printed at
 * setup) divided by the time of one operation. {@code plainMerge} is the textbook merge with a
 * branch per step, measured in the same run as the reference the target is set against.
 *
 * <p>Run from the project folder with the shared data sets beside it: {@code java -jar
 * rapport-bench/target/benchmarks.jar MutualCount}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class MutualCountBenchmark {
  static final long EGO_FACEBOOK_TRIANGLES = 1_612_010;

  int[][] adjacency;
  int[] edgeFrom;
  int[] edgeTo;

  @Setup
  public void load() {
    adjacency = Datasets.snapAdjacency("facebook_combined.txt");
    int edges = 0;
    for (int u = 0; u < adjacency.length; u++) {
      for (int v : adjacency[u]) {
        edges += u < v ? 1 : 0;
      }
    }
    edgeFrom = new int[edges];
    edgeTo = new int[edges];
    long elements = 0;
    int e = 0;
    for (int u = 0; u < adjacency.length; u++) {
      for (int v : adjacency[u]) {
        if (u < v) {
          edgeFrom[e] = u;
          edgeTo[e++] = v;
          elements += adjacency[u].length + adjacency[v].length;
        }
      }
    }
    System.out.printf("%nego-Facebook: %d members, %d connections, %d list elements per operation%n",
        adjacency.length, edges, elements);
    for (long total : new long[] {sortedSets(), plainMerge()}) {
      if (total != 3 * EGO_FACEBOOK_TRIANGLES) {
        throw new IllegalStateException("mutual counts sum to " + total + ", not 3 x " + EGO_FACEBOOK_TRIANGLES);
      }
    }
  }

  @Benchmark
  public long sortedSets() {
    long total = 0;
    for (int e = 0; e < edgeFrom.length; e++) {
      int[] a = adjacency[edgeFrom[e]];
      int[] b = adjacency[edgeTo[e]];
      total += SortedSets.intersectionCount(a, 0, a.length, b, 0, b.length);
    }
    return total;
  }

  @Benchmark
  public long plainMerge() {
    long total = 0;
    for (int e = 0; e < edgeFrom.length; e++) {
      int[] a = adjacency[edgeFrom[e]];
      int[] b = adjacency[edgeTo[e]];
      int i = 0;
      int j = 0;
      while (i < a.length && j < b.length) {
        if (a[i] < b[j]) {
          i++;
        } else if (a[i] > b[j]) {
          j++;
        } else {
          total++;
          i++;
          j++;
        }
      }
    }
    return total;
  }
}
