package dev.rapport.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.seeded.SeededProperty;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The index answers N1, N2 and N3 exactly as a breadth-first search over plain sets does, after
 * any sequence of connections, disconnections and compactions, and loading a graph whole gives the
 * same answers as building it one connection at a time.
 */
class GraphIndexProperties {
  /** One write: connect or disconnect two members (ids 1,000 + 0..19), or compact. */
  record Op(int kind, long a, long b) {}

  /**
   * 1 to 120 writes, 6 in 10 connections, 3 disconnections and 1 compaction; one list in 20 is a
   * single write, the edge case.
   */
  static List<Op> ops(RandomGenerator random) {
    int size = random.nextInt(20) == 0 ? 1 : random.nextInt(1, 121);
    List<Op> ops = new java.util.ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      int k = random.nextInt(10);
      ops.add(new Op(k < 6 ? 0 : k < 9 ? 1 : 2, random.nextLong(1_000, 1_020), random.nextLong(1_000, 1_020)));
    }
    return ops;
  }

  /** Each member four times: a batch that large also uses (and caches) the 3rd-degree network. */
  private static final long[] EVERYONE_FOUR_TIMES =
      java.util.stream.LongStream.rangeClosed(1_000, 1_079).map(m -> 1_000 + m % 20).toArray();

  /** The viewer's degree batch equals a breadth-first search of the model. */
  private static void assertBatchEqualsSearch(GraphIndex index, Map<Long, Set<Long>> model, long viewer,
      long[] targets) {
    Map<Long, Integer> distance = bfs(model, viewer);
    int[] degrees = index.degrees(viewer, targets);
    for (int i = 0; i < targets.length; i++) {
      Integer d = distance.get(targets[i]);
      assertThat(degrees[i]).as("degree of %d seen by %d", targets[i], viewer).isEqualTo(d == null ? 0 : d);
    }
  }

  /** Applies a write to the index and the model, or compacts the index (kind 2). */
  private static void step(GraphIndex index, Map<Long, Set<Long>> model, Op op) {
    if (op.kind() == 2) {
      index.compact();
    } else {
      write(index, model, op);
    }
  }

  /** Applies a connect (kind 0) or disconnect (kind 1) to the index and to the model. */
  private static void write(GraphIndex index, Map<Long, Set<Long>> model, Op op) {
    if (op.kind() == 0) {
      index.connect(op.a(), op.b());
      if (op.a() != op.b()) {
        model.computeIfAbsent(op.a(), _ -> new TreeSet<>()).add(op.b());
        model.computeIfAbsent(op.b(), _ -> new TreeSet<>()).add(op.a());
      }
    } else {
      index.disconnect(op.a(), op.b());
      model.getOrDefault(op.a(), new HashSet<>()).remove(op.b());
      model.getOrDefault(op.b(), new HashSet<>()).remove(op.a());
    }
  }

  @Test
  void everyAnswer_equalsABreadthFirstSearch() {
    SeededProperty.tries(500).forAll(GraphIndexProperties::ops, ops -> {
      GraphIndex index = new GraphIndex();
      Map<Long, Set<Long>> model = new HashMap<>();
      for (Op op : ops) {
        step(index, model, op);
      }
      assertMatches(index, model);
    });
  }

  /**
   * A compaction built while writes go on loses none of them: each compaction op takes the next
   * step (begin, build, finish), so writes land before the build, after it, or both.
   */
  @Test
  void compactingInTheBackground_losesNoWrite() {
    SeededProperty.tries(500).forAll(GraphIndexProperties::ops, ops -> {
      GraphIndex index = new GraphIndex();
      Map<Long, Set<Long>> model = new HashMap<>();
      Compaction compaction = null;
      boolean built = false;
      for (Op op : ops) {
        switch (op.kind()) {
          case 0, 1 -> write(index, model, op);
          default -> {
            if (compaction == null) {
              compaction = index.beginCompaction();
            } else if (!built) {
              compaction.build();
              built = true;
            } else {
              index.finishCompaction(compaction);
              compaction = null;
              built = false;
              assertMatches(index, model);
            }
          }
        }
      }
      assertMatches(index, model);
    });
  }

  /**
   * Degree batches of every viewer after every write, with caches large enough to keep every
   * viewer's 2nd and 3rd-degree networks: a write two steps away must still renew them.
   */
  @Test
  void degreeBatches_ofEveryViewer_followEveryWrite() {
    SeededProperty.tries(200).forAll(GraphIndexProperties::ops, ops -> {
      GraphIndex index = new GraphIndex(1_000);
      Map<Long, Set<Long>> model = new HashMap<>();
      SeededProperty.eachStep(ops, op -> {
        step(index, model, op);
        for (long viewer : model.keySet()) {
          assertBatchEqualsSearch(index, model, viewer, EVERYONE_FOUR_TIMES);
        }
      });
    });
  }

  /** Degrees asked between writes come from the cache when nothing changed, and never go stale. */
  @Test
  void cachedDegrees_followEveryWrite() {
    SeededProperty.tries(300).forAll(GraphIndexProperties::ops, ops -> {
      GraphIndex index = new GraphIndex(4); // a small cache, so that eviction happens too
      Map<Long, Set<Long>> model = new HashMap<>();
      SeededProperty.eachStep(ops, op -> {
        step(index, model, op);
        for (long viewer : new long[] {op.a(), op.b(), 1_000 + (op.a() * 7 + op.b()) % 20}) {
          if (!model.containsKey(viewer)) {
            continue;
          }
          assertBatchEqualsSearch(index, model, viewer, EVERYONE_FOUR_TIMES);
        }
      });
    });
  }

  @Test
  void loadingWhole_equalsConnectingOneByOne() {
    SeededProperty.tries(200).forAll(GraphIndexProperties::ops, ops -> {
      GraphIndex incremental = new GraphIndex();
      Map<Long, Set<Long>> model = new HashMap<>();
      long[] from = new long[ops.size()];
      long[] to = new long[ops.size()];
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        from[i] = op.a();
        to[i] = op.b();
        incremental.connect(op.a(), op.b());
        if (op.a() != op.b()) {
          model.computeIfAbsent(op.a(), _ -> new TreeSet<>()).add(op.b());
          model.computeIfAbsent(op.b(), _ -> new TreeSet<>()).add(op.a());
        }
      }
      GraphIndex loaded = GraphIndex.of(from, to);
      assertThat(loaded.connectionCount()).isEqualTo(incremental.connectionCount());
      assertMatches(loaded, model);
      assertMatches(incremental, model);
    });
  }

  /** The writes and the asking of {@link #N4_suggestions_equalTheNaiveRanking}. */
  record Ranking(List<Op> ops, int limit, int excludeEvery, boolean farAwayCrowd) {}

  /**
   * N4 equals the naive ranking: every other member by mutual count, most first, then lower id;
   * paging through it gives the whole ranking. So does an index of the same connections loaded
   * whole, whose build numbers the members in id order. With a crowd of pairs far away in the same index, the
   * viewers reach a small part of the network, and their counts are taken the other way.
   */
  @Test
  void N4_suggestions_equalTheNaiveRanking() {
    SeededProperty.tries(300).forAll(random -> new Ranking(ops(random), random.nextInt(1, 7), random.nextInt(2, 6),
        random.nextBoolean()), r -> {
      GraphIndex index = (r.farAwayCrowd() ? withFarAwayPairs(4_000) : new GraphIndex()).countInBytesFrom(0);
      Map<Long, Set<Long>> model = new HashMap<>();
      List<Long> from = new java.util.ArrayList<>();
      List<Long> to = new java.util.ArrayList<>();
      for (Op op : r.ops()) {
        if (op.kind() != 1 && op.a() != op.b()) {
          index.connect(op.a(), op.b());
          model.computeIfAbsent(op.a(), _ -> new TreeSet<>()).add(op.b());
          model.computeIfAbsent(op.b(), _ -> new TreeSet<>()).add(op.a());
          from.add(op.a());
          to.add(op.b());
        }
      }
      // The same connections loaded whole, in the order written: the build numbers the members again.
      GraphIndex whole = GraphIndex.of(from.stream().mapToLong(Long::longValue).toArray(),
          to.stream().mapToLong(Long::longValue).toArray()).countInBytesFrom(0);
      java.util.function.LongPredicate excluded = member -> member % r.excludeEvery() == 0;
      for (long viewer : model.keySet()) {
        List<Suggestion> naive = naiveRanking(model, viewer, excluded);
        assertThat(index.suggestions(viewer, r.limit(), excluded)).as("suggestions for %d", viewer)
            .isEqualTo(naive.subList(0, Math.min(r.limit(), naive.size())));
        assertThat(whole.suggestions(viewer, r.limit(), excluded)).as("suggestions for %d, loaded whole", viewer)
            .isEqualTo(naive.subList(0, Math.min(r.limit(), naive.size())));
        // Page after page, each starting after the last one of the page before, gives the whole ranking.
        List<Suggestion> paged = new java.util.ArrayList<>();
        Suggestion after = null;
        List<Suggestion> page;
        do {
          page = index.suggestions(viewer, r.limit(), excluded, after);
          paged.addAll(page);
          after = page.isEmpty() ? null : page.getLast();
        } while (page.size() == r.limit());
        assertThat(paged).as("all pages of suggestions for %d", viewer).isEqualTo(naive);
      }
    });
  }

  /** N4 by brute force: every member not excluded, by mutual count (most first), then lower id. */
  private static List<Suggestion> naiveRanking(Map<Long, Set<Long>> model, long viewer,
      java.util.function.LongPredicate excluded) {
    return model.keySet().stream()
        .filter(u -> u != viewer && !model.get(viewer).contains(u) && !excluded.test(u))
        .map(u -> {
          Set<Long> mutual = new HashSet<>(model.get(viewer));
          mutual.retainAll(model.get(u));
          return new Suggestion(u, mutual.size());
        })
        .filter(s -> s.mutualCount() > 0)
        .sorted(java.util.Comparator.comparingInt(Suggestion::mutualCount).reversed()
            .thenComparingLong(Suggestion::member))
        .toList();
  }

  /**
   * A network with hubs (members with over 1,024 connections), loaded whole: the build numbers
   * them after everyone else, so that lists end with them, and ties between suggestions compare
   * nodes only below them. Suggestions equal the naive ranking and network sizes a breadth-first
   * search, for viewers next to the hubs, two steps from them, and the hubs themselves.
   */
  @Test
  void aBuildWithHubs_answersAsTheNaiveReferences() {
    Map<Long, Set<Long>> model = new HashMap<>();
    List<long[]> pairs = new java.util.ArrayList<>();
    java.util.function.BiConsumer<Long, Long> connect = (a, b) -> {
      if (!a.equals(b) && model.computeIfAbsent(a, _ -> new TreeSet<>()).add(b)) {
        model.computeIfAbsent(b, _ -> new TreeSet<>()).add(a);
        pairs.add(new long[] {a, b});
      }
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (long m = 1; m <= 1_100; m++) {
      connect.accept(2_501L, m); // a hub of 1,100, with an id among the others
    }
    for (long m = 1; m <= 1_050; m++) {
      connect.accept(m * 2, 9_001L); // a hub of 1,050, with the highest id
    }
    for (int i = 0; i < 6_000; i++) {
      connect.accept(1 + random.nextLong(4_000), 1 + random.nextLong(4_000));
    }
    // Member 7,000 knows only member 1, who knows the hub 2,501 and members above it: they all tie
    // at one shared connection, and the hub ranks before the higher ids.
    connect.accept(7_000L, 1L);
    for (long m = 3_000; m < 3_005; m++) {
      connect.accept(1L, m);
    }
    java.util.Collections.shuffle(pairs, new java.util.Random(7));
    GraphIndex index = GraphIndex.of(pairs.stream().mapToLong(p -> p[0]).toArray(),
        pairs.stream().mapToLong(p -> p[1]).toArray());
    java.util.function.LongPredicate excluded = member -> member % 5 == 0;
    List<Long> viewers = new java.util.ArrayList<>(List.of(2_501L, 9_001L, 7_000L));
    model.keySet().stream().filter(m -> m % 37 == 0).forEach(viewers::add);
    for (long viewer : viewers) {
      List<Suggestion> naive = naiveRanking(model, viewer, excluded);
      assertThat(index.suggestions(viewer, 20, excluded)).as("suggestions for %d", viewer)
          .isEqualTo(naive.subList(0, Math.min(20, naive.size())));
      int[] counts = new int[4];
      bfs(model, viewer).values().forEach(d -> counts[d]++);
      assertNetworkSize(index, viewer, new NetworkSize(counts[1], counts[2], counts[3]));
    }
  }

  /**
   * A build large enough to fill its rows in two halves at once, given each connection up to three
   * times, either way round, and members connected to themselves: every member's connections are
   * exactly the model's, in order, whichever half its row fell in.
   */
  @Test
  void aBuildInHalves_keepsEachConnectionOnce() {
    Map<Long, Set<Long>> model = new HashMap<>();
    List<long[]> pairs = new java.util.ArrayList<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    // Each pair gives two entries, so that these, not all self-connections, make enough for halves.
    while (pairs.size() < GraphIndexBuilder.BUILD_IN_HALVES_FROM) {
      long a = 1 + random.nextLong(3_000);
      long b = random.nextInt(50) == 0 ? a : 1 + random.nextLong(3_000);
      for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
        pairs.add(random.nextBoolean() ? new long[] {a, b} : new long[] {b, a});
      }
      if (a != b) {
        model.computeIfAbsent(a, _ -> new TreeSet<>()).add(b);
        model.computeIfAbsent(b, _ -> new TreeSet<>()).add(a);
      }
    }
    GraphIndex index = GraphIndex.of(pairs.stream().mapToLong(p -> p[0]).toArray(),
        pairs.stream().mapToLong(p -> p[1]).toArray());
    assertThat(index.connectionCount()).isEqualTo(model.values().stream().mapToLong(Set::size).sum() / 2);
    for (Map.Entry<Long, Set<Long>> member : model.entrySet()) {
      assertThat(boxed(index.connectionsOf(member.getKey()))).as("connections of %d", member.getKey())
          .containsExactlyElementsOf(member.getValue());
    }
  }

  /**
   * N4 with mutual counts past what a byte holds (255), around each wrap of one, and far past it:
   * the viewer's 600 connections are each connected to some of the candidates. The same graph is
   * asked alone, where the viewer reaches most of the network, and beside a crowd of far-away pairs
   * that makes it a small part.
   */
  @Test
  void N4_suggestions_countPastWhatAByteHolds() {
    int[] shared = {600, 513, 512, 511, 300, 257, 256, 255, 254, 1};
    for (boolean farAwayCrowd : new boolean[] {false, true}) {
      GraphIndex index = (farAwayCrowd ? withFarAwayPairs(30_000) : new GraphIndex()).countInBytesFrom(0);
      long viewer = 1;
      for (int i = 0; i < 600; i++) {
        long connection = 1_000 + i;
        index.connect(viewer, connection);
        for (int c = 0; c < shared.length; c++) {
          if (i < shared[c]) {
            // Candidate ids rise as counts fall; 99, below, ties with 109 at one and ranks first.
            index.connect(connection, 100 + c);
          }
        }
      }
      index.connect(1_000, 99);
      List<Suggestion> expected = new java.util.ArrayList<>();
      for (int c = 0; c < shared.length; c++) {
        expected.add(new Suggestion(100 + c, shared[c]));
      }
      expected.add(new Suggestion(99, 1));
      expected.sort(java.util.Comparator.comparingInt(Suggestion::mutualCount).reversed()
          .thenComparingLong(Suggestion::member));
      assertThat(index.suggestions(viewer, 20, m -> false)).as("far-away crowd: %s", farAwayCrowd).isEqualTo(expected);
      assertThat(index.suggestions(viewer, 3, m -> false, expected.get(2)))
          .isEqualTo(expected.subList(3, 6));
      assertThat(index.suggestions(viewer, 2, m -> m == 100)).isEqualTo(expected.subList(1, 3));
    }
  }

  @Test
  void N4_suggestions_comeAPageAtATime() {
    GraphIndex index = GraphIndex.of(new long[] {1, 2}, new long[] {2, 3});
    assertThat(index.suggestions(1, GraphIndex.MAX_SUGGESTIONS, m -> false))
        .containsExactly(new Suggestion(3, 1));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> index.suggestions(1, GraphIndex.MAX_SUGGESTIONS + 1, m -> false));
  }

  /** An index holding {@code pairs} connected pairs of members from 10,000,000 on, who know nobody else. */
  private static GraphIndex withFarAwayPairs(int pairs) {
    long[] a = new long[pairs];
    long[] b = new long[pairs];
    for (int i = 0; i < pairs; i++) {
      a[i] = 10_000_000 + 2L * i;
      b[i] = a[i] + 1;
    }
    return GraphIndex.of(a, b);
  }

  @Test
  void N1_degrees_onAPath() {
    GraphIndex index = GraphIndex.of(new long[] {1, 2, 3, 4}, new long[] {2, 3, 4, 5});
    assertThat(index.degree(1, 2)).hasValue(1);
    assertThat(index.degree(1, 3)).hasValue(2);
    assertThat(index.degree(1, 4)).hasValue(3);
    assertThat(index.degree(1, 5)).isEmpty();
    assertThat(index.degree(1, 1)).isEmpty();
    assertThat(index.degree(1, 99)).isEmpty();
    assertThat(index.networkSize(1)).isEqualTo(new NetworkSize(1, 1, 1));
  }

  /** N3 as chosen by cost, and from each side, equals the expected counts. */
  static void assertNetworkSize(GraphIndex index, long viewer, NetworkSize expected) {
    for (DirectionOptimizingNetworkSize.Direction direction : DirectionOptimizingNetworkSize.Direction.values()) {
      assertThat(index.networkSize(viewer, direction)).as("network of %d from %s", viewer, direction)
          .isEqualTo(expected);
    }
  }

  private static void assertMatches(GraphIndex index, Map<Long, Set<Long>> model) {
    Set<Long> members = new TreeSet<>(model.keySet());
    long connections = model.values().stream().mapToLong(Set::size).sum() / 2;
    assertThat(index.connectionCount()).isEqualTo(connections);
    for (long v : members) {
      Map<Long, Integer> distance = bfs(model, v);
      int[] counts = new int[4];
      distance.values().forEach(d -> counts[d]++);
      assertNetworkSize(index, v, new NetworkSize(counts[1], counts[2], counts[3]));
      assertThat(new TreeSet<>(boxed(index.connectionsOf(v)))).isEqualTo(model.get(v));
      for (long t : members) {
        Integer d = distance.get(t);
        OptionalInt expected = d == null || d == 0 ? OptionalInt.empty() : OptionalInt.of(d);
        assertThat(index.degree(v, t)).as("degree of %d seen by %d", t, v).isEqualTo(expected);
        Set<Long> mutual = new HashSet<>(model.get(v));
        mutual.retainAll(model.get(t));
        assertThat(index.mutualCount(v, t)).isEqualTo(v == t ? model.get(v).size() : mutual.size());
        if (v != t) {
          List<Long> pages = new java.util.ArrayList<>();
          for (int skip = 0; ; skip += 3) {
            long[] page = index.mutuals(v, t, skip, 3);
            pages.addAll(boxed(page));
            if (page.length < 3) {
              break;
            }
          }
          assertThat(new TreeSet<>(pages)).hasSize(pages.size()).isEqualTo(mutual);
        }
        assertThat(index.connected(v, t)).isEqualTo(model.get(v).contains(t));
      }
    }
  }

  /** Distances up to 3 from the viewer (0 for the viewer). */
  private static Map<Long, Integer> bfs(Map<Long, Set<Long>> model, long viewer) {
    Map<Long, Integer> distance = new HashMap<>(Map.of(viewer, 0));
    ArrayDeque<Long> queue = new ArrayDeque<>(List.of(viewer));
    while (!queue.isEmpty()) {
      long u = queue.poll();
      int d = distance.get(u);
      if (d == 3) {
        continue;
      }
      for (long w : model.getOrDefault(u, Set.of())) {
        if (distance.putIfAbsent(w, d + 1) == null) {
          queue.add(w);
        }
      }
    }
    return distance;
  }

  private static List<Long> boxed(long[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
