package dev.rapport.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.copy.CopyParts;
import dev.rapport.network.GraphIndexProperties.Op;
import dev.rapport.testing.seeded.SeededProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The copy of the index that the store keeps (N1, N2, N3 and N4 answered from a restored index as
 * from the one copied): read back, it is the same index, numbered the same; damaged, it is refused.
 */
class IndexCopyTest {

  /** The writes of {@link #aCopy_readsBackAsTheSameIndex}, and the size of the copy's parts in longs. */
  record Copying(List<Op> ops, int partLongs) {}

  /**
   * Half the connections loaded whole (so that the build numbers the members), the rest written
   * one by one, with disconnections and compactions among them: the copy, cut into parts of any
   * size, reads back as an index whose own copy is the same bytes, and whose lists, degrees,
   * network sizes and suggestions are the original's.
   */
  @Test
  void aCopy_readsBackAsTheSameIndex() {
    // Parts of 1 and 40 longs, the ends of the range, come up one try in ten each.
    SeededProperty.tries(300).forAll(random -> new Copying(GraphIndexProperties.ops(random),
        switch (random.nextInt(10)) {
          case 0 -> 1;
          case 1 -> 40;
          default -> random.nextInt(1, 41);
        }), c -> {
      int whole = c.ops().size() / 2;
      GraphIndex index = GraphIndex.of(c.ops().subList(0, whole).stream().mapToLong(Op::a).toArray(),
          c.ops().subList(0, whole).stream().mapToLong(Op::b).toArray());
      for (Op op : c.ops().subList(whole, c.ops().size())) {
        switch (op.kind()) {
          case 0 -> index.connect(op.a(), op.b());
          case 1 -> index.disconnect(op.a(), op.b());
          default -> index.compact();
        }
      }
      List<byte[]> copy = index.copy(new CopyParts.Writer(8 * c.partLongs()));
      GraphIndex restored = GraphIndex.restore(copy);

      assertThat(restored.copy(new CopyParts.Writer(8 * c.partLongs()))).as("the restored index's own copy").containsExactlyElementsOf(copy);
      assertThat(restored.connectionCount()).isEqualTo(index.connectionCount());
      assertThat(restored.size()).isEqualTo(index.size());
      for (long viewer = 1_000; viewer < 1_020; viewer++) {
        assertThat(restored.connectionsOf(viewer)).as("connections of %d", viewer).containsExactly(index.connectionsOf(viewer));
        assertThat(restored.networkSize(viewer)).isEqualTo(index.networkSize(viewer));
        assertThat(restored.suggestions(viewer, 20, m -> false)).as("suggestions for %d", viewer)
            .isEqualTo(index.suggestions(viewer, 20, m -> false));
        for (long other = 1_000; other < 1_020; other++) {
          assertThat(restored.degree(viewer, other)).isEqualTo(index.degree(viewer, other));
        }
      }
    });
  }

  @Test
  void anEmptyIndex_readsBackEmpty() throws CopyParts.Unreadable {
    GraphIndex restored = GraphIndex.restore(new GraphIndex().copy());
    assertThat(restored.size()).isZero();
    restored.connect(1, 2);
    assertThat(restored.connectionsOf(1)).containsExactly(2);
  }

  @Test
  void aCopyDamagedAnywhere_orCutShort_isRefused() {
    List<byte[]> copy = sample().copy(new CopyParts.Writer(64));
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 50; round++) {
      List<byte[]> damaged = deepCopy(copy);
      byte[] part = damaged.get(random.nextInt(damaged.size()));
      part[random.nextInt(part.length)] ^= (byte) (1 << random.nextInt(8));
      assertThatThrownBy(() -> GraphIndex.restore(damaged)).isInstanceOf(CopyParts.Unreadable.class);
    }
    assertThatThrownBy(() -> GraphIndex.restore(copy.subList(0, copy.size() - 1))).isInstanceOf(CopyParts.Unreadable.class);
    assertThatThrownBy(() -> GraphIndex.restore(List.of())).isInstanceOf(CopyParts.Unreadable.class);
    assertThatThrownBy(() -> GraphIndex.restore(List.of(new byte[] {1, 2, 3}))).isInstanceOf(CopyParts.Unreadable.class);
  }

  /** Checksums guard against damage; these checks guard against a copy written wrong, checksum and all. */
  @Test
  void aCopyWithAWellFormedChecksum_butRowsOutOfOrder_orAnotherFormat_isRefused() {
    assertThatThrownBy(() -> GraphIndex.restore(written(IndexCopy.MAGIC, 2, new long[] {7, 8}, new int[] {0, 1, 2}, new int[] {1, 0})))
        .hasMessageContaining("format");
    assertThatThrownBy(() -> GraphIndex.restore(written(IndexCopy.MAGIC, 1, new long[] {7, 8, 9}, new int[] {0, 2, 3, 4}, new int[] {2, 1, 0, 0})))
        .hasMessageContaining("not sorted");
    assertThatThrownBy(() -> GraphIndex.restore(written(IndexCopy.MAGIC, 1, new long[] {7, 8}, new int[] {0, 1, 2}, new int[] {1, 5})))
        .hasMessageContaining("one it does not have");
    assertThatThrownBy(() -> GraphIndex.restore(written(IndexCopy.MAGIC, 1, new long[] {7, 8}, new int[] {0, 1, 2}, new int[] {0, 0})))
        .hasMessageContaining("its own node");
    assertThatThrownBy(() -> GraphIndex.restore(written(IndexCopy.MAGIC, 1, new long[] {7, 7}, new int[] {0, 1, 2}, new int[] {1, 0})))
        .hasMessageContaining("twice");
  }

  /** A copy of format {@code format} with these members, offsets and rows, and every node ordered. */
  private static List<byte[]> written(int magic, int format, long[] members, int[] offsets, int[] rows) {
    CopyParts.Writer out = new CopyParts.Writer(32);
    out.putInt(magic);
    out.putInt(format);
    out.putInt(members.length);
    out.putInt(members.length);
    out.putLong(rows.length);
    out.putLongs(members, 0, members.length);
    out.putInts(offsets, 0, offsets.length);
    out.putInts(rows, 0, rows.length);
    return out.finish();
  }

  private static GraphIndex sample() {
    GraphIndex index = GraphIndex.of(new long[] {1, 2, 3, 4, 5}, new long[] {2, 3, 4, 5, 1});
    index.connect(6, 1);
    return index;
  }

  private static List<byte[]> deepCopy(List<byte[]> parts) {
    List<byte[]> copy = new ArrayList<>();
    parts.forEach(p -> copy.add(p.clone()));
    return copy;
  }
}
