package dev.rapport.network;

import dev.rapport.store.Event;
import dev.rapport.store.StoreReads;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The graph index kept in step with a store (DESIGN decisions 4 and 5): loaded from the store's
 * connections at start, then fed by the event log from the position the load reflects. Every read
 * first applies whatever the log has gained, so it reflects every write committed before it began,
 * by this process or any other sharing the store.
 *
 * <p>One thread at a time applies the log; a reader that finds the log already applied does not
 * wait. The index's rows are compacted in the background. Thread safe.
 */
public final class Network {
  private static final int EVENTS_PER_READ = 1_000;

  private final StoreReads store;
  private final GraphIndex index;
  private final ReentrantLock applying = new ReentrantLock();
  private volatile long position;
  private final AtomicLong compactions = new AtomicLong();

  private Network(StoreReads store, GraphIndex index, long position) {
    this.store = store;
    this.index = index;
    this.position = position;
  }

  /** Loads every connection of the store into a new index. */
  public static Network load(StoreReads store) {
    GraphIndex.Builder builder = new GraphIndex.Builder();
    long position = store.forEachConnection(builder::add);
    return new Network(store, builder.build(), position);
  }

  /** The index, with every event the log holds by now applied. */
  public GraphIndex current() {
    List<Event> pending = store.eventsAfter(position, EVENTS_PER_READ);
    if (!pending.isEmpty()) {
      apply(pending);
    }
    return index;
  }

  /** How many compactions of the index have been put in place since it loaded (for monitoring). */
  public long compactions() {
    return compactions.get();
  }

  /** The log position the index reflects. */
  public long position() {
    return position;
  }

  /**
   * Rebuilds the index's rows on a thread of its own: on a large graph that is a copy of hundreds
   * of megabytes, which a reader that happened to apply the log must not wait for. Called with
   * {@code applying} held; finishes by taking it again.
   */
  private void compactInBackground() {
    GraphIndex.Compaction compaction = index.beginCompaction();
    Thread.ofPlatform().daemon().name("rapport-graph-compaction").start(() -> {
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
