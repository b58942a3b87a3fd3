package dev.rapport.testing.seeded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededPropertyTest {
  private static final Pattern SEED = Pattern.compile("-Drapport\\.seed=(-?\\d+)");

  @Test
  void aPassingProperty_runsEveryTry() {
    List<Integer> drawn = new ArrayList<>();
    SeededProperty.of(250, 1).forAll(random -> random.nextInt(1_000), drawn::add);
    assertThat(drawn).hasSize(250);
  }

  @Test
  void theSameBaseSeed_drawsTheSameValues_andAnotherOneOthers() {
    assertThat(draws(42)).isEqualTo(draws(42)).isNotEqualTo(draws(43));
  }

  @Test
  void aFailingProperty_namesItsTryAndSeed_andThatSeedAloneFailsTheSameWay() {
    List<List<Integer>> drawn = new ArrayList<>();
    AssertionError failure = catchThrowableOfType(AssertionError.class, () -> SeededProperty.of(1_000, 7)
        .forAll(SeededPropertyTest::threeDigits, sample -> {
          drawn.add(sample);
          assertThat(sample.getFirst()).isLessThan(900);
        }));

    assertThat(failure.getMessage())
        .contains("Property failed on try " + drawn.size() + " of 1000 with seed ")
        .contains("(base seed 7)")
        .contains("Sample: 3 elements")
        .contains("1. " + drawn.getLast().getFirst());
    assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
    Matcher seed = SEED.matcher(failure.getMessage());
    assertThat(seed.find()).isTrue();

    List<List<Integer>> replayed = new ArrayList<>();
    SeededProperty replay = SeededProperty.of(1_000, 99).onlySeed(Long.parseLong(seed.group(1)));
    assertThat(replay.replaying()).isTrue();
    assertThatThrownBy(() -> replay.forAll(SeededPropertyTest::threeDigits, sample -> {
      replayed.add(sample);
      assertThat(sample.getFirst()).isLessThan(900);
    })).hasMessageContaining("try 1 of 1 with seed " + seed.group(1));
    assertThat(replayed).containsExactly(drawn.getLast());
  }

  @Test
  void aFailingStep_isNamedWithItsNumber() {
    assertThatThrownBy(() -> SeededProperty.eachStep(List.of("a", "b", "c"), step -> assertThat(step).isNotEqualTo("b")))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Step 2 of 3 failed: b");
  }

  @Test
  void aGeneratorThatThrows_failsTheTryToo() {
    assertThatThrownBy(() -> SeededProperty.of(3, 5).forAll(random -> {
      throw new IllegalStateException("no sample");
    }, sample -> {}))
        .hasMessageContaining("try 1 of 3")
        .hasMessageContaining("Sample: null")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  private static List<Integer> draws(long baseSeed) {
    List<Integer> drawn = new ArrayList<>();
    SeededProperty.of(100, baseSeed).forAll(random -> random.nextInt(), drawn::add);
    return drawn;
  }

  private static List<Integer> threeDigits(java.util.random.RandomGenerator random) {
    return IntStream.range(0, 3).mapToObj(_ -> random.nextInt(1_000)).toList();
  }
}
