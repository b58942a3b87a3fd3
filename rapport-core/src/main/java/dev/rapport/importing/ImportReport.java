package dev.rapport.importing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What an import did. Members and connections that already existed are counted apart from those it
 * created; importing the same network again creates nothing.
 *
 * @param invitationsAccepted open invitations between newly connected members, which the import
 *     accepted (C3)
 * @param skipped connections left out, by the rule that refused them
 */
public record ImportReport(
    int membersCreated,
    int membersExisting,
    int connectionsCreated,
    int connectionsExisting,
    int invitationsAccepted,
    Map<SkipReason, Integer> skipped) {

  public ImportReport {
    EnumMap<SkipReason, Integer> copy = new EnumMap<>(SkipReason.class);
    copy.putAll(skipped);
    copy.values().removeIf(count -> count == 0);
    skipped = Collections.unmodifiableMap(copy);
  }

  /** How many connections were left out, for any reason. */
  public int skippedTotal() {
    return skipped.values().stream().mapToInt(Integer::intValue).sum();
  }
}
