package dev.rapport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files of an import as the user named them: whether they can be read, and one-line failures
 * that name the file and, where it helps, the line.
 */
final class ImportFiles {
  private ImportFiles() {}

  /** @throws UncheckedIOException if the file is missing, a directory, or not readable */
  static void requireReadable(Path file) {
    if (Files.isDirectory(file)) {
      throw unreadable(file, new IOException("it is a directory"));
    }
    if (!Files.exists(file)) {
      throw unreadable(file, new NoSuchFileException(file.toString()));
    }
    if (!Files.isReadable(file)) {
      throw unreadable(file, new AccessDeniedException(file.toString()));
    }
  }

  /** A line that is not what the format says, e.g. {@code edges.txt:12: ...}. */
  static IllegalArgumentException malformedAt(Path file, long line, String problem) {
    return new IllegalArgumentException("%s:%d: %s".formatted(file, line, problem));
  }

  /** A file that is not what the format says as a whole. */
  static IllegalArgumentException malformed(Path file, String problem) {
    return new IllegalArgumentException("%s: %s".formatted(file, problem));
  }

  /** A file that cannot be read, with the reason in words rather than an exception's class name. */
  static UncheckedIOException unreadable(Path file, IOException e) {
    String reason = switch (e) {
      case NoSuchFileException _ -> "no such file";
      case AccessDeniedException _ -> "permission denied";
      case CharacterCodingException _ -> "it is not UTF-8 text";
      default -> e.getMessage();
    };
    return new UncheckedIOException("cannot read %s: %s".formatted(file, reason), e);
  }

  /** The text shown for a line in a message: shortened, so that a binary file gives one short line. */
  static String quoted(String line) {
    String shown = line.length() > 60 ? line.substring(0, 57) + "..." : line;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
