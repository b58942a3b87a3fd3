package dev.rapport.cli;

import dev.rapport.importing.NetworkImport;
import java.util.List;
import java.util.Map;

/**
 * A network as read from the files, before anything is written: what to import, the rows left out
 * while reading (by why, in a few words), and notes worth printing (such as a file found beside
 * the ones given).
 */
record ImportSource(NetworkImport network, Map<String, Integer> skippedRows, List<String> notes) {
  ImportSource {
    skippedRows = Map.copyOf(skippedRows);
    notes = List.copyOf(notes);
  }
}
