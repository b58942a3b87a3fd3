package dev.rapport;

import dev.rapport.kernel.IdGenerator;
import dev.rapport.kernel.Policy;
import dev.rapport.kernel.TimeOrderedIds;
import dev.rapport.store.Store;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/** Builds a {@link Rapport}; only the store is required. */
public final class RapportBuilder {
  Store store;
  InstantSource clock = InstantSource.system();
  Policy policy = Policy.defaults();
  IdGenerator ids = new TimeOrderedIds(InstantSource.system());
  Executor executor = ForkJoinPool.commonPool();

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

  public Rapport build() {
    return new Rapport(this);
  }
}
