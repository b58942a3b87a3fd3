package dev.rapport.store;

import java.util.List;

/**
 * A copy of the graph index kept in the store, so that a start restores the index instead of
 * rebuilding it from every connection (see {@code dev.rapport.network.Network}). The store keeps
 * its parts as they are, in order, and never reads them: their format is the index's own. Derived
 * data: losing it costs a slower start, nothing else.
 *
 * @param position the log position the copy reflects: every event up to it. Replaying the events
 *     after it gives the index of any later moment, as for {@link StoreReads#forEachConnection}.
 * @param parts the copy's bytes, in parts of a few megabytes
 */
public record SavedIndex(long position, List<byte[]> parts) {
  public SavedIndex {
    parts = List.copyOf(parts);
  }
}
