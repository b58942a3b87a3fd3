package dev.rapport.kernel;

import dev.rapport.problem.RapportException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule decided: the effects to commit and then either a result for the caller or a refusal.
 * A refusal may still have effects (L4 records each weekly-limit refusal).
 */
public record Decision<R>(Effects effects, Optional<R> result, Optional<RapportException> refusal)
    implements Decided {
  public Decision {
    Objects.requireNonNull(effects, "effects");
    if (result.isPresent() == refusal.isPresent()) {
      throw new IllegalArgumentException("a decision has a result or a refusal, not both");
    }
  }

  public static <R> Decision<R> apply(Effects effects, R result) {
    return new Decision<>(effects, Optional.of(result), Optional.empty());
  }

  @Override
  public Commit commit() {
    return effects.toCommit();
  }

  /** The same decision with its result transformed. */
  public <U> Decision<U> map(java.util.function.Function<? super R, ? extends U> f) {
    return new Decision<>(effects, result.map(f), refusal);
  }

  /** Refuse after committing the given effects. */
  public static <R> Decision<R> refuse(Effects effects, RapportException refusal) {
    return new Decision<>(effects, Optional.empty(), Optional.of(refusal));
  }
}
