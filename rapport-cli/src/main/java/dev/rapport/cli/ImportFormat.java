package dev.rapport.cli;

import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The files {@code rapport import} reads, by the name given to {@code --format}. */
enum ImportFormat {
  /** SNAP edge lists: {@code a b} per line, {@code #} comments. */
  SNAP("snap"),
  /** LDBC SNB {@code Person_knows_Person} files, with {@code Person.csv} for names. */
  LDBC("ldbc"),
  /** LinkedIn's own export of one member's connections, {@code Connections.csv}. */
  LINKEDIN_CSV("linkedin-csv");

  private final String option;

  ImportFormat(String option) {
    this.option = option;
  }

  @Override
  public String toString() {
    return option;
  }

  /** Reads {@code --format}. */
  static final class Converter implements ITypeConverter<ImportFormat> {
    @Override
    public ImportFormat convert(String value) {
      return Arrays.stream(values()).filter(f -> f.option.equals(value)).findFirst()
          .orElseThrow(() -> new TypeConversionException(
              "unknown format '%s'; use one of %s".formatted(value, Names.joined())));
    }
  }

  /** The names {@code --format} takes, for the help. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(ImportFormat::toString).iterator();
    }

    static String joined() {
      return String.join(", ", new Names());
    }
  }
}
