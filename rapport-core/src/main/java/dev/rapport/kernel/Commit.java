package dev.rapport.kernel;

import java.util.List;
import java.util.Map;

/**
 * What a command asks the store to do: apply {@code changes} and append {@code events}, atomically,
 * if and only if every member in {@code expectedVersions} is still at that version. Applying bumps
 * each of those members' versions by one.
 */
public record Commit(Map<Long, Long> expectedVersions, List<Change> changes, List<Event> events) {
  public Commit {
    expectedVersions = Map.copyOf(expectedVersions);
    changes = List.copyOf(changes);
    events = List.copyOf(events);
  }

  public boolean isEmpty() {
    return changes.isEmpty() && events.isEmpty();
  }
}
