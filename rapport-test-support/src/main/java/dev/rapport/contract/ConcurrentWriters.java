package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.problem.RapportException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Writers on threads of their own, released at once, for the concurrency contracts: a refusal the
 * race may bring is a legitimate outcome (the invariants checked afterwards decide), anything else
 * thrown fails the test.
 */
final class ConcurrentWriters {
  /** One writer's step number {@code step}, from 0. */
  @FunctionalInterface
  interface Step {
    void run(int step) throws Exception;
  }

  private ConcurrentWriters() {}

  /** Runs each writer's steps, refusals of any type allowed; asserts that nothing else failed. */
  static void runAtOnce(List<Step> writers, int steps) throws InterruptedException {
    runAtOnce(writers, steps, refused -> true);
  }

  /** Runs each writer's steps; asserts that nothing failed but the refusals {@code expected} accepts. */
  static void runAtOnce(List<Step> writers, int steps, Predicate<RapportException> expected)
      throws InterruptedException {
    ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    for (Step writer : writers) {
      pool.submit(() -> {
        start.await();
        for (int i = 0; i < steps; i++) {
          try {
            writer.run(i);
          } catch (RapportException refused) {
            if (!expected.test(refused)) {
              unexpected.add(refused);
            }
          } catch (Throwable e) {
            unexpected.add(e);
          }
        }
        return null;
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("the writers finish").isTrue();
    assertThat(unexpected).as("failures other than the refusals the race may bring").isEmpty();
  }
}
