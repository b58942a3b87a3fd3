package dev.rapport.copy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The bytes of a saved copy of an index, as the store keeps them: ints and longs, little-endian, in
 * parts of at most a given size with no value cut between two parts, and a CRC-32C of every byte
 * before it at the end (docs/decisions/0005, 0032). The graph index's copy and the feed index's
 * are written and read with it; each says what its values mean.
 */
public final class CopyParts {
  /** Eight megabytes: a row of a table that any database keeps without trouble. */
  public static final int PART_BYTES = 1 << 23;

  private CopyParts() {}

  /** A copy that cannot be read back: damaged, cut short, of another format, or not a copy at all. */
  public static final class Unreadable extends Exception {
    public Unreadable(String message) {
      super(message);
    }
  }

  /** Writes values into parts. Not thread safe. */
  public static final class Writer {
    private final List<byte[]> parts = new ArrayList<>();
    private final int partBytes;
    private ByteBuffer part;

    /** Parts of {@link #PART_BYTES}, or smaller for tests, which need many parts from a small index. */
    public Writer(int partBytes) {
      this.partBytes = partBytes;
      this.part = newPart();
    }

    public void putInt(int value) {
      room(Integer.BYTES);
      part.putInt(value);
    }

    public void putLong(long value) {
      room(Long.BYTES);
      part.putLong(value);
    }

    public void putInts(int[] values, int from, int to) {
      while (from < to) {
        room(Integer.BYTES);
        int count = Math.min(to - from, part.remaining() / Integer.BYTES);
        part.asIntBuffer().put(values, from, count);
        part.position(part.position() + count * Integer.BYTES);
        from += count;
      }
    }

    public void putLongs(long[] values, int from, int to) {
      while (from < to) {
        room(Long.BYTES);
        int count = Math.min(to - from, part.remaining() / Long.BYTES);
        part.asLongBuffer().put(values, from, count);
        part.position(part.position() + count * Long.BYTES);
        from += count;
      }
    }

    /** The parts, ending with the checksum of everything written. */
    public List<byte[]> finish() {
      CRC32C crc = new CRC32C();
      parts.forEach(crc::update);
      crc.update(part.array(), 0, part.position());
      putInt((int) crc.getValue());
      parts.add(Arrays.copyOf(part.array(), part.position()));
      return parts;
    }

    private void room(int bytes) {
      if (part.remaining() < bytes) {
        parts.add(Arrays.copyOf(part.array(), part.position()));
        part = newPart();
      }
    }

    private ByteBuffer newPart() {
      return ByteBuffer.allocate(partBytes).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /** Reads values back from parts, once their checksum holds. Not thread safe. */
  public static final class Reader {
    private final List<byte[]> parts;
    /** Where the checksum starts in the last part: no value is read past it. */
    private final int checksumAt;
    private long remaining;
    private int next;
    private ByteBuffer part = ByteBuffer.allocate(0);

    /** @throws Unreadable if the parts are empty or fail their checksum */
    public Reader(List<byte[]> parts) throws Unreadable {
      if (parts.isEmpty() || parts.getLast().length < Integer.BYTES) {
        throw new Unreadable("the copy is empty or cut short");
      }
      this.parts = parts;
      byte[] last = parts.getLast();
      checksumAt = last.length - Integer.BYTES;
      CRC32C crc = new CRC32C();
      for (int i = 0; i < parts.size() - 1; i++) {
        crc.update(parts.get(i));
        remaining += parts.get(i).length;
      }
      crc.update(last, 0, checksumAt);
      remaining += checksumAt;
      if ((int) crc.getValue() != ByteBuffer.wrap(last, checksumAt, Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt()) {
        throw new Unreadable("the copy's checksum does not match its bytes");
      }
    }

    /** At most how many longs are left to read: a bound on the counts a copy may claim. */
    public long remainingLongs() {
      return remaining / Long.BYTES;
    }

    public int getInt() throws Unreadable {
      need(Integer.BYTES);
      remaining -= Integer.BYTES;
      return part.getInt();
    }

    public long getLong() throws Unreadable {
      need(Long.BYTES);
      remaining -= Long.BYTES;
      return part.getLong();
    }

    public void getInts(int[] into, int from, int to) throws Unreadable {
      while (from < to) {
        need(Integer.BYTES);
        int count = Math.min(to - from, part.remaining() / Integer.BYTES);
        part.asIntBuffer().get(into, from, count);
        part.position(part.position() + count * Integer.BYTES);
        remaining -= (long) count * Integer.BYTES;
        from += count;
      }
    }

    public void getLongs(long[] into, int from, int to) throws Unreadable {
      while (from < to) {
        need(Long.BYTES);
        int count = Math.min(to - from, part.remaining() / Long.BYTES);
        part.asLongBuffer().get(into, from, count);
        part.position(part.position() + count * Long.BYTES);
        remaining -= (long) count * Long.BYTES;
        from += count;
      }
    }

    /**
     * Checks that only the checksum is left.
     *
     * @param last what the copy ends with, for the message
     * @throws Unreadable if more follows
     */
    public void end(String last) throws Unreadable {
      if (remaining != 0) {
        throw new Unreadable("the copy goes on past its " + last);
      }
    }

    /** Moves to the next part when this one has fewer bytes left than a value needs. */
    private void need(int bytes) throws Unreadable {
      while (part.remaining() < bytes) {
        if (part.hasRemaining() || next == parts.size()) {
          throw new Unreadable("the copy is cut short, or has a value cut between two parts");
        }
        byte[] bytesOfPart = parts.get(next++);
        int length = next == parts.size() ? checksumAt : bytesOfPart.length;
        part = ByteBuffer.wrap(bytesOfPart, 0, length).slice().order(ByteOrder.LITTLE_ENDIAN);
      }
    }
  }
}
