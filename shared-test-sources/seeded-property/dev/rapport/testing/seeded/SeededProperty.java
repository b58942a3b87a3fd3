package dev.rapport.testing.seeded;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Runs a property a given number of tries, each on a random generator of its own, seeded from a
 * base seed, and names the seed of a failing try so that it can be run again exactly.
 *
 * <pre>{@code
 * SeededProperty.tries(500).forAll(random -> ops(random), ops -> { ...assertions... });
 * }</pre>
 *
 * <p>The base seed is new at every run, so that runs keep finding new cases, unless
 * {@code -Drapport.baseSeed=<seed>} fixes it. A failing try throws an {@link AssertionError} that
 * names the try, its seed, the base seed and the sample, with the failure as its cause; with
 * {@code -Drapport.seed=<seed>} every property in the JVM runs that one try alone (pair it with
 * {@code -Dtest=Class#method}). Nothing is shrunk: the sample is printed as generated, a
 * collection one element a line. {@link #eachStep} names the step of a sequence that failed.
 */
public final class SeededProperty {
  /** The system property that runs a single try with the given seed. */
  public static final String SEED = "rapport.seed";

  /** The system property that fixes the base seed of a whole run. */
  public static final String BASE_SEED = "rapport.baseSeed";

  private final int tries;
  private final long baseSeed;
  private final OptionalLong onlySeed;

  private SeededProperty(int tries, long baseSeed, OptionalLong onlySeed) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be at least 1: " + tries);
    }
    this.tries = tries;
    this.baseSeed = baseSeed;
    this.onlySeed = onlySeed;
  }

  /** A property of {@code tries} tries, with the seeds the system properties name, if any. */
  public static SeededProperty tries(int tries) {
    String base = System.getProperty(BASE_SEED);
    String only = System.getProperty(SEED);
    return new SeededProperty(tries, base == null ? new SplittableRandom().nextLong() : Long.parseLong(base.strip()),
        only == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(only.strip())));
  }

  /** {@code tries} tries from this base seed, whatever the system properties say. */
  static SeededProperty of(int tries, long baseSeed) {
    return new SeededProperty(tries, baseSeed, OptionalLong.empty());
  }

  /** The same tries from another base seed. */
  public SeededProperty withBaseSeed(long seed) {
    return new SeededProperty(tries, seed, onlySeed);
  }

  /** A single try with this seed, as {@code -Drapport.seed} runs it. */
  public SeededProperty onlySeed(long seed) {
    return new SeededProperty(tries, baseSeed, OptionalLong.of(seed));
  }

  /** Whether this runs one given seed rather than all the tries (checks over all tries then do not hold). */
  public boolean replaying() {
    return onlySeed.isPresent();
  }

  /**
   * Draws a sample from {@code generator} for each try and checks {@code property} on it; the first
   * try that throws ends the run.
   *
   * @throws AssertionError naming the try, its seed and the sample, caused by the property's failure
   */
  public <T> void forAll(Generator<? extends T> generator, Check<? super T> property) {
    SplittableRandom seeds = new SplittableRandom(baseSeed);
    int runs = onlySeed.isPresent() ? 1 : tries;
    for (int attempt = 1; attempt <= runs; attempt++) {
      long seed = onlySeed.isPresent() ? onlySeed.getAsLong() : seeds.nextLong();
      T sample = null;
      try {
        sample = generator.next(new SplittableRandom(seed));
        property.check(sample);
      } catch (Exception | AssertionError e) {
        throw new AssertionError(String.format(
            "Property failed on try %d of %d with seed %d (base seed %d).%nRun just this try again with -D%s=%d%n"
                + "Sample: %s%nFailure: %s", attempt, runs, seed, baseSeed, SEED, seed, describe(sample), e), e);
      }
    }
  }

  /**
   * Checks each step of a sequence in order; a failure names the step (from 1) and what it was.
   *
   * @throws AssertionError naming the failing step, caused by its failure
   */
  public static <S> void eachStep(List<? extends S> steps, Check<? super S> check) throws Exception {
    for (int i = 0; i < steps.size(); i++) {
      try {
        check.check(steps.get(i));
      } catch (Exception | AssertionError e) {
        throw new AssertionError(String.format("Step %d of %d failed: %s%n%s", i + 1, steps.size(), steps.get(i), e), e);
      }
    }
  }

  private static String describe(Object sample) {
    if (sample instanceof Collection<?> collection && !collection.isEmpty()) {
      StringBuilder lines = new StringBuilder(collection.size() + " elements");
      int i = 0;
      for (Object element : collection) {
        lines.append(String.format("%n  %d. %s", ++i, element));
      }
      return lines.toString();
    }
    return String.valueOf(sample);
  }

  /** Draws a sample from a seeded random generator; the same seed must give the same sample. */
  @FunctionalInterface
  public interface Generator<T> {
    T next(RandomGenerator random);
  }

  /** A check on a sample (or on a step of one) that fails by throwing. */
  @FunctionalInterface
  public interface Check<T> {
    void check(T value) throws Exception;
  }
}
