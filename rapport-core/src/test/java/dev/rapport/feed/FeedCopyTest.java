package dev.rapport.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.copy.CopyParts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The feed index's copy reads back as it was written, and a damaged or foreign one does not read back at all. */
class FeedCopyTest {
  private final Timelines timelines = new Timelines();
  private final Engagements engagements = new Engagements();

  private void fill() {
    for (long author = 1; author <= 5; author++) {
      for (int i = 0; i < 10 * author; i++) {
        timelines.add(author, 100 * author + i, 1_000 + i / 3, i % 4 == 0);
      }
    }
    engagements.set(7, 101, 1, 2_000, Engagements.NONE, 0, 100);
    engagements.set(7, 205, 2, Engagements.NONE, 2_500, 0, 100);
    engagements.set(8, 101, 1, 2_100, 2_200, 0, 100);
  }

  /** What a copy holds, read back: per author its stored ids and times, per member its engagements. */
  private static List<String> readBack(List<byte[]> parts) throws CopyParts.Unreadable {
    List<String> seen = new ArrayList<>();
    FeedCopy.read(parts, new FeedCopy.Sink() {
      @Override
      public void timeline(long authorId, long[] pairs, int size) {
        seen.add("author " + authorId + " " + java.util.Arrays.toString(java.util.Arrays.copyOf(pairs, 2 * size)));
      }

      @Override
      public void engaged(long memberId, long[] list, int count) {
        seen.add("member " + memberId + " " + java.util.Arrays.toString(java.util.Arrays.copyOf(list, 4 * count)));
      }
    });
    return seen.stream().sorted().toList();
  }

  private List<String> held() {
    List<String> held = new ArrayList<>();
    timelines.forEach((line, author) -> held.add("author " + author + " "
        + java.util.Arrays.toString(java.util.Arrays.copyOfRange(line, 1, 1 + 2 * Timelines.size(line)))));
    engagements.forEach((list, member) -> held.add("member " + member + " " + java.util.Arrays.toString(list)));
    return held.stream().sorted().toList();
  }

  @Test
  void aCopy_readsBackToTheSameTimelinesAndEngagements_acrossManyParts() throws Exception {
    fill();
    List<byte[]> parts = FeedCopy.write(timelines, engagements, 64);
    assertThat(parts).hasSizeGreaterThan(10);
    assertThat(readBack(parts)).isEqualTo(held()).hasSize(7);
    assertThat(readBack(FeedCopy.write(timelines, engagements, CopyParts.PART_BYTES))).isEqualTo(held());
  }

  @Test
  void aCopy_withAByteChanged_cutShort_orOfAnotherFormat_doesNotReadBack() {
    fill();
    byte[] whole = FeedCopy.write(timelines, engagements, CopyParts.PART_BYTES).getFirst();
    byte[] changed = whole.clone();
    changed[whole.length / 3] ^= 1;
    assertThatThrownBy(() -> readBack(List.of(changed))).hasMessageContaining("checksum");
    assertThatThrownBy(() -> readBack(List.of(java.util.Arrays.copyOf(whole, whole.length - 9))))
        .isInstanceOf(CopyParts.Unreadable.class);
    byte[] otherFormat = whole.clone();
    otherFormat[4] = 2;
    assertThatThrownBy(() -> readBack(List.of(checksummed(otherFormat)))).hasMessageContaining("format");
    assertThatThrownBy(() -> readBack(List.of())).isInstanceOf(CopyParts.Unreadable.class);
  }

  @Test
  void aCopy_whoseTimelineIsOutOfOrder_doesNotReadBack_thoughItsChecksumHolds() {
    timelines.add(3, 30, 1_000, false);
    timelines.add(3, 31, 1_001, false);
    byte[] bytes = FeedCopy.write(timelines, engagements, CopyParts.PART_BYTES).getFirst();
    // magic, format, authors (12 bytes); author id, size (12); then id, time, id, time: the second time at 48.
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(48, 999);
    assertThatThrownBy(() -> readBack(List.of(checksummed(bytes)))).hasMessageContaining("not sorted");
  }

  private static byte[] checksummed(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4, (int) crc.getValue());
    return bytes;
  }
}
