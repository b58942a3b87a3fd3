package dev.rapport.bench.peers;

import dev.rapport.network.GraphIndex;
import dev.rapport.network.NetworkSize;
import dev.rapport.network.Suggestion;
import java.util.List;

/**
 * The four network questions every engine answers, on members numbered as in the {@link Graph}
 * it was loaded with. Answers are those of {@link GraphIndex}, so that engines can be compared for
 * equality: the same degrees (0 for out of network and for the viewer), the same suggestions in the
 * same order (most mutual connections first, then the lower member id).
 */
interface NetworkQueries extends AutoCloseable {
  /** N1: each target's degree as the viewer sees it: 1, 2, 3, or 0. */
  int[] degrees(long viewer, long[] targets);

  /** N2: how many connections the two members share. */
  int mutualCount(long a, long b);

  /** N4: the top {@code limit} members by mutual connections, leaving out the viewer and their connections. */
  List<Suggestion> suggestions(long viewer, int limit);

  /** N3: how many members are 1st, 2nd and 3rd-degree to the viewer. */
  NetworkSize networkSize(long viewer);

  @Override
  void close();
}
