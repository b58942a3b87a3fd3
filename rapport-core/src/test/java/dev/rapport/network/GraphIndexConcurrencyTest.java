package dev.rapport.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One writer and several readers at once: readers never fail or see a list out of order while the
 * index grows, overlays and compacts (built by another thread while the writer goes on), and once
 * the writer stops they see exactly its last state. Run once with suggestions counted in ints over
 * the nodes touched, and once counted in bytes over all nodes (which the index otherwise does only
 * on large networks).
 */
class GraphIndexConcurrencyTest {
  private static final int MEMBERS = 3_000;

  @ParameterizedTest(name = "suggestions counted in bytes: {0}")
  @ValueSource(booleans = {false, true})
  void readersDuringWrites_neverFail_andSeeTheFinalStateOnceTheWriterStops(boolean countInBytes) throws Exception {
    GraphIndex index = new GraphIndex(64);
    if (countInBytes) {
      index.countInBytesFrom(0);
    }
    boolean[][] expected = new boolean[MEMBERS][];
    AtomicBoolean writing = new AtomicBoolean(true);
    try (ExecutorService threads = Executors.newFixedThreadPool(5)) {
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        int seed = r;
        readers.add(threads.submit(() -> {
          SplittableRandom random = new SplittableRandom(seed);
          long answers = 0;
          long[] targets = new long[100]; // a batch: the 3rd-degree cache is read and filled too
          while (writing.get()) {
            long viewer = random.nextInt(MEMBERS);
            for (int t = 0; t < targets.length; t++) {
              targets[t] = random.nextInt(MEMBERS);
            }
            for (int degree : index.degrees(viewer, targets)) {
              assertThat(degree).isBetween(0, 3);
            }
            long[] connections = index.connectionsOf(viewer);
            assertThat(index.mutualCount(viewer, targets[0])).isBetween(0, connections.length);
            List<Suggestion> suggested = index.suggestions(viewer, 5, m -> false);
            for (int i = 0; i < suggested.size(); i++) {
              assertThat(suggested.get(i).mutualCount()).isPositive();
              if (i > 0) {
                assertThat(suggested.get(i).mutualCount()).isLessThanOrEqualTo(suggested.get(i - 1).mutualCount());
              }
            }
            answers++;
          }
          return answers;
        }));
      }
      try {
        write(index, expected, threads);
      } finally {
        writing.set(false); // else a failing writer would leave the readers running for ever
      }
      for (Future<Long> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
      }
    }
    for (int a = 0; a < MEMBERS; a += 7) {
      for (int b = 0; b < MEMBERS; b++) {
        assertThat(index.connected(a, b)).isEqualTo(expected[a][b]);
      }
    }
    for (int viewer = 0; viewer < MEMBERS; viewer += 97) {
      assertThat(index.suggestions(viewer, 5, m -> false)).as("suggestions for %d", viewer)
          .isEqualTo(naiveSuggestions(expected, viewer, 5));
    }
  }

  /** N4 by counting shared connections over the matrix: most first, then the lower member id. */
  private static List<Suggestion> naiveSuggestions(boolean[][] connected, int viewer, int limit) {
    List<Suggestion> all = new ArrayList<>();
    for (int other = 0; other < MEMBERS; other++) {
      if (other == viewer || connected[viewer][other]) {
        continue;
      }
      int mutual = 0;
      for (int k = 0; k < MEMBERS; k++) {
        if (connected[viewer][k] && connected[other][k]) {
          mutual++;
        }
      }
      if (mutual > 0) {
        all.add(new Suggestion(other, mutual));
      }
    }
    all.sort(java.util.Comparator.comparingInt(Suggestion::mutualCount).reversed()
        .thenComparingLong(Suggestion::member));
    return all.subList(0, Math.min(limit, all.size()));
  }

  /** Random writes, compacting in the background whenever the index asks; records what it wrote. */
  private static void write(GraphIndex index, boolean[][] expected, ExecutorService threads) throws Exception {
    SplittableRandom random = new SplittableRandom(99);
    boolean[][] connected = new boolean[MEMBERS][MEMBERS];
    // Compactions are built on a thread of their own while the writer goes on, as Network does.
    Compaction compaction = null;
    Future<?> building = null;
    int compactions = 0;
    for (int step = 0; step < 60_000; step++) {
      int a = random.nextInt(MEMBERS);
      int b = random.nextInt(MEMBERS);
      if (a == b) {
        continue;
      }
      if (random.nextInt(4) == 0) {
        index.disconnect(a, b);
        connected[a][b] = connected[b][a] = false;
      } else {
        index.connect(a, b);
        connected[a][b] = connected[b][a] = true;
      }
      if (compaction == null && index.wantsCompaction()) {
        compaction = index.beginCompaction();
        building = threads.submit(compaction::build);
      } else if (compaction != null && building.isDone()) {
        building.get();
        index.finishCompaction(compaction);
        compaction = null;
        compactions++;
      }
    }
    if (compaction != null) {
      building.get();
      index.finishCompaction(compaction);
      compactions++;
    }
    assertThat(compactions).isPositive();
    System.arraycopy(connected, 0, expected, 0, MEMBERS);
  }
}
