package dev.rapport.store.sql;

import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Decided;
import dev.rapport.store.Command;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.StoreReads;

/**
 * How a backend writes: its own concurrency control behind {@link dev.rapport.store.Store#run} and
 * {@link dev.rapport.store.Store#commit}.
 */
interface Committer extends AutoCloseable {

  /**
   * Runs a command to its commit, as {@link dev.rapport.store.Store#run} describes.
   *
   * @param reads the store's own reads, for a committer that lets commands read there
   * @throws dev.rapport.store.StoreUnavailableException if the database fails or the store is closed
   */
  <D extends Decided> D run(Command<D> command, StoreReads reads);

  /** @throws dev.rapport.store.StoreUnavailableException if the database fails or the store is closed */
  CommitOutcome commit(Commit commit);

  /**
   * Replaces the copy of the graph or feed index kept, as {@link dev.rapport.store.Store#saveIndex}
   * describes, with {@link SavedIndexes#replace}.
   *
   * @throws dev.rapport.store.StoreUnavailableException if the database fails or the store is closed
   */
  void saveIndex(SavedIndexes.Kind kind, SavedIndex index);

  /** Finishes the commits already accepted, then refuses new ones. */
  @Override
  void close();
}
