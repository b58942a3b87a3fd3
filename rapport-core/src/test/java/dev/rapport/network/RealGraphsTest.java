package dev.rapport.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The index on the three real graphs of the shared data sets (read where they are, never copied):
 * the mutual counts over all connections sum to 3 x each graph's published triangle count; for
 * sampled viewers, degrees and network sizes equal a breadth-first search, mutual counts equal set
 * intersections, and suggestions equal the naive ranking (most mutual connections first, then the
 * lower member id). Skipped, saying so,
 * when the data sets are not beside the checkout.
 */
class RealGraphsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "ego-Facebook, facebook_combined.txt, 88234, 1612010",
      "email-Enron, Email-Enron.txt, 183831, 727044",
      "LDBC SF0.1 knows, ldbc-snb-sf0.1, 14073, 23286"})
  void mutualCounts_sumTo3xTheTriangles_andEveryAnswerEqualsANaiveReference(String graph, String file,
      long connections, long triangles) throws IOException {
    Path folder = datasets();
    assumeTrue(folder != null, "the shared data sets are not beside the checkout (looked for ../shared/datasets"
        + " and ../../shared/datasets, or -Drapport.datasets); skipping " + graph);
    List<long[]> edges = file.startsWith("ldbc") ? ldbcKnows(folder.resolve(file)) : snap(folder.resolve(file));
    GraphIndex index = GraphIndex.of(edges.get(0), edges.get(1));
    assertThat(index.connectionCount()).isEqualTo(connections);

    long sum = 0;
    long[] from = edges.get(0);
    long[] to = edges.get(1);
    for (int i = 0; i < from.length; i++) {
      sum += index.mutualCount(from[i], to[i]);
    }
    // SNAP's Enron file lists every connection twice, once each way.
    long listedTwice = from.length == 2 * connections ? 2 : 1;
    assertThat(sum).isEqualTo(3 * triangles * listedTwice);

    Map<Long, List<Long>> adjacency = new HashMap<>();
    for (int i = 0; i < from.length; i++) {
      adjacency.computeIfAbsent(from[i], _ -> new ArrayList<>()).add(to[i]);
      adjacency.computeIfAbsent(to[i], _ -> new ArrayList<>()).add(from[i]);
    }
    List<Long> members = new ArrayList<>(adjacency.keySet());
    SplittableRandom random = new SplittableRandom(7);
    for (int s = 0; s < 10; s++) {
      long viewer = members.get(random.nextInt(members.size()));
      Map<Long, Integer> distance = bfs(adjacency, viewer);
      int[] counts = new int[4];
      distance.values().forEach(d -> counts[d]++);
      GraphIndexProperties.assertNetworkSize(index, viewer, new NetworkSize(counts[1], counts[2], counts[3]));
      Set<Long> mine = new HashSet<>(adjacency.get(viewer));
      long[] batch = new long[100];
      for (int t = 0; t < 100; t++) {
        long target = members.get(random.nextInt(members.size()));
        batch[t] = target;
        Integer d = distance.get(target);
        assertThat(index.degree(viewer, target)).isEqualTo(d == null || d == 0 ? OptionalInt.empty() : OptionalInt.of(d));
        assertThat(index.mutualCount(viewer, target)).as("mutual count of %d and %d", viewer, target)
            .isEqualTo(shared(mine, adjacency.get(target)));
      }
      int[] batchDegrees = index.degrees(viewer, batch); // a batch goes through the 3rd-degree cache
      for (int t = 0; t < batch.length; t++) {
        Integer d = distance.get(batch[t]);
        assertThat(batchDegrees[t]).as("degree of %d in a batch for %d", batch[t], viewer)
            .isEqualTo(d == null ? 0 : d);
      }
      // Only 2nd-degree members share a connection with the viewer and are not connected to them.
      List<Suggestion> naive = distance.entrySet().stream().filter(e -> e.getValue() == 2)
          .map(e -> new Suggestion(e.getKey(), shared(mine, adjacency.get(e.getKey()))))
          .sorted(Comparator.comparingInt(Suggestion::mutualCount).reversed()
              .thenComparingLong(Suggestion::member))
          .limit(20).toList();
      // Both ways of counting: in ints over the nodes touched, and in bytes over every node.
      assertThat(index.countInBytesFrom(Integer.MAX_VALUE).suggestions(viewer, 20, m -> false))
          .as("suggestions for %d", viewer).isEqualTo(naive);
      assertThat(index.countInBytesFrom(0).suggestions(viewer, 20, m -> false))
          .as("suggestions for %d counted in bytes", viewer).isEqualTo(naive);
    }
  }

  private static int shared(Set<Long> mine, List<Long> theirs) {
    return (int) new HashSet<>(theirs).stream().filter(mine::contains).count();
  }

  private static Path datasets() {
    String named = System.getProperty("rapport.datasets");
    for (Path candidate : named != null ? List.of(Path.of(named))
        : List.of(Path.of("..", "shared", "datasets"), Path.of("..", "..", "shared", "datasets"))) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** A SNAP edge list: {@code u v} per line, {@code #} comments. */
  private static List<long[]> snap(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return pairs(lines.filter(line -> !line.isBlank() && !line.startsWith("#")), "\\s+");
    }
  }

  /** LDBC's two Person_knows_Person files: {@code start|end|date} with a header line each. */
  private static List<long[]> ldbcKnows(Path folder) throws IOException {
    List<String> rows = new ArrayList<>();
    for (String name : List.of("Person_knows_Person.csv", "Person_knows_Person_1.csv")) {
      try (Stream<String> lines = Files.lines(folder.resolve(name))) {
        lines.skip(1).forEach(rows::add);
      }
    }
    return pairs(rows.stream(), "\\|");
  }

  private static List<long[]> pairs(Stream<String> lines, String separator) {
    List<String> all = lines.toList();
    long[] from = new long[all.size()];
    long[] to = new long[all.size()];
    for (int i = 0; i < all.size(); i++) {
      String[] parts = all.get(i).trim().split(separator);
      from[i] = Long.parseLong(parts[0]);
      to[i] = Long.parseLong(parts[1]);
    }
    return List.of(from, to);
  }

  private static Map<Long, Integer> bfs(Map<Long, List<Long>> adjacency, long viewer) {
    Map<Long, Integer> distance = new HashMap<>(Map.of(viewer, 0));
    ArrayDeque<Long> queue = new ArrayDeque<>(List.of(viewer));
    while (!queue.isEmpty()) {
      long u = queue.poll();
      int d = distance.get(u);
      if (d < 3) {
        for (long w : adjacency.getOrDefault(u, List.of())) {
          if (distance.putIfAbsent(w, d + 1) == null) {
            queue.add(w);
          }
        }
      }
    }
    return distance;
  }
}
