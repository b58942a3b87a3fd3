package dev.rapport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The real graphs benchmarks run on, read from the shared data sets folder beside the checkout
 * ({@code ../shared/datasets}, or the folder named by {@code -Drapport.datasets=...}). They are
 * never copied into the project.
 */
final class Datasets {
  private Datasets() {}

  /** The file, or a clear failure naming where it was looked for. */
  static Path file(String name) {
    Path folder = Path.of(System.getProperty("rapport.datasets", "../shared/datasets"));
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("data set " + name + " not found in " + folder.toAbsolutePath()
          + "; run from the project folder with the shared data sets beside it, or pass -Drapport.datasets=<folder>");
    }
    return file;
  }

  /**
   * An undirected SNAP edge list's edges in the order of the file: {@code {from, to}}, self loops
   * dropped.
   */
  static int[][] snapEdges(String name) {
    int[][] edges = {new int[1 << 16], new int[1 << 16]};
    int count = 0;
    try (Stream<String> lines = Files.lines(file(name))) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        int u = Integer.parseInt(parts[0]);
        int v = Integer.parseInt(parts[1]);
        if (u == v) {
          continue;
        }
        if (count == edges[0].length) {
          edges[0] = Arrays.copyOf(edges[0], count * 2);
          edges[1] = Arrays.copyOf(edges[1], count * 2);
        }
        edges[0][count] = u;
        edges[1][count] = v;
        count++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new int[][] {Arrays.copyOf(edges[0], count), Arrays.copyOf(edges[1], count)};
  }

  /**
   * An undirected SNAP edge list ({@code u v} per line, {@code #} comments) as sorted adjacency
   * lists over node ids 0..n-1, each edge in both lists once, self loops dropped.
   */
  static int[][] snapAdjacency(String name) {
    return adjacency(snapEdges(name));
  }

  /**
   * A seeded random graph of {@code members} members (0..members-1) as {@link #snapAdjacency}
   * gives one: each member draws {@code perMember} others uniformly, so the average degree is
   * about twice that; self loops and repeats are dropped. For a store of a size no shared data set
   * has.
   */
  static int[][] randomAdjacency(int members, int perMember, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] edges = {new int[members * perMember], new int[members * perMember]};
    int count = 0;
    for (int u = 0; u < members; u++) {
      for (int k = 0; k < perMember; k++) {
        int v = random.nextInt(members);
        if (v != u) {
          edges[0][count] = u;
          edges[1][count++] = v;
        }
      }
    }
    return adjacency(new int[][] {Arrays.copyOf(edges[0], count), Arrays.copyOf(edges[1], count)});
  }

  /** Edges {@code {from, to}} as sorted adjacency lists, each edge in both lists once. */
  private static int[][] adjacency(int[][] edges) {
    int count = edges[0].length;
    int n = 0;
    for (int i = 0; i < count; i++) {
      n = Math.max(n, Math.max(edges[0][i], edges[1][i]) + 1);
    }
    int[][] lists = new int[n][];
    int[] size = new int[n];
    for (int i = 0; i < count; i++) {
      size[edges[0][i]]++;
      size[edges[1][i]]++;
    }
    for (int u = 0; u < n; u++) {
      lists[u] = new int[size[u]];
      size[u] = 0;
    }
    for (int i = 0; i < count; i++) {
      int u = edges[0][i];
      int v = edges[1][i];
      lists[u][size[u]++] = v;
      lists[v][size[v]++] = u;
    }
    for (int u = 0; u < n; u++) {
      // Files that list each edge in both directions give every neighbour twice: keep one.
      int[] sorted = lists[u];
      Arrays.sort(sorted);
      int distinct = 0;
      for (int k = 0; k < sorted.length; k++) {
        if (k == 0 || sorted[k] != sorted[k - 1]) {
          sorted[distinct++] = sorted[k];
        }
      }
      lists[u] = Arrays.copyOf(sorted, distinct);
    }
    return lists;
  }
}
