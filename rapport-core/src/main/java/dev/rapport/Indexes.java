package dev.rapport;

import dev.rapport.feed.FeedIndex;
import dev.rapport.live.LiveStreams;
import dev.rapport.network.IndexStatistics;
import dev.rapport.network.Network;
import dev.rapport.network.NetworkReads;
import dev.rapport.readcache.CachedReads;
import dev.rapport.store.Store;
import dev.rapport.store.StoreReads;
import dev.rapport.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * What {@link Rapport} keeps in memory, all following the store's event log: the graph index, the
 * feed index, the remembered reads and the live streams, with their saved copies. Thread safe.
 */
final class Indexes {
  private final Store store;
  /** Loaded by the time the constructor returns, unless the builder named an executor to load it on. */
  private final CompletableFuture<Network> network;
  /** Follows the log with the graph index; its copy is saved with the graph index's. */
  private final FeedIndex feed;
  /** The store's reads for people's queries, remembered while the log shows them current (docs/decisions/0012). */
  private final CachedReads cached;
  private final LiveStreams live;
  private final Duration logReadEvery;

  Indexes(RapportBuilder builder) {
    this.store = builder.store;
    this.logReadEvery = builder.logReadEvery;
    this.cached = new CachedReads(store, this::connected, builder.cachedMembers, builder.stampBucketBits);
    // The feed index follows the log with the graph index, loaded after it so that it misses no event.
    // It reads a new post through the remembered reads, so followers' next pages find it in memory
    // (docs/decisions/0031-a-post-changes-its-own-answers.md).
    this.feed = new FeedIndex(builder.feedPolicy);
    // The live streams follow the log here too, so that nothing polls the store per stream.
    this.live = new LiveStreams(() -> cached, () -> network().current(), () -> network().position(),
        builder.liveReadEvery, builder.liveStreamsOn);
    Supplier<Network> load = () -> {
      Network loaded = Network.load(store, builder.executor, e -> {
        feed.apply(e, cached.content(), cached::record);
        live.observe(e);
      });
      feed.load(store, builder.clock.instant(), loaded.position());
      return loaded;
    };
    this.network = builder.networkLoader.isEmpty() ? CompletableFuture.completedFuture(load.get())
        : CompletableFuture.supplyAsync(load, builder.networkLoader.get());
  }

  /**
   * The reads for a person's query: from memory where the log allows, after reading the log if it
   * was read longer ago than the builder's {@code logReadEvery}. A command reads the store itself.
   */
  StoreReads reads() {
    network().recent(logReadEvery);
    return cached;
  }

  /** The graph index for a person's query, read as {@link #reads} is. */
  NetworkReads index() {
    return network().recent(logReadEvery);
  }

  boolean connected(long a, long b) {
    return index().connected(a, b);
  }

  /** The graph index, once loaded: a caller that comes while it loads waits for it. */
  Network network() {
    Network loaded = network.getNow(null);
    if (loaded != null) {
      return loaded;
    }
    try {
      return network.join();
    } catch (CompletionException e) {
      throw new StoreUnavailableException("the graph index could not be loaded: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Whether the graph index is loaded, so that a query answers without waiting for it. */
  boolean loaded() {
    return network.isDone() && !network.isCompletedExceptionally();
  }

  Optional<IndexStatistics> statistics() {
    return loaded() ? Optional.of(network.join()) : Optional.empty();
  }

  /** Saves a copy of the graph index and one of the feed index in the store (docs/decisions/0005, 0032). */
  void save() {
    network().save();
    feed.save(store);
  }

  /** The remembered reads without reading the log first: for what reads the log itself. */
  CachedReads cached() {
    return cached;
  }

  FeedIndex feed() {
    return feed;
  }

  LiveStreams live() {
    return live;
  }
}
