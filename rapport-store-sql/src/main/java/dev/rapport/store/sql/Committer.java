package dev.rapport.store.sql;

import dev.rapport.store.Commit;
import dev.rapport.store.CommitOutcome;

/** How a backend applies commits: its own concurrency control behind {@link dev.rapport.store.Store#commit}. */
interface Committer extends AutoCloseable {

  /** @throws dev.rapport.store.StoreUnavailableException if the database fails or the store is closed */
  CommitOutcome commit(Commit commit);

  /** Finishes the commits already accepted, then refuses new ones. */
  @Override
  void close();
}
