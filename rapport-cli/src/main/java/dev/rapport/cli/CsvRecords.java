package dev.rapport.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as RFC 4180 has it: fields separated by commas, any field may be in double quotes,
 * and a quoted field may hold commas, line breaks and doubled quotes (one quote each). A byte order
 * mark at the start is dropped.
 */
final class CsvRecords {
  private CsvRecords() {}

  /** A record and the line it starts on (a quoted line break makes a record span lines). */
  record Record(long line, List<String> fields) {
    boolean isBlank() {
      return fields.size() == 1 && fields.getFirst().isBlank();
    }
  }

  /** @throws IllegalArgumentException naming the line of a quote that is never closed or is misplaced */
  static List<Record> read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<Record> records = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      long line = 1;
      long recordLine = 1;
      long quoteLine = 0;
      boolean quoted = false;
      boolean afterQuote = false;
      int c = in.read();
      if (c == '\uFEFF') {
        c = in.read();
      }
      for (; c != -1; c = in.read()) {
        char ch = (char) c;
        if (quoted) {
          if (ch == '"') {
            in.mark(1);
            if (in.read() == '"') {
              field.append('"');
            } else {
              in.reset();
              quoted = false;
              afterQuote = true;
            }
          } else {
            if (ch == '\n') {
              line++;
            }
            field.append(ch);
          }
        } else if (ch == ',') {
          fields.add(field.toString());
          field.setLength(0);
          afterQuote = false;
        } else if (ch == '\n' || ch == '\r') {
          if (ch == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
              in.reset();
            }
          }
          fields.add(field.toString());
          records.add(new Record(recordLine, List.copyOf(fields)));
          fields.clear();
          field.setLength(0);
          afterQuote = false;
          line++;
          recordLine = line;
        } else if (afterQuote) {
          throw ImportFiles.malformedAt(file, line, "text after the closing quote of a field; a quote inside a "
              + "quoted field is written twice (\"\")");
        } else if (ch == '"' && field.isEmpty()) {
          quoted = true;
          quoteLine = line;
        } else {
          field.append(ch);
        }
      }
      if (quoted) {
        throw ImportFiles.malformedAt(file, quoteLine, "a quoted field is never closed");
      }
      if (!fields.isEmpty() || !field.isEmpty()) {
        fields.add(field.toString());
        records.add(new Record(recordLine, List.copyOf(fields)));
      }
      return records;
    } catch (IOException e) {
      throw ImportFiles.unreadable(file, e);
    }
  }
}
