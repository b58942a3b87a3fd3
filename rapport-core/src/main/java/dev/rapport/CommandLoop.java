package dev.rapport;

import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.IdGenerator;
import dev.rapport.store.Store;
import dev.rapport.store.StoreReads;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * How every command runs: it reads the state it needs, a pure rule decides, and the store commits
 * the rule's effects, reading and committing as one atomic step (docs/decisions/0001).
 */
final class CommandLoop {
  /** A rule applied to the state it reads; {@link Store#run} may apply it more than once. */
  @FunctionalInterface
  interface Rule<R> {
    Decision<R> decide(StoreReads reads, Effects effects);
  }

  private final Store store;
  private final InstantSource clock;
  private final IdGenerator ids;
  private final Runnable afterCommit;

  /** {@code afterCommit} runs after every command, committed or refused, before it answers. */
  CommandLoop(Store store, InstantSource clock, IdGenerator ids, Runnable afterCommit) {
    this.store = store;
    this.clock = clock;
    this.ids = ids;
    this.afterCommit = afterCommit;
  }

  /** Decides and commits through the store, then answers with the result or throws the refusal. */
  <R> R run(Rule<R> rule) {
    // Stores keep milliseconds; deciding at that precision makes what is returned equal what is read back.
    Decision<R> decision = store.run(reads -> rule.decide(reads,
        new Effects(clock.instant().truncatedTo(ChronoUnit.MILLIS), ids)));
    afterCommit.run();
    if (decision.refusal().isPresent()) {
      throw decision.refusal().get();
    }
    return decision.result().orElseThrow();
  }
}
