package dev.rapport.store.sql;

import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Decided;
import dev.rapport.store.Command;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.Store;

/**
 * The store on a SQL database: reads on the sessions of its {@link Readers}, commands and commits
 * through a backend's own {@link Committer}. Thread safe.
 */
final class SqlStore extends SqlReads implements Store {
  private final Readers readers;
  private final Committer committer;
  private final Runnable afterClose;

  SqlStore(Dialect dialect, Readers readers, Committer committer) {
    this(dialect, readers, committer, () -> { });
  }

  /** @param afterClose run once the committer and the readers are closed (to release a file lock) */
  SqlStore(Dialect dialect, Readers readers, Committer committer, Runnable afterClose) {
    super(dialect, readers);
    this.readers = readers;
    this.committer = committer;
    this.afterClose = afterClose;
  }

  @Override
  public <D extends Decided> D run(Command<D> command) {
    return committer.run(command, this);
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    return committer.commit(commit);
  }

  @Override
  public void saveIndex(SavedIndex index) {
    committer.saveIndex(index);
  }

  @Override
  public void close() {
    try {
      committer.close();
    } finally {
      try {
        readers.close();
      } finally {
        afterClose.run();
      }
    }
  }
}
