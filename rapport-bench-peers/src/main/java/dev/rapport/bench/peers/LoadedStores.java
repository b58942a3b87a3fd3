package dev.rapport.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folders that keep a peer's database loaded with one graph between benchmark forks. JMH starts a
 * fresh JVM for every benchmark and parameter, and loading the 100k synthetic graph into Neo4j or
 * PostgreSQL takes minutes: it is loaded once, and later forks open the same files.
 *
 * <p>A folder is named by the engine, the data set and the graph's content fingerprint together
 * with {@link #FORMAT} (bumped whenever the schema or loading changes), so a changed graph or
 * schema gets a fresh folder. A folder counts only once it holds the {@code loaded} marker, which
 * is written last. The root is {@code -Drapport.peers.stores=<folder>}, by default a folder under
 * the system's temporary directory.
 */
final class LoadedStores {
  /** The version of the schemas and load procedures: part of every folder's name. */
  static final int FORMAT = 1;
  private static final String MARKER = "loaded";

  private LoadedStores() {}

  /** A store of the graph for the engine, loaded by {@code load} unless a previous fork left it. */
  static Path folder(String engine, Graph graph, Loader load) {
    String prefix = engine + "-" + graph.name() + "-";
    Path root = root();
    Path folder = root.resolve(prefix + Long.toHexString(graph.fingerprint()) + "-v" + FORMAT);
    try {
      if (Files.exists(folder.resolve(MARKER))) {
        return folder;
      }
      Files.createDirectories(root);
      // Earlier versions of this store, and a load that was interrupted, are of no further use.
      try (Stream<Path> siblings = Files.list(root)) {
        for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
          delete(stale);
        }
      }
      Files.createDirectories(folder);
      long started = System.nanoTime();
      load.into(folder);
      Files.writeString(folder.resolve(MARKER), "");
      System.out.printf("loaded %s into %s in %.1f s (kept in %s for later forks)%n", graph.name(), engine,
          (System.nanoTime() - started) / 1e9, folder);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path root() {
    String named = System.getProperty("rapport.peers.stores");
    return named != null ? Path.of(named) : Path.of(System.getProperty("java.io.tmpdir"), "rapport-peers-stores");
  }

  private static void delete(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Fills an empty folder with a store of the graph. */
  @FunctionalInterface
  interface Loader {
    void into(Path folder) throws IOException;
  }
}
