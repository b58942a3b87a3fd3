package dev.rapport.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;

/** One line for a file the server cannot use, saying "permission denied" when that is the reason. */
final class FileProblems {
  private FileProblems() {}

  /**
   * For example {@code permission denied: cannot read configuration file rapport.yaml}, or
   * {@code cannot create the data directory data: data exists and is not a directory}.
   *
   * @param action what could not be done, e.g. {@code "create the data directory"}
   */
  static String describe(String action, Path path, IOException failure) {
    if (failure instanceof AccessDeniedException || String.valueOf(failure.getMessage()).contains("Permission denied")) {
      return "permission denied: cannot %s %s".formatted(action, path);
    }
    String reason = failure.getMessage() == null || failure.getMessage().equals(path.toString())
        ? failure.getClass().getSimpleName()
        : failure.getMessage();
    return "cannot %s %s: %s".formatted(action, path, reason);
  }
}
