package dev.rapport.store.sql;

import dev.rapport.kernel.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * A commit's changes as runs of one kind, in order. An import's commit is a few long runs (new
 * members, connections, follows), which both backends write many rows per statement; the changes
 * of an ordinary command are a handful of short runs, written one by one.
 */
final class ChangeRuns {
  /** Runs this long, of a kind written in bulk, are written in bulk. */
  static final int BULK_RUN = 64;

  private ChangeRuns() {}

  /** The changes split where the kind changes; the sublists are views of {@code changes}. */
  static List<List<Change>> of(List<Change> changes) {
    List<List<Change>> runs = new ArrayList<>();
    int start = 0;
    while (start < changes.size()) {
      Class<?> kind = changes.get(start).getClass();
      int end = start + 1;
      while (end < changes.size() && changes.get(end).getClass() == kind) {
        end++;
      }
      runs.add(changes.subList(start, end));
      start = end;
    }
    return runs;
  }

  /** Whether the run is long enough, and of a kind, that backends write in bulk. */
  static boolean isBulk(List<Change> run) {
    return run.size() >= BULK_RUN && switch (run.getFirst()) {
      case Change.AddMember _, Change.AddConnection _, Change.AddFollow _ -> true;
      default -> false;
    };
  }

  /** Whether any run of the commit is written in bulk. */
  static boolean anyBulk(List<Change> changes) {
    return of(changes).stream().anyMatch(ChangeRuns::isBulk);
  }
}
