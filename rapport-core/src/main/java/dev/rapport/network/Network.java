package dev.rapport.network;

import dev.rapport.copy.CopyParts;
import dev.rapport.kernel.Event;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The graph index kept in step with a store (DESIGN decisions 4 and 5): loaded at start, then fed
 * by the event log from the position the load reflects. Every read first applies whatever the log
 * has gained, so it reflects every write committed before it began, by this process or any other
 * sharing the store.
 *
 * <p>A start restores the index from a copy the store keeps, when it has one that reads back
 * whole, and replays the log's events since; otherwise it rebuilds the index from every connection
 * and saves a copy for the next start (docs/decisions/0005). The copy is saved again on {@link
 * #save}, which the server calls at a clean shutdown.
 *
 * <p>A reader may instead accept an index that read the log a moment ago ({@link #recent}), which
 * spares the busiest routes a query of the log each. An observer given at load sees each event as
 * it is applied, before {@link #position} covers it.
 *
 * <p>One thread at a time applies the log; a reader that finds the log already applied does not
 * wait. Readers get the index as {@link NetworkReads}, without its writes. The index's rows are
 * compacted, and a large build's second half is filled, by the {@link Executor} the network is
 * given. Thread safe.
 */
public final class Network implements IndexStatistics {
  private static final System.Logger LOG = System.getLogger(Network.class.getName());
  private static final int EVENTS_PER_READ = 1_000;
  /**
   * Replaying an event costs the index many times what a rebuild spends on a connection, as each
   * connect copies two lists (docs/decisions/0005). So a copy further behind the log than a
   * sixteenth of the index's connections is not replayed, but rebuilt...
   */
  private static final long CONNECTIONS_PER_REPLAYED_EVENT = 16;
  /** ... unless it is this few events behind, which either way takes a few tens of milliseconds. */
  private static final long REPLAY_AT_LEAST = 10_000;

  private final Store store;
  private final GraphIndex index;
  /** Where compactions are built. */
  private final Executor background;
  private final boolean restored;
  private final Consumer<Event> observer;
  private final ReentrantLock applying = new ReentrantLock();
  private volatile long position;
  /** When the log was last read, by {@link System#nanoTime}: as of then, every event was applied. */
  private volatile long readAt = System.nanoTime();
  /** The position of the copy this process last saved or restored: no need to save it again. */
  private volatile long savedAt = -1;
  private final AtomicLong compactions = new AtomicLong();

  private Network(Store store, GraphIndex index, Executor background, long position, boolean restored,
      Consumer<Event> observer) {
    this.store = store;
    this.observer = observer;
    this.index = index;
    this.background = background;
    this.position = position;
    this.restored = restored;
  }

  /**
   * Loads the index: from the copy the store keeps, with the events since, if it reads back whole
   * and the log has not gone far past it; otherwise by rebuilding it from every connection
   * ({@link #rebuild}) and saving a copy. Linear in the connections either way.
   *
   * @param background runs the index's background work: half of a large rebuild, and each
   *     compaction of its rows. {@code Runnable::run} runs it on the calling thread (for tests)
   */
  public static Network load(Store store, Executor background) {
    return load(store, background, event -> { });
  }

  /**
   * As {@link #load(Store, Executor)}, showing the observer each event applied from then on, in log
   * order, on the thread that applies it and before {@link #position} covers it.
   */
  public static Network load(Store store, Executor background, Consumer<Event> observer) {
    long started = System.nanoTime();
    Optional<SavedIndex> saved = store.savedIndex();
    if (saved.isPresent()) {
      Network network = restore(store, saved.get(), background, observer);
      if (network != null) {
        LOG.log(System.Logger.Level.INFO, "graph index restored: {0} connections, {1} events after the copy, in {2} ms",
            network.index.connectionCount(), network.position - saved.get().position(), millisSince(started));
        return network;
      }
    }
    Network network = rebuild(store, background, observer);
    if (network.index.connectionCount() == 0) {
      return network; // a copy of nothing would save the next start nothing
    }
    long rebuildMillis = millisSince(started);
    long rebuilt = System.nanoTime();
    try {
      network.save();
    } catch (RuntimeException e) {
      // The index is whole; only the next start will be slower.
      LOG.log(System.Logger.Level.WARNING, "could not save a copy of the graph index: {0}", e.toString());
    }
    LOG.log(System.Logger.Level.INFO, "graph index rebuilt from {0} connections in {1} ms, its copy saved in {2} ms",
        network.index.connectionCount(), rebuildMillis, millisSince(rebuilt));
    return network;
  }

  /**
   * Builds the index from every connection of the store, in one snapshot, and saves no copy: how
   * a start without a usable copy loads it. {@code background} is as for {@link #load}.
   */
  public static Network rebuild(Store store, Executor background) {
    return rebuild(store, background, event -> { });
  }

  private static Network rebuild(Store store, Executor background, Consumer<Event> observer) {
    GraphIndexBuilder builder = GraphIndex.builder(background);
    long position = store.forEachConnection(builder::add);
    return new Network(store, builder.build(), background, position, false, observer);
  }

  /** The index from the copy, brought up to date with the log; null if it is not to be used. */
  private static Network restore(Store store, SavedIndex saved, Executor background, Consumer<Event> observer) {
    long last = store.lastPosition();
    if (saved.position() > last) {
      LOG.log(System.Logger.Level.WARNING, "the graph index''s copy is of log position {0}, past the log''s last ({1}); "
          + "rebuilding it", saved.position(), last);
      return null;
    }
    GraphIndex index;
    try {
      index = GraphIndex.restore(saved.parts());
    } catch (CopyParts.Unreadable e) {
      LOG.log(System.Logger.Level.WARNING, "the graph index''s copy cannot be read back ({0}); rebuilding it", e.getMessage());
      return null;
    }
    if (farBehind(last - saved.position(), index)) {
      LOG.log(System.Logger.Level.INFO, "the graph index''s copy is {0} events behind the log; rebuilding it",
          last - saved.position());
      return null;
    }
    Network network = new Network(store, index, background, saved.position(), true, observer);
    network.savedAt = saved.position();
    network.current();
    return network;
  }

  /**
   * Saves a copy of the index in the store, as of the log position it reflects once the log is
   * applied, unless this process saved or restored that very copy. Readers that need the log
   * applied wait while the copy is written out (a few milliseconds per million connections); the
   * store's write comes after.
   *
   * <p>An index far behind the log (as after an import through the store, which applies nothing
   * here) is not brought up to date only to be saved: the next start rebuilds it anyway, faster.
   */
  public void save() {
    if (farBehind(store.lastPosition() - position, index)) {
      return;
    }
    current();
    SavedIndex copy;
    applying.lock();
    try {
      if (position == savedAt) {
        return;
      }
      copy = new SavedIndex(position, index.copy());
    } finally {
      applying.unlock();
    }
    long saving = System.nanoTime();
    store.saveIndex(copy);
    savedAt = copy.position();
    LOG.log(System.Logger.Level.INFO, "graph index copy saved: {0} connections as of log position {1}, in {2} ms",
        index.connectionCount(), copy.position(), millisSince(saving));
  }

  /** Whether replaying so many events would cost more than a rebuild of the index. */
  private static boolean farBehind(long events, GraphIndex index) {
    return events > Math.max(REPLAY_AT_LEAST, index.connectionCount() / CONNECTIONS_PER_REPLAYED_EVENT);
  }

  /** Whether the index was restored from a copy the store kept, rather than rebuilt (for monitoring). */
  public boolean restored() {
    return restored;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /**
   * The index, read-only, with every event the log holds by now applied: one query of the log, and
   * the events' writes if it has gained any.
   */
  public NetworkReads current() {
    long reading = System.nanoTime();
    List<Event> pending = store.eventsAfter(position, EVENTS_PER_READ);
    if (!pending.isEmpty()) {
      apply(pending);
    }
    readAt = reading;
    return index;
  }

  /**
   * The index as {@link #current} gave it at most about {@code maxAge} ago: it reads the log only
   * when its last reading is older than that, and then, if another reader is applying the log
   * already, does not wait for it. So an answer reflects every write committed {@code maxAge} (and
   * the length of one reading) before it began, by this process or another sharing the store.
   */
  public NetworkReads recent(Duration maxAge) {
    if (System.nanoTime() - readAt < maxAge.toNanos() || applying.isLocked()) {
      return index;
    }
    return current();
  }

  /** How many compactions of the index have been put in place since it loaded (for monitoring). */
  @Override
  public long compactions() {
    return compactions.get();
  }

  @Override
  public int members() {
    return index.size();
  }

  @Override
  public long connections() {
    return index.connectionCount();
  }

  @Override
  public int overlaidMembers() {
    return index.overlaid();
  }

  @Override
  public long eventsBehind() {
    return Math.max(0, store.lastPosition() - position);
  }

  @Override
  public long footprintBytes() {
    return index.footprintBytes();
  }

  /** The log position the index reflects. */
  public long position() {
    return position;
  }

  /**
   * Rebuilds the index's rows on the background executor: on a large graph that is a copy of
   * hundreds of megabytes, which a reader that happened to apply the log must not wait for. Called
   * with {@code applying} held; finishes by taking it again, which an executor that runs the work
   * at once, on this thread, may do as the lock is reentrant.
   */
  private void compactInBackground() {
    Compaction compaction = index.beginCompaction();
    try {
      background.execute(() -> {
        try {
          compaction.build();
        } finally {
          applying.lock();
          try {
            index.finishCompaction(compaction); // drops it if the build failed
            compactions.incrementAndGet();
          } finally {
            applying.unlock();
          }
        }
      });
    } catch (RejectedExecutionException e) {
      // Dropped unbuilt, so that a later batch of events may ask again.
      index.finishCompaction(compaction);
      LOG.log(System.Logger.Level.WARNING, "the graph index''s compaction was refused by its executor: {0}", e.toString());
    }
  }

  private void apply(List<Event> first) {
    applying.lock();
    try {
      List<Event> events = first;
      while (!events.isEmpty()) {
        for (Event event : events) {
          // Another reader may have applied these while this one waited for the lock.
          if (event.seq() <= position) {
            continue;
          }
          observer.accept(event);
          switch (event.type()) {
            case CONNECTED -> index.connect(event.actorId(), event.subjectId());
            case DISCONNECTED -> index.disconnect(event.actorId(), event.subjectId());
            default -> { }
          }
          position = event.seq();
        }
        if (index.wantsCompaction()) {
          compactInBackground();
        }
        events = events.size() < EVENTS_PER_READ ? List.of() : store.eventsAfter(position, EVENTS_PER_READ);
      }
    } finally {
      applying.unlock();
    }
  }
}
