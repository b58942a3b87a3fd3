package dev.rapport;

import dev.rapport.feed.FeedPolicy;
import dev.rapport.kernel.IdGenerator;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.store.Store;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/** Builds a {@link Rapport}; only the store is required. */
public final class RapportBuilder {
  Store store;
  InstantSource clock = InstantSource.system();
  Policy policy = Policy.defaults();
  IdGenerator ids = new TimeOrderedIds(InstantSource.system());
  Executor executor = ForkJoinPool.commonPool();
  Optional<Executor> networkLoader = Optional.empty();
  Duration logReadEvery = Duration.ofMillis(100);
  Duration liveReadEvery = Duration.ofMillis(50);
  Optional<Executor> liveStreamsOn = Optional.empty();
  long cachedMembers = 200_000;
  int stampBucketBits = 16;
  FeedPolicy feedPolicy = FeedPolicy.defaults();

  RapportBuilder() {}

  public RapportBuilder store(Store store) {
    this.store = store;
    return this;
  }

  /** Where all rules read the time (default: the system clock). */
  public RapportBuilder clock(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock);
    return this;
  }

  public RapportBuilder policy(Policy policy) {
    this.policy = Objects.requireNonNull(policy);
    return this;
  }

  public RapportBuilder ids(IdGenerator ids) {
    this.ids = Objects.requireNonNull(ids);
    return this;
  }

  /**
   * Where the graph index does its background work (default: {@link ForkJoinPool#commonPool()}):
   * half of a large build at start, and the compactions of its rows while it runs. Tests pass
   * {@code Runnable::run} to run that work on the calling thread, so that it is done when the
   * call that started it returns.
   */
  public RapportBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor);
    return this;
  }

  /**
   * Loads the graph index on this executor, so that {@link #build} returns before it is loaded
   * (default: {@link #build} loads it). Calls that need the index wait until it is; {@link
   * Rapport#networkLoaded} tells when. For a server, so that it can answer its health checks while
   * a large index loads.
   */
  public RapportBuilder loadNetworkOn(Executor loader) {
    this.networkLoader = Optional.of(loader);
    return this;
  }

  /**
   * How stale a query may be about writes made through another {@code Rapport} sharing the store,
   * such as another server's (default 100 ms): the log is read at most this often for queries. A
   * member's own writes through this one show in their next query whatever the setting;
   * {@link Duration#ZERO} reads the log before every query.
   */
  public RapportBuilder logReadEvery(Duration maxAge) {
    return staleness(maxAge);
  }

  /**
   * How often the live streams' follower reads the log while a stream is open (default 50 ms), for
   * what other servers sharing the store wrote: their events reach streams here within about this.
   * Writes through this instance reach them at once.
   */
  public RapportBuilder liveReadEvery(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the live streams' log reading period must be positive: " + period);
    }
    this.liveReadEvery = period;
    return this;
  }

  /**
   * Where the live streams' follower runs (docs/decisions/0036-the-live-stream-follows-the-log.md): a
   * task that lasts until the streams close, so a thread of its own. Without it (the default) no
   * live stream can be opened.
   */
  public RapportBuilder liveStreamsOn(Executor follower) {
    this.liveStreamsOn = Optional.of(follower);
    return this;
  }

  private RapportBuilder staleness(Duration maxAge) {
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("a negative staleness: " + maxAge);
    }
    this.logReadEvery = maxAge;
    return this;
  }

  /**
   * How many members' worth of query answers to remember (default 200,000): a member, a count or
   * the state between two members is one, a page of 20 is 21 (docs/decisions/0012).
   */
  public RapportBuilder cachedMembers(long members) {
    if (members < 0) {
      throw new IllegalArgumentException("a negative cache size: " + members);
    }
    this.cachedMembers = members;
    return this;
  }

  /** The feed's numbers: windows, candidates and weights of {@code top} (default {@link FeedPolicy#defaults}). */
  public RapportBuilder feedPolicy(FeedPolicy policy) {
    this.feedPolicy = Objects.requireNonNull(policy);
    return this;
  }

  public Rapport build() {
    return new Rapport(this);
  }
}
