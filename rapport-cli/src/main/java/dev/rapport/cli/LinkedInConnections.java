package dev.rapport.cli;

import dev.rapport.importing.NetworkImport;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.problem.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * LinkedIn's export of one member's connections ({@code Connections.csv}, from "Get a copy of your
 * data"): a few lines of notes, then the header {@code First Name,Last Name,URL,Email Address,
 * Company,Position,Connected On} and one connection per row. Columns are found by name.
 *
 * <p>Each row is a person connected to the importing member. Their handle comes from the profile
 * URL ({@code https://www.linkedin.com/in/<slug>}): accents dropped, lower case, anything but
 * {@code a-z} and {@code 0-9} a hyphen, at most 40 characters. A URL with no usable slug falls
 * back to the name ({@code first-last}), and a name that gives too little to a stable {@code li-}
 * followed by eight hex digits of a hash. The same row therefore always gives the same handle, and
 * a handle that is taken is taken to be the same person. The name is the row's, the headline
 * "Position at Company"; the email address is not kept (it was shared with the member, not with
 * this network). "Connected On" ({@code 05 Jan 2024}) dates the connection; a row without one is
 * connected at the import, and one whose date does not parse stops the import at its line.
 * Rows with neither a name nor a URL name nobody and are skipped.
 */
final class LinkedInConnections {
  static final String SKIPPED_NOBODY = "without a name or profile URL";
  private static final int MIN_HANDLE = 3;
  private static final int MAX_HANDLE = 40;
  private static final List<String> REQUIRED = List.of("first name", "last name", "url");
  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
      DateTimeFormatter.ISO_LOCAL_DATE);
  /** Letters that Unicode does not decompose into a base letter and an accent. */
  private static final Map<String, String> SPELLED_OUT = Map.of(
      "ß", "ss", "æ", "ae", "ø", "o", "œ", "oe", "ł", "l", "đ", "d", "þ", "th", "ı", "i");

  private LinkedInConnections() {}

  /**
   * Reads the files as connections of {@code member}, who must exist before the import runs (the
   * caller checks; the member's entry here only names the handle).
   *
   * @throws IllegalArgumentException naming the file, and the line where there is one, of the first problem
   */
  static ImportSource read(List<Path> files, Handle member) {
    NetworkImport network = new NetworkImport();
    int importer = network.person(NewMember.person(member.value(), member.value()));
    int nobody = 0;
    for (Path file : files) {
      List<CsvRecords.Record> records = CsvRecords.read(file);
      int header = 0;
      while (header < records.size() && !isHeader(records.get(header))) {
        header++;
      }
      if (header == records.size()) {
        throw ImportFiles.malformed(file,
            "no header line 'First Name,Last Name,URL,...'; is it LinkedIn's Connections.csv?");
      }
      Columns columns = new Columns(records.get(header).fields());
      for (CsvRecords.Record record : records.subList(header + 1, records.size())) {
        if (record.isBlank()) {
          continue;
        }
        if (record.fields().size() != columns.count()) {
          throw ImportFiles.malformedAt(file, record.line(),
              "has %d fields, the header %d (a comma inside a field needs the field in double quotes)"
                  .formatted(record.fields().size(), columns.count()));
        }
        Optional<NewMember> person;
        try {
          person = person(columns, record.fields());
        } catch (InvalidInputException e) {
          throw ImportFiles.malformedAt(file, record.line(), e.getMessage());
        }
        if (person.isEmpty()) {
          nobody++;
          continue;
        }
        Optional<String> connectedOn = columns.value(record.fields(), "connected on");
        Optional<Instant> since = connectedOn.flatMap(LinkedInConnections::date);
        if (connectedOn.isPresent() && since.isEmpty()) {
          throw ImportFiles.malformedAt(file, record.line(), "'Connected On' is %s, not a date like 05 Jan 2024"
              .formatted(ImportFiles.quoted(connectedOn.get())));
        }
        int index = network.person(person.get());
        if (since.isPresent()) {
          network.connect(importer, index, since.get());
        } else {
          network.connect(importer, index);
        }
      }
    }
    return new ImportSource(network, nobody == 0 ? Map.of() : Map.of(SKIPPED_NOBODY, nobody), List.of());
  }

  private static boolean isHeader(CsvRecords.Record record) {
    return record.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList().containsAll(REQUIRED);
  }

  /** The header's columns by lower-case name. */
  private record Columns(Map<String, Integer> byName, int count) {
    Columns(List<String> header) {
      this(indexes(header), header.size());
    }

    private static Map<String, Integer> indexes(List<String> header) {
      Map<String, Integer> byName = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        byName.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
      }
      return byName;
    }

    /** The stripped value of a column, empty when the column is missing or blank. */
    Optional<String> value(List<String> fields, String column) {
      Integer index = byName.get(column);
      return index == null ? Optional.empty() : Optional.of(fields.get(index).strip()).filter(v -> !v.isEmpty());
    }
  }

  private static Optional<NewMember> person(Columns columns, List<String> fields) {
    String first = columns.value(fields, "first name").orElse("");
    String last = columns.value(fields, "last name").orElse("");
    Optional<String> url = columns.value(fields, "url");
    String name = (first + " " + last).strip();
    if (name.isEmpty() && url.isEmpty()) {
      return Optional.empty();
    }
    String handle = url.flatMap(LinkedInConnections::slug).flatMap(LinkedInConnections::handleFrom)
        .or(() -> handleFrom(first + " " + last))
        .orElseGet(() -> hashedHandle(url.orElse(name)));
    Optional<String> position = columns.value(fields, "position");
    Optional<String> company = columns.value(fields, "company");
    String headline = position.isPresent() && company.isPresent() ? position.get() + " at " + company.get()
        : position.or(() -> company).orElse("");
    return Optional.of(new NewMember(Handle.of(handle), MemberKind.PERSON,
        ProfileText.fit(name.isEmpty() ? handle : name, NewMember.MAX_NAME),
        ProfileText.fit(headline, NewMember.MAX_HEADLINE), Optional.empty(), Optional.empty()));
  }

  /** The slug of a profile URL ({@code .../in/<slug>/...}), percent-decoded, if it has one. */
  static Optional<String> slug(String url) {
    int in = url.toLowerCase(Locale.ROOT).indexOf("/in/");
    if (in < 0) {
      return Optional.empty();
    }
    String rest = url.substring(in + 4);
    int end = 0;
    while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    String slug = rest.substring(0, end);
    try {
      slug = URLDecoder.decode(slug.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedEscape) {
      // Keep it as written: the hyphens that replace '%' still give a stable handle.
    }
    return Optional.of(slug).filter(s -> !s.isBlank());
  }

  /** A valid handle made of the text (M1), if the text gives enough letters and digits for one. */
  static Optional<String> handleFrom(String text) {
    String lower = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> letter : SPELLED_OUT.entrySet()) {
      lower = lower.replace(letter.getKey(), letter.getValue());
    }
    String handle = lower.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (handle.length() > MAX_HANDLE) {
      handle = handle.substring(0, MAX_HANDLE).replaceAll("-+$", "");
    }
    return handle.length() >= MIN_HANDLE ? Optional.of(handle) : Optional.empty();
  }

  /** A handle for a row that gives no usable letters: stable, so that importing again finds it. */
  static String hashedHandle(String seed) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return "li-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Optional<Instant> date(String value) {
    for (DateTimeFormatter format : DATES) {
      try {
        return Optional.of(LocalDate.parse(value, format).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException tryTheNext) {
        // LinkedIn has written dates more than one way.
      }
    }
    return Optional.empty();
  }
}
