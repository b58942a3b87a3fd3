package dev.rapport.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The bytes of a copy of the graph index that the store keeps (see {@link Network}): what
 * {@link GraphIndex#copy} writes and {@link GraphIndex#restore} reads ({@link #write} and {@link #read}). Little-endian, in parts of
 * at most {@value #PART_BYTES} bytes, no value cut between two parts. Format 1:
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
  /** Eight megabytes: a row of a table that any database keeps without trouble. */
  static final int PART_BYTES = 1 << 23;

  private IndexCopy() {}

  /**
   * Writes the first {@code n} nodes of an index: their ids, and their lists as one compressed row.
   * Nothing may change the index meanwhile (its writer's thread only).
   */
  static List<byte[]> write(Out out, int n, int ordered, long entries, long[] members, AdjacencyRows rows) {
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
    In in = new In(parts);
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
    in.end();
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

  /** A copy that cannot be read back: damaged, cut short, of another format, or not a copy at all. */
  static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  /** Writes values into parts. */
  static final class Out {
    private final List<byte[]> parts = new ArrayList<>();
    private final int partBytes;
    private ByteBuffer part;

    Out() {
      this(PART_BYTES);
    }

    /** With parts of another size: for tests, which need many parts from a small index. */
    Out(int partBytes) {
      this.partBytes = partBytes;
      this.part = newPart();
    }

    void putInt(int value) {
      room(Integer.BYTES);
      part.putInt(value);
    }

    void putLong(long value) {
      room(Long.BYTES);
      part.putLong(value);
    }

    void putInts(int[] values, int from, int to) {
      while (from < to) {
        room(Integer.BYTES);
        int count = Math.min(to - from, part.remaining() / Integer.BYTES);
        part.asIntBuffer().put(values, from, count);
        part.position(part.position() + count * Integer.BYTES);
        from += count;
      }
    }

    void putLongs(long[] values, int from, int to) {
      while (from < to) {
        room(Long.BYTES);
        int count = Math.min(to - from, part.remaining() / Long.BYTES);
        part.asLongBuffer().put(values, from, count);
        part.position(part.position() + count * Long.BYTES);
        from += count;
      }
    }

    /** The parts, ending with the checksum of everything written. */
    List<byte[]> finish() {
      CRC32C crc = new CRC32C();
      parts.forEach(crc::update);
      crc.update(part.array(), 0, part.position());
      putInt((int) crc.getValue());
      flush();
      return parts;
    }

    private void room(int bytes) {
      if (part.remaining() < bytes) {
        flush();
        part = newPart();
      }
    }

    private void flush() {
      parts.add(Arrays.copyOf(part.array(), part.position()));
    }

    private ByteBuffer newPart() {
      return ByteBuffer.allocate(partBytes).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /** Reads values back from parts, once their checksum holds. */
  static final class In {
    private final List<byte[]> parts;
    private int next;
    private ByteBuffer part;
    /** Where the checksum starts in the last part: no value is read past it. */
    private final int checksumAt;

    In(List<byte[]> parts) throws Unreadable {
      if (parts.isEmpty() || parts.getLast().length < Integer.BYTES) {
        throw new Unreadable("the copy is empty or cut short");
      }
      this.parts = parts;
      byte[] last = parts.getLast();
      checksumAt = last.length - Integer.BYTES;
      CRC32C crc = new CRC32C();
      for (int i = 0; i < parts.size() - 1; i++) {
        crc.update(parts.get(i));
      }
      crc.update(last, 0, checksumAt);
      if ((int) crc.getValue() != ByteBuffer.wrap(last, checksumAt, Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt()) {
        throw new Unreadable("the copy's checksum does not match its bytes");
      }
      part = ByteBuffer.allocate(0);
    }

    int getInt() throws Unreadable {
      need(Integer.BYTES);
      return part.getInt();
    }

    long getLong() throws Unreadable {
      need(Long.BYTES);
      return part.getLong();
    }

    void getInts(int[] into, int from, int to) throws Unreadable {
      while (from < to) {
        need(Integer.BYTES);
        int count = Math.min(to - from, part.remaining() / Integer.BYTES);
        part.asIntBuffer().get(into, from, count);
        part.position(part.position() + count * Integer.BYTES);
        from += count;
      }
    }

    void getLongs(long[] into, int from, int to) throws Unreadable {
      while (from < to) {
        need(Long.BYTES);
        int count = Math.min(to - from, part.remaining() / Long.BYTES);
        part.asLongBuffer().get(into, from, count);
        part.position(part.position() + count * Long.BYTES);
        from += count;
      }
    }

    /** Checks that only the checksum is left. */
    void end() throws Unreadable {
      while (!part.hasRemaining() && next < parts.size()) {
        nextPart();
      }
      if (part.hasRemaining()) {
        throw new Unreadable("the copy goes on past its rows");
      }
    }

    /** Moves to the next part when this one has fewer bytes left than a value needs. */
    private void need(int bytes) throws Unreadable {
      while (part.remaining() < bytes) {
        if (part.hasRemaining() || next == parts.size()) {
          throw new Unreadable("the copy is cut short, or has a value cut between two parts");
        }
        nextPart();
      }
    }

    private void nextPart() {
      byte[] bytes = parts.get(next++);
      int length = next == parts.size() ? checksumAt : bytes.length;
      part = ByteBuffer.wrap(bytes, 0, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
