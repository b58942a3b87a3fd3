package dev.rapport.store;

import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Decided;
import java.util.Optional;

/**
 * Where Rapport keeps its state: the SPI every backend implements (DESIGN decision 3). It is shaped
 * by the domain, not by SQL: a command reads what it needs, a rule decides, and the store applies the
 * decision's {@link Commit} atomically, as if nothing else had happened between the reads and the
 * commit. Each backend chooses how it makes that true (see {@link #run}).
 *
 * <p>All methods are thread safe; a failing database is reported as {@link StoreUnavailableException}.
 */
public interface Store extends StoreReads, AutoCloseable {

  /**
   * Runs a command: lets it read the current state and decide, then applies the commit it decided
   * on, atomically and durably, and returns the decision. Either everything the command read still
   * holds when its commit applies, or the command is decided again. A backend may therefore run a
   * command more than once, on any thread; an exception the command throws reaches the caller with
   * nothing applied. An empty commit is not applied.
   *
   * <p>Backends either decide optimistically ({@link OptimisticRun}: read, then commit with the
   * member versions read as preconditions, and decide again on a conflict) or run commands one at a
   * time where their writes are serialised anyway.
   */
  <D extends Decided> D run(Command<D> command);

  /** Applies the commit atomically and durably, or nothing if a precondition no longer holds. */
  CommitOutcome commit(Commit commit);

  /**
   * Keeps a copy of the graph index in place of the one saved before, atomically: a reader finds
   * the one or the other whole. Of two processes sharing the store that save at once, the later
   * one's copy is kept: either reflects a position of the log, and the next start replays what
   * the log has gained since.
   */
  void saveIndex(SavedIndex index);

  /**
   * Keeps a copy of the feed index in place of the one saved before, as {@link #saveIndex} keeps
   * the graph index's: atomically, the later of two savers' copies kept. Its parts are the feed
   * index's own format; the store never reads them.
   */
  void saveFeedIndex(SavedIndex index);

  /** The copy of the feed index saved last ({@link #saveFeedIndex}), if any. */
  Optional<SavedIndex> savedFeedIndex();

  /** Releases connections and files; the store is unusable afterwards. */
  @Override
  void close();
}
