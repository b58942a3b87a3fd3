package dev.rapport.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testing.seeded.SeededProperty;
import org.junit.jupiter.api.Test;

/**
 * The scan of byte counts in eight at a time skips a word only when none of its counts could be
 * kept: the word test agrees with a look at each byte, for every least count from 1 to 255.
 */
class ByteCountScanTest {
  /** A word of eight counts, most of them small, some 0, now and then one past 127. */
  static long eightCounts(java.util.random.RandomGenerator random) {
    long word = 0;
    for (int k = 0; k < 8; k++) {
      int pick = random.nextInt(10);
      long count = pick < 4 ? 0 : pick < 9 ? random.nextInt(1, 8) : random.nextInt(256);
      word |= count << (8 * k);
    }
    return word;
  }

  @Test
  void N4_wordTest_agreesWithEachByte() {
    SeededProperty.tries(2_000).forAll(ByteCountScanTest::eightCounts, word -> {
      for (int least = 1; least <= 255; least++) {
        boolean any = false;
        for (int k = 0; k < 8; k++) {
          any |= (word >>> (8 * k) & 0xff) >= least;
        }
        if (least <= 128) {
          assertThat(CommonNeighbourSuggestions.anyAtLeast(word, least)).as("least %d", least).isEqualTo(any);
        } else {
          assertThat(CommonNeighbourSuggestions.anyAtLeast(word, least)).as("least %d", least).isTrue();
        }
      }
    });
  }
}
