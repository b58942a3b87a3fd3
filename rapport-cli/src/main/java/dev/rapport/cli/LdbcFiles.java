package dev.rapport.cli;

import dev.rapport.importing.NetworkImport;
import dev.rapport.member.NewMember;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LDBC SNB data (ldbcouncil.org): pipe-separated files with a header line. Each file is told apart
 * by its header, not its name: a persons file has {@code id}, {@code firstName} and
 * {@code lastName} columns ({@code Person.csv}); a knows file has two person ids first and
 * optionally a {@code creationDate} ({@code Person_knows_Person*.csv}).
 *
 * <p>Person {@code 933} becomes the member {@code p933}, named from the persons file ("Mahinda
 * Perera"), or "Person 933" when no persons file names them. Every person of a persons file is
 * imported, with or without connections. When none is given, {@code Person.csv} beside the knows
 * files is read if it exists: importing again keeps existing members as they are, so names missed
 * on the first import would stay missing. A knows row's {@code creationDate}
 * ({@code yyyyMMddHHmmssSSS} in UTC, epoch milliseconds, or ISO-8601) dates the connection.
 */
final class LdbcFiles {
  private static final Pattern TYPE = Pattern.compile("\\((\\w+)\\)");
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS", Locale.ROOT);
  private static final DateTimeFormatter ISO_WITH_NUMERIC_OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

  private LdbcFiles() {}

  /** A file with its header's column names (the part before any {@code :}). */
  private record Table(Path file, List<String> columns) {
    boolean isPersons() {
      return columns.contains("firstName");
    }
  }

  /** @throws IllegalArgumentException naming the file and line of the first malformed line */
  static ImportSource read(List<Path> files) {
    List<Table> persons = new ArrayList<>();
    List<Table> knows = new ArrayList<>();
    for (Path file : files) {
      Table table = table(file);
      (table.isPersons() ? persons : knows).add(table);
    }
    List<String> notes = new ArrayList<>();
    if (persons.isEmpty() && !knows.isEmpty()) {
      Path beside = knows.getFirst().file().resolveSibling("Person.csv");
      if (Files.isRegularFile(beside)) {
        Table found = table(beside);
        if (found.isPersons()) {
          persons.add(found);
          notes.add("names from " + beside + ", found beside the knows files");
        }
      }
    }
    NetworkImport network = new NetworkImport();
    Map<Long, Integer> people = new HashMap<>();
    // Persons first: the first name given for a handle is the one kept.
    for (Table table : persons) {
      readPersons(table, network, people);
    }
    for (Table table : knows) {
      readKnows(table, network, people);
    }
    return new ImportSource(network, Map.of(), notes);
  }

  static String handle(long id) {
    return id < 10 ? "p0" + id : "p" + id;
  }

  private static Table table(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw ImportFiles.malformed(file, "is empty; an LDBC file starts with a header line");
      }
      List<String> columns = new ArrayList<>();
      for (String column : header.strip().split("\\|", -1)) {
        Matcher type = TYPE.matcher(column);
        while (type.find()) {
          if (!type.group(1).equals("Person")) {
            throw ImportFiles.malformedAt(file, 1, "holds %s ids, not persons; give Person.csv and Person_knows_Person files"
                .formatted(type.group(1)));
          }
        }
        int colon = column.indexOf(':');
        columns.add(colon < 0 ? column : column.substring(0, colon));
      }
      Table table = new Table(file, columns);
      if (!table.isPersons() && columns.size() < 2) {
        throw ImportFiles.malformedAt(file, 1, "expected a header of person ids separated by '|', found "
            + ImportFiles.quoted(header));
      }
      if (table.isPersons() && !(columns.contains("id") && columns.contains("lastName"))) {
        throw ImportFiles.malformedAt(file, 1, "a persons file needs the columns id, firstName and lastName");
      }
      return table;
    } catch (IOException e) {
      throw ImportFiles.unreadable(file, e);
    }
  }

  private static void readPersons(Table table, NetworkImport network, Map<Long, Integer> people) {
    int id = table.columns().indexOf("id");
    int first = table.columns().indexOf("firstName");
    int last = table.columns().indexOf("lastName");
    forEachRow(table, (number, fields) -> {
      long person = parseId(table, number, fields[id]);
      String name = (fields[first].strip() + " " + fields[last].strip()).strip();
      String shown = name.isEmpty() ? "Person " + person : ProfileText.fit(name, NewMember.MAX_NAME);
      people.put(person, network.person(NewMember.person(handle(person), shown)));
    });
  }

  private static void readKnows(Table table, NetworkImport network, Map<Long, Integer> people) {
    int date = table.columns().indexOf("creationDate");
    forEachRow(table, (number, fields) -> {
      int a = person(parseId(table, number, fields[0]), network, people);
      int b = person(parseId(table, number, fields[1]), network, people);
      Optional<Instant> since = date < 0 || fields[date].isBlank()
          ? Optional.empty() : Optional.of(parseDate(table, number, fields[date].strip()));
      if (since.isPresent()) {
        network.connect(a, b, since.get());
      } else {
        network.connect(a, b);
      }
    });
  }

  private static int person(long id, NetworkImport network, Map<Long, Integer> people) {
    return people.computeIfAbsent(id, _ -> network.person(NewMember.person(handle(id), "Person " + id)));
  }

  @FunctionalInterface
  private interface Row {
    void read(long number, String[] fields);
  }

  /** Calls {@code row} with each line after the header, split into exactly the header's columns. */
  private static void forEachRow(Table table, Row row) {
    try (BufferedReader in = Files.newBufferedReader(table.file(), StandardCharsets.UTF_8)) {
      in.readLine();
      long number = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\\|", -1);
        if (fields.length != table.columns().size()) {
          throw ImportFiles.malformedAt(table.file(), number, "has %d fields separated by '|', the header %d: %s"
              .formatted(fields.length, table.columns().size(), ImportFiles.quoted(line)));
        }
        row.read(number, fields);
      }
    } catch (IOException e) {
      throw ImportFiles.unreadable(table.file(), e);
    }
  }

  private static long parseId(Table table, long number, String field) {
    String id = field.strip();
    if (!id.matches("[0-9]{1,18}")) {
      throw ImportFiles.malformedAt(table.file(), number, "%s is not a person id (a non-negative integer)"
          .formatted(ImportFiles.quoted(id)));
    }
    return Long.parseLong(id);
  }

  private static Instant parseDate(Table table, long number, String value) {
    try {
      if (value.matches("[0-9]{17}")) {
        return LocalDateTime.parse(value, COMPACT).toInstant(ZoneOffset.UTC);
      }
      if (value.matches("-?[0-9]{1,16}")) {
        return Instant.ofEpochMilli(Long.parseLong(value));
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException notIso) {
        return OffsetDateTime.parse(value, ISO_WITH_NUMERIC_OFFSET).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw ImportFiles.malformedAt(table.file(), number,
          "creationDate %s is not a date (yyyyMMddHHmmssSSS, epoch milliseconds or ISO-8601)"
              .formatted(ImportFiles.quoted(value)));
    }
  }
}
