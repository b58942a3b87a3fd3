package dev.rapport.bench.peers;

import dev.rapport.network.GraphIndex;
import dev.rapport.network.GraphIndexBuilder;
import dev.rapport.network.NetworkSize;
import dev.rapport.network.Suggestion;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;

/** Rapport: the in-memory graph index of the core module, loaded through its builder. */
final class IndexQueries implements NetworkQueries {
  private static final LongPredicate NOBODY = member -> false;

  private final GraphIndex index;

  private IndexQueries(GraphIndex index) {
    this.index = index;
  }

  static IndexQueries load(Graph graph) {
    GraphIndexBuilder builder = GraphIndex.builder().expecting(graph.connections());
    int[] from = graph.from();
    int[] to = graph.to();
    for (int i = 0; i < from.length; i++) {
      builder.add(from[i], to[i]);
    }
    return new IndexQueries(builder.build());
  }

  /** The k-th of the member's connections in id order, as {@link Graph.Adjacency#neighbour} gives it. */
  int neighbour(int member, int k) {
    // The index lists them by node, its hubs last.
    long[] connections = index.connectionsOf(member);
    Arrays.sort(connections);
    return (int) connections[k];
  }

  /** The bytes of the index's arrays ({@link GraphIndex#footprintBytes}). */
  long footprintBytes() {
    return index.footprintBytes();
  }

  @Override
  public int[] degrees(long viewer, long[] targets) {
    return index.degrees(viewer, targets);
  }

  @Override
  public int mutualCount(long a, long b) {
    return index.mutualCount(a, b);
  }

  @Override
  public List<Suggestion> suggestions(long viewer, int limit) {
    return index.suggestions(viewer, limit, NOBODY);
  }

  @Override
  public NetworkSize networkSize(long viewer) {
    return index.networkSize(viewer);
  }

  @Override
  public void close() {}
}
