package dev.rapport.store;

import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Decided;
import dev.rapport.problem.RuleBrokenException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * {@link Store#run} for backends with concurrent writers: decide on state read without locks, then
 * commit with the member versions read as preconditions; when another commit got there first,
 * decide again on fresh state. Caps and quotas hold without holding locks while deciding.
 */
public final class OptimisticRun {
  private static final int MAX_ATTEMPTS = 200;

  private OptimisticRun() {}

  /**
   * Runs the command until its commit applies, backing off with jitter between attempts so that
   * contenders for one member spread out.
   *
   * @param commit applies a commit if its preconditions hold, durably
   * @throws RuleBrokenException {@code concurrent-update} after 200 conflicts in a row
   */
  public static <D extends Decided> D run(StoreReads reads, Function<Commit, CommitOutcome> commit,
      Command<D> command) {
    for (int attempt = 1; ; attempt++) {
      D decided = command.decide(reads);
      Commit wanted = decided.commit();
      if (wanted.isEmpty() || !(commit.apply(wanted) instanceof CommitOutcome.Conflict conflict)) {
        return decided;
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new RuleBrokenException("concurrent-update",
            "gave up after %d attempts, others kept changing the same members (%s); try again"
                .formatted(attempt, conflict.reason()));
      }
      LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000L << Math.min(attempt, 10)));
    }
  }
}
