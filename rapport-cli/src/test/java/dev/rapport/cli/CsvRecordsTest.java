package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 4180 records, with the line each starts on. */
class CsvRecordsTest {
  @TempDir
  Path tmp;

  private List<CsvRecords.Record> read(String text) throws IOException {
    return CsvRecords.read(Files.writeString(tmp.resolve("file.csv"), text, StandardCharsets.UTF_8));
  }

  @Test
  void quotedFields_holdCommasDoubledQuotesAndLineBreaks() throws IOException {
    List<CsvRecords.Record> records = read("\uFEFFa,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,end\nlast");

    assertThat(records).extracting(CsvRecords.Record::fields).containsExactly(
        List.of("a", "b, c", "say \"hi\""),
        List.of("two\nlines", "", "end"),
        List.of("last"));
    assertThat(records).extracting(CsvRecords.Record::line).containsExactly(1L, 2L, 4L);
  }

  @Test
  void anEmptyLine_isABlankRecord() throws IOException {
    List<CsvRecords.Record> records = read("Notes:\n\nx,y\n");

    assertThat(records.get(1).isBlank()).isTrue();
    assertThat(records.get(2).isBlank()).isFalse();
  }

  @Test
  void aQuoteNeverClosed_orTextAfterOne_isMalformed_atItsLine() throws IOException {
    assertThatThrownBy(() -> read("a,b\nc,\"open\nstill open\n")).hasMessageEndingWith(":2: a quoted field is never closed");
    assertThatThrownBy(() -> read("a,b\n\"x\"y,z\n")).hasMessageContaining(":2: text after the closing quote");
  }
}
