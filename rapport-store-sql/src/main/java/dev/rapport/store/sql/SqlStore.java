package dev.rapport.store.sql;

import dev.rapport.store.Command;
import dev.rapport.store.Commit;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.Store;

/**
 * The store on a SQL database: reads on the sessions of its {@link Readers}, commands and commits
 * through a backend's own {@link Committer}. Thread safe.
 */
final class SqlStore extends SqlReads implements Store {
  private final Readers readers;
  private final Committer committer;

  SqlStore(Dialect dialect, Readers readers, Committer committer) {
    super(dialect, readers);
    this.readers = readers;
    this.committer = committer;
  }

  @Override
  public <D extends Command.Decided> D run(Command<D> command) {
    return committer.run(command, this);
  }

  @Override
  public CommitOutcome commit(Commit commit) {
    return committer.commit(commit);
  }

  @Override
  public void close() {
    try {
      committer.close();
    } finally {
      readers.close();
    }
  }
}
