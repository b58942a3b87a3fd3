package dev.rapport.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The graphs the peers are compared on, by name: the three real graphs of the shared data sets
 * folder beside the checkout ({@code ../shared/datasets}, or the folder named by
 * {@code -Drapport.datasets=...}; never copied into the project) and the seeded synthetic ones.
 * Every graph is renumbered to members {@code 0..n-1} in ascending order of the original ids.
 */
final class Datasets {
  static final String EGO_FACEBOOK = "ego-facebook";
  static final String EMAIL_ENRON = "email-enron";
  static final String LDBC_SF01 = "ldbc-sf0.1";
  static final String SYNTHETIC_100K = "synthetic-100k";
  static final String SYNTHETIC_1M = "synthetic-1m";
  static final String SYNTHETIC_10M = "synthetic-10m";

  /** The real graphs, which need the shared data sets folder. */
  static final List<String> REAL = List.of(EGO_FACEBOOK, EMAIL_ENRON, LDBC_SF01);

  /** Synthetic graphs: average degree 100 and LinkedIn's cap of 30,000 connections (L1). */
  static final double SYNTHETIC_AVERAGE_DEGREE = 100;
  static final int SYNTHETIC_MAX_DEGREE = 30_000;
  static final double SYNTHETIC_EXPONENT = 2.5;
  static final long SYNTHETIC_SEED = 20_261_128;

  private Datasets() {}

  /** The graph of that name. */
  static Graph named(String name) {
    return switch (name) {
      case EGO_FACEBOOK -> snap(name, "facebook_combined.txt");
      case EMAIL_ENRON -> snap(name, "Email-Enron.txt");
      case LDBC_SF01 -> ldbcKnows(name);
      case SYNTHETIC_100K -> synthetic(name, 100_000);
      case SYNTHETIC_1M -> synthetic(name, 1_000_000);
      case SYNTHETIC_10M -> synthetic(name, 10_000_000);
      default -> throw new IllegalArgumentException("no data set '" + name + "'; use one of "
          + String.join(", ", REAL) + ", " + SYNTHETIC_100K + ", " + SYNTHETIC_1M + ", " + SYNTHETIC_10M);
    };
  }

  static boolean isReal(String name) {
    return REAL.contains(name);
  }

  /** The shared data sets folder as configured, whether or not it exists. */
  static Path folder() {
    return Path.of(System.getProperty("rapport.datasets", "../shared/datasets"));
  }

  static boolean available() {
    return Files.isDirectory(folder());
  }

  private static Graph synthetic(String name, int members) {
    return ChungLuGenerator.generate(name, members, SYNTHETIC_AVERAGE_DEGREE, SYNTHETIC_MAX_DEGREE,
        SYNTHETIC_EXPONENT, SYNTHETIC_SEED);
  }

  /** A SNAP edge list: {@code u v} per line (space or tab), {@code #} comments. */
  private static Graph snap(String name, String file) {
    Pairs pairs = new Pairs();
    try (Stream<String> lines = Files.lines(file(file))) {
      lines.forEach(line -> {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split("\\s+");
          pairs.add(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pairs.toGraph(name);
  }

  /** LDBC SNB's person-knows-person files: pipe separated, a header, then start|end|date. */
  private static Graph ldbcKnows(String name) {
    Pairs pairs = new Pairs();
    for (String file : List.of("Person_knows_Person.csv", "Person_knows_Person_1.csv")) {
      try (Stream<String> lines = Files.lines(file("ldbc-snb-sf0.1/" + file))) {
        lines.skip(1).forEach(line -> {
          String[] parts = line.split("\\|");
          pairs.add(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return pairs.toGraph(name);
  }

  private static Path file(String name) {
    Path file = folder().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("data set file " + name + " not found in " + folder().toAbsolutePath()
          + "; run from the project folder with the shared data sets beside it, or pass -Drapport.datasets=<folder>");
    }
    return file;
  }

  /** Pairs of original ids, renumbered densely once all are read. */
  private static final class Pairs {
    private long[] a = new long[1 << 16];
    private long[] b = new long[1 << 16];
    private int count;

    void add(long u, long v) {
      if (count == a.length) {
        a = Arrays.copyOf(a, count * 2);
        b = Arrays.copyOf(b, count * 2);
      }
      a[count] = u;
      b[count] = v;
      count++;
    }

    Graph toGraph(String name) {
      long[] ids = new long[2 * count];
      System.arraycopy(a, 0, ids, 0, count);
      System.arraycopy(b, 0, ids, count, count);
      Arrays.sort(ids);
      int distinct = 0;
      for (int i = 0; i < ids.length; i++) {
        if (distinct == 0 || ids[i] != ids[distinct - 1]) {
          ids[distinct++] = ids[i];
        }
      }
      int[] x = new int[count];
      int[] y = new int[count];
      for (int i = 0; i < count; i++) {
        x[i] = Arrays.binarySearch(ids, 0, distinct, a[i]);
        y[i] = Arrays.binarySearch(ids, 0, distinct, b[i]);
      }
      return Graph.ofPairs(name, distinct, x, y, count);
    }
  }
}
