package dev.rapport.bench;

import dev.rapport.importing.ImportReport;
import dev.rapport.importing.Importer;
import dev.rapport.importing.NetworkImport;
import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Settings;
import dev.rapport.network.Network;
import dev.rapport.network.NetworkReads;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the graph index from a store at start, on a SNAP graph (ego-Facebook 88,234 connections;
 * email-Enron 183,831) or on a random graph of a million members with about ten million
 * connections ({@code random-1m}, an average degree of 20, filled in some minutes):
 * <ul>
 *   <li>{@code load}: {@code Network.load}, as every start does. It restores the index from the
 *       copy the store keeps (saved by the load at setup) and replays the log since, which holds
 *       nothing here.
 *   <li>{@code rebuild}: {@code Network.rebuild}, as a start without a copy does. It streams every
 *       connection out of one snapshot and builds the compressed rows.
 *   <li>{@code readOnly}: the store's part of a rebuild alone.
 * </ul>
 * The store is filled at setup ({@code fill}): through ordinary commits of members and
 * connections with their events ({@code commits}), or as {@code rapport import --format snap}
 * fills it ({@code import}: members in the order the file names them, in the import's batches).
 * The ids are the service's (time-ordered), so each way spreads the connections over the ids in
 * its own way. Prints the index's footprint per directed adjacency entry.
 *
 * <p>Run from the project folder with the shared data sets beside it: {@code java -jar
 * rapport-bench/target/benchmarks.jar IndexLoad -p store=sqlite,postgres -p dataset=ego-facebook}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class IndexLoadBenchmark {
  private static final int CHANGES_PER_COMMIT = 5_000;
  /** A random graph of a million members, for the start of a store of that size (issue 14). */
  static final String RANDOM_1M = "random-1m";
  private static final int RANDOM_DRAWS_PER_MEMBER = 10;
  private static final long RANDOM_SEED = 20_261_207;

  @Param({"sqlite", "postgres"})
  public String store;

  @Param({"ego-facebook", "email-enron"})
  public String dataset;

  @Param({"commits"})
  public String fill;

  /**
   * Each start logs how the index loaded, which suits a server's log; a line per operation here
   * would be timed with it. Held here: the logging framework keeps loggers only weakly.
   */
  private static final java.util.logging.Logger NETWORK_LOG = java.util.logging.Logger.getLogger("dev.rapport.network");

  BenchStores stores;
  long connections;

  @Setup(Level.Trial)
  public void fill() {
    NETWORK_LOG.setLevel(java.util.logging.Level.WARNING);
    stores = BenchStores.open(store);
    long started = System.nanoTime();
    if (dataset.equals(RANDOM_1M)) {
      if (!fill.equals("commits")) {
        throw new IllegalArgumentException(RANDOM_1M + " is filled through commits only");
      }
      fillThroughCommits(Datasets.randomAdjacency(1_000_000, RANDOM_DRAWS_PER_MEMBER, RANDOM_SEED));
    } else {
      String file = switch (dataset) {
        case "ego-facebook" -> "facebook_combined.txt";
        case "email-enron" -> "Email-Enron.txt";
        default -> throw new IllegalArgumentException(
            "no data set '" + dataset + "'; use ego-facebook, email-enron or " + RANDOM_1M);
      };
      switch (fill) {
        case "commits" -> fillThroughCommits(Datasets.snapAdjacency(file));
        case "import" -> fillAsAnImport(Datasets.snapEdges(file));
        default -> throw new IllegalArgumentException("no fill '" + fill + "'; use commits or import");
      }
    }
    System.out.printf("%nfilled %s (%s) with %d connections in %.1f s%n", store, fill, connections,
        (System.nanoTime() - started) / 1e9);
    NetworkReads index = Network.load(stores.store(), ForkJoinPool.commonPool()).current();
    System.out.printf("index: %d members, %d connections, %.2f bytes per directed adjacency entry, %.1f per member"
        + " (arrays it keeps)%n", index.size(), index.connectionCount(),
        index.footprintBytes() / (2.0 * index.connectionCount()), index.footprintBytes() / (double) index.size());
  }

  /** Members u0, u1, ... as the file names them, then their connections, as the import makes them. */
  private void fillAsAnImport(int[][] edges) {
    NetworkImport network = new NetworkImport();
    Map<Integer, Integer> people = new HashMap<>();
    for (int i = 0; i < edges[0].length; i++) {
      int a = people.computeIfAbsent(edges[0][i], u -> network.person(NewMember.person(handle(u), "User " + u)));
      int b = people.computeIfAbsent(edges[1][i], u -> network.person(NewMember.person(handle(u), "User " + u)));
      network.connect(a, b);
    }
    ImportReport report = Importer.run(network, stores.store(), Policy.defaults(),
        InstantSource.fixed(Instant.parse("2026-11-28T00:00:00Z")), new TimeOrderedIds(InstantSource.system(), 0));
    connections = report.connectionsCreated();
  }

  /** The import's handle for a SNAP node: at least three characters, so node 7 is u07. */
  private static String handle(int node) {
    return node < 10 ? "u0" + node : "u" + node;
  }

  private void fillThroughCommits(int[][] adjacency) {
    Batch batch = new Batch();
    Instant at = Instant.parse("2026-11-28T00:00:00Z");
    // Ids as the service gives them (time-ordered, 18 digits), drawn as each commit's members are:
    // consecutive within a commit, apart between commits, as in an import.
    TimeOrderedIds ids = new TimeOrderedIds(InstantSource.system(), 0);
    long[] id = new long[adjacency.length];
    for (int u = 0; u < adjacency.length; u++) {
      id[u] = ids.next();
      Member member = new Member(id[u], Handle.of("member-" + u), MemberKind.PERSON, "Member " + u, "",
          Optional.empty(), "basic", at, Settings.DEFAULTS, 0, 0);
      batch.add(new Change.AddMember(member), new Event(0, EventType.MEMBER_CREATED, at, member.id(), 0, 0));
    }
    for (int u = 0; u < adjacency.length; u++) {
      for (int v : adjacency[u]) {
        if (u < v) {
          batch.add(new Change.AddConnection(id[u], id[v], at),
              new Event(0, EventType.CONNECTED, at, id[u], id[v], 0));
          connections++;
        }
      }
    }
    batch.flush();
  }

  /** Changes and their events, committed a few thousand at a time. */
  private final class Batch {
    private final List<Change> changes = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    void add(Change change, Event event) {
      changes.add(change);
      events.add(event);
      if (changes.size() == CHANGES_PER_COMMIT) {
        flush();
      }
    }

    void flush() {
      if (!changes.isEmpty()) {
        stores.store().commit(new Commit(Map.of(), changes, events));
        changes.clear();
        events.clear();
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    stores.close();
  }

  /** The store's part of a rebuild alone: every connection read, handed to a sink that only sums. */
  @Benchmark
  public long readOnly() {
    long[] sum = new long[1];
    stores.store().forEachConnection((a, b) -> sum[0] += a ^ b);
    return sum[0];
  }

  @Benchmark
  public NetworkReads load() {
    return Network.load(stores.store(), ForkJoinPool.commonPool()).current();
  }

  @Benchmark
  public NetworkReads rebuild() {
    return Network.rebuild(stores.store(), ForkJoinPool.commonPool()).current();
  }
}
