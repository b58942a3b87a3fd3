package dev.rapport.store.sql;

import java.sql.SQLException;

/**
 * Lends one session, always the same, to its owner's thread: how the SQLite writer reads inside its
 * own open transaction, seeing what earlier commands of the batch wrote.
 */
final class SessionReaders implements Readers {
  private final Session session;

  SessionReaders(Session session) {
    this.session = session;
  }

  @Override
  public <T> T read(Work<T> work) {
    try {
      return work.on(session);
    } catch (SQLException e) {
      throw StoreFailure.of("read from SQLite", e);
    }
  }

  /** There is only the one session. */
  @Override
  public boolean lendsTwo() {
    return false;
  }

  /** The session belongs to the writer, which closes it. */
  @Override
  public void close() {}
}
