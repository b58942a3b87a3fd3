package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.sql.Dialect.Part;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parts the index's load reads the connections table in: together, every value exactly once. */
class DialectPartsTest {

  @ParameterizedTest(name = "{0}..{1} in {2}")
  @CsvSource({
      "1000, 5038, 8", // member ids of ego-Facebook
      "0, 0, 8", // an empty table
      "7, 9, 8", // fewer values than parts
      "0, 1135, 8", // the blocks of a table
      "1, 9223372036854775807, 8", // ids up to the largest
      "9223372036854775804, 9223372036854775807, 8", // a few ids at the very top
      "-5, 5, 3"})
  void theParts_coverFloorToCeiling_withoutGapOrOverlap(long low, long high, int count) {
    List<Part> parts = Part.cut(low, high, count, Long.MIN_VALUE, Long.MAX_VALUE);
    assertThat(parts).hasSizeBetween(1, count);
    assertThat(parts.getFirst().first()).isEqualTo(Long.MIN_VALUE);
    assertThat(parts.getLast().last()).isEqualTo(Long.MAX_VALUE);
    for (int i = 1; i < parts.size(); i++) {
      assertThat(parts.get(i).first()).as("part %d starts where %d ends", i, i - 1)
          .isEqualTo(parts.get(i - 1).last() + 1);
      assertThat(parts.get(i).last()).isGreaterThanOrEqualTo(parts.get(i).first());
    }
  }

  @ParameterizedTest(name = "{0}..{1}")
  @CsvSource({"1000, 5038", "0, 1135", "0, 7"})
  void theParts_shareTheRangeAboutEvenly(long low, long high) {
    List<Part> parts = Part.cut(low, high, 8, low, high);
    assertThat(parts).hasSize(8);
    long width = (high - low) / 8 + 1;
    for (Part part : parts.subList(0, 7)) {
      assertThat(part.last() - part.first() + 1).isEqualTo(width);
    }
  }
}
