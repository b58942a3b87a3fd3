package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.sql.Dialect.End;
import org.junit.jupiter.api.Test;

/**
 * The two readings of SQLite's connections, from the bottom and the top of the members, give each
 * member's connections once, however their blocks overlap and in whichever order they arrive.
 */
class MeetingEndsTest {

  @Test
  void blocksOfTheSameMembers_areGivenByTheEndThatCameFirst() {
    // Both ends read every member (1 to 5) before either handed a block over.
    MeetingEnds ends = new MeetingEnds();
    long[] fromBottom = {1, 2, 2, 3, 4, 5};
    long[] fromTop = {5, 4, 3, 2, 2, 1};
    assertThat(ends.take(End.TOP, fromTop, fromTop.length)).isEqualTo(6);
    assertThat(ends.take(End.BOTTOM, fromBottom, fromBottom.length)).isZero();
  }

  @Test
  void theEndsMeetBetweenMembers() {
    MeetingEnds ends = new MeetingEnds();
    assertThat(ends.take(End.BOTTOM, new long[] {1, 2, 2, 3}, 4)).isEqualTo(4);
    assertThat(ends.wants(End.TOP, 3)).isFalse();
    assertThat(ends.wants(End.TOP, 4)).isTrue();
    // The top read down to 2 before the bottom's block arrived: it gives 6 to 4 and stops at 3.
    assertThat(ends.take(End.TOP, new long[] {6, 5, 4, 3, 2}, 5)).isEqualTo(3);
    assertThat(ends.wants(End.BOTTOM, 3)).isTrue();
    assertThat(ends.wants(End.BOTTOM, 4)).isFalse();
  }

  @Test
  void aMemberSplitAcrossBlocks_isGivenWholeByTheEndThatStartedIt() {
    MeetingEnds ends = new MeetingEnds();
    // Member 7's connections straddle two of the bottom's blocks.
    assertThat(ends.take(End.BOTTOM, new long[] {6, 7, 7}, 3)).isEqualTo(3);
    // The top reached 7 too, but 7 is the bottom's: it stops before it.
    assertThat(ends.take(End.TOP, new long[] {9, 8, 7, 7, 7}, 5)).isEqualTo(2);
    // The rest of 7 still comes from the bottom, which then meets the top at 8.
    assertThat(ends.take(End.BOTTOM, new long[] {7, 7, 8}, 3)).isEqualTo(2);
  }

  @Test
  void oneEndAlone_readsEverything_andTheOtherNothing() {
    MeetingEnds ends = new MeetingEnds();
    assertThat(ends.take(End.BOTTOM, new long[] {1, 2, 3}, 3)).isEqualTo(3);
    assertThat(ends.wants(End.TOP, 3)).isFalse();
    assertThat(ends.take(End.TOP, new long[] {3}, 1)).isZero();
  }

  @Test
  void rangesOfTheirOwn_areGivenWhole() {
    MeetingEnds ends = new MeetingEnds();
    ends.take(End.BOTTOM, new long[] {5}, 1);
    assertThat(ends.take(End.NONE, new long[] {9, 1, 5}, 3)).isEqualTo(3);
    assertThat(ends.wants(End.NONE, 1)).isTrue();
  }
}
