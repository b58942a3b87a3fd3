package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The parser of PostgreSQL's binary copy of the connections, fed the bytes cut in every way: the
 * driver writes a row at a time, but nothing promises it.
 */
class ConnectionsCopyTest {
  private static final long[][] PAIRS = {{1, 2}, {252_679_144_465_244_160L, Long.MAX_VALUE}, {7, 0}};

  @Test
  void rowsWrittenWhole_orCutAnywhere_giveEveryPair() throws IOException {
    byte[] copy = binaryCopy(4, Arrays.copyOfRange(PAIRS, 0, 2), null, Arrays.copyOfRange(PAIRS, 2, 3));
    assertThat(parsed(copy, copy.length)).containsExactly(PAIRS);
    assertThat(parsed(copy, 1)).containsExactly(PAIRS);
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 50; round++) {
      assertThat(parsed(copy, 1 + random.nextInt(40))).containsExactly(PAIRS);
    }
  }

  @Test
  void aCopyCutShort_orNotBinary_orNotOfPairs_isRefused() {
    byte[] copy = binaryCopy(0, PAIRS);
    assertThatThrownBy(() -> parsed(Arrays.copyOf(copy, copy.length - 2), 5))
        .isInstanceOf(IOException.class).hasMessageContaining("ended before its end");
    byte[] cutInAPair = binaryCopy(0, PAIRS);
    cutInAPair[19 + 5] -= 8; // the row's length, one id short: the rest is not whole pairs
    assertThatThrownBy(() -> parsed(cutInAPair, 64))
        .isInstanceOf(IOException.class).hasMessageContaining("not pairs of ids");
    assertThatThrownBy(() -> parsed("1\t2\n".repeat(10).getBytes(), 40))
        .isInstanceOf(IOException.class).hasMessageContaining("binary copy");
  }

  /** Parses the copy written in pieces of {@code piece} bytes. */
  private static List<long[]> parsed(byte[] copy, int piece) throws IOException {
    List<long[]> pairs = new ArrayList<>();
    try (ConnectionsCopy.Rows rows = new ConnectionsCopy.Rows((a, b) -> pairs.add(new long[] {a, b}))) {
      for (int from = 0; from < copy.length; from += piece) {
        rows.write(copy, from, Math.min(piece, copy.length - from));
      }
      rows.end();
    }
    return pairs;
  }

  /**
   * PostgreSQL's binary copy, with a header extension of some bytes, of rows of one bytea: each
   * row's pairs as 16 bytes each, or null for a row given as null.
   */
  private static byte[] binaryCopy(int extension, long[][]... rows) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
      out.writeInt(0);
      out.writeInt(extension);
      out.write(new byte[extension]);
      for (long[][] row : rows) {
        out.writeShort(1);
        if (row == null) {
          out.writeInt(-1);
          continue;
        }
        out.writeInt(16 * row.length);
        for (long[] pair : row) {
          out.writeLong(pair[0]);
          out.writeLong(pair[1]);
        }
      }
      out.writeShort(-1);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
