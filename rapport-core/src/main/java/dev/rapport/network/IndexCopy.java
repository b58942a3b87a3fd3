package dev.rapport.network;

import dev.rapport.copy.CopyParts;
import dev.rapport.copy.CopyParts.Unreadable;
import java.util.List;

/**
 * The bytes of a copy of the graph index that the store keeps (see {@link Network}): what
 * {@link GraphIndex#copy} writes and {@link GraphIndex#restore} reads ({@link #write} and {@link
 * #read}), in {@link CopyParts}. Format 1:
 * <pre>
 *   int magic ("RPIX"), int format (1), int nodes, int ordered nodes, long entries,
 *   long[nodes] member ids by node, int[nodes + 1] row offsets, int[entries] rows,
 *   int CRC-32C of every byte before it
 * </pre>
 * The checksum guards against a copy damaged where it is kept; a copy that fails it, or any other
 * check on reading, is not used, and the index is rebuilt from the connections instead.
 */
final class IndexCopy {
  static final int MAGIC = 0x52504958;
  static final int FORMAT = 1;

  private IndexCopy() {}

  /**
   * Writes the first {@code n} nodes of an index: their ids, and their lists as one compressed row.
   * Nothing may change the index meanwhile (its writer's thread only).
   */
  static List<byte[]> write(CopyParts.Writer out, int n, int ordered, long entries, long[] members, AdjacencyRows rows) {
    out.putInt(MAGIC);
    out.putInt(FORMAT);
    out.putInt(n);
    out.putInt(ordered);
    out.putLong(entries);
    out.putLongs(members, 0, n);
    int offset = 0;
    out.putInt(offset);
    for (int v = 0; v < n; v++) {
      offset += rows.slice(v).size();
      out.putInt(offset);
    }
    for (int v = 0; v < n; v++) {
      AdjacencyRows.Slice s = rows.slice(v);
      out.putInts(s.values(), s.from(), s.to());
    }
    return out.finish();
  }

  /**
   * An index read back from a copy, numbered as it was. Checks what a damaged or foreign copy could
   * break before any query relies on it: the checksum, every row sorted and within the nodes, each
   * member once.
   *
   * @throws Unreadable if the bytes are not such a copy
   */
  static GraphIndex read(List<byte[]> parts) throws Unreadable {
    CopyParts.Reader in = new CopyParts.Reader(parts);
    if (in.getInt() != MAGIC || in.getInt() != FORMAT) {
      throw new Unreadable("not a copy of the graph index in format " + FORMAT);
    }
    int n = in.getInt();
    int ordered = in.getInt();
    long entries = in.getLong();
    if (n < 0 || ordered < 0 || ordered > n || entries < 0 || entries > Integer.MAX_VALUE - 8) {
      throw new Unreadable("the copy's counts are out of range");
    }
    long[] members = new long[n];
    in.getLongs(members, 0, n);
    int[] offsets = new int[n + 1];
    in.getInts(offsets, 0, n + 1);
    if (offsets[0] != 0 || offsets[n] != entries) {
      throw new Unreadable("the copy's rows do not add up to its entries");
    }
    int[] targets = new int[(int) entries];
    in.getInts(targets, 0, targets.length);
    in.end("rows");
    for (int v = 0; v < n; v++) {
      if (offsets[v + 1] < offsets[v]) {
        throw new Unreadable("the copy's rows overlap");
      }
      for (int k = offsets[v]; k < offsets[v + 1]; k++) {
        if (targets[k] < 0 || targets[k] >= n || targets[k] == v || (k > offsets[v] && targets[k] <= targets[k - 1])) {
          throw new Unreadable("a row of the copy is not sorted, or names its own node or one it does not have");
        }
      }
    }
    MemberNodes nodes = new MemberNodes();
    for (int v = 0; v < n; v++) {
      if (members[v] == MemberNodes.FREE || nodes.get(members[v]) >= 0) {
        throw new Unreadable("the copy names member " + members[v] + " twice, or a reserved id");
      }
      nodes.putUnpublished(members[v], v);
    }
    return new GraphIndex(nodes, members, n, ordered, offsets, targets, GraphIndex.DEFAULT_CACHED_VIEWERS);
  }
}
