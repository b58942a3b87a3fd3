package dev.rapport.store.sql;

/**
 * Told of each durable commit and each flush of a store, for monitoring: the seam through which a
 * server counts them without the stores depending on a metrics library. Called on the store's own
 * threads (the SQLite writer's flushers, a PostgreSQL caller), so an implementation must be thread
 * safe and quick: it delays the callers of the commit it is told of.
 */
public interface CommitObserver {
  /**
   * A commit reached the disk.
   *
   * @param requests the commits and commands it holds: SQLite commits a batch of them at once,
   *     PostgreSQL one
   * @param nanos from the start of the commit until it was durable
   */
  void committed(int requests, long nanos);

  /**
   * A flush of SQLite's write-ahead log to the disk ({@code fdatasync}) ended; PostgreSQL flushes
   * on its server, unseen here.
   *
   * @param nanos how long it took
   */
  void flushed(long nanos);

  /** An observer that ignores everything: for stores nobody monitors, such as an import's. */
  static CommitObserver none() {
    return Ignoring.INSTANCE;
  }

  /** The observer {@link #none()} gives. */
  enum Ignoring implements CommitObserver {
    INSTANCE;

    @Override
    public void committed(int requests, long nanos) {}

    @Override
    public void flushed(long nanos) {}
  }
}
