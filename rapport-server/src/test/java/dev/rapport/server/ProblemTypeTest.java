package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The problem table is complete and true: every slug the code can answer with is in it, with the
 * status the code answers it with, and nothing else is. Read from the main sources of every module.
 */
class ProblemTypeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Map<String, Integer> FAMILY_STATUS = Map.of(
      "InvalidInput", 400, "NotFound", 404, "Forbidden", 403, "RuleBroken", 409, "LimitReached", 429);
  private static final Pattern ENGINE = Pattern.compile(
      "new (InvalidInput|NotFound|Forbidden|RuleBroken|LimitReached)Exception\\(\\s*\"([a-z-]+)\"");
  private static final Pattern EDGE = Pattern.compile(
      "(?:new ProblemException|new Problem)\\(\\s*(\\d{3}),\\s*\"([a-z-]+)\"|case (\\d{3}) -> \"([a-z-]+)\"");
  private static final Pattern FIELD = Pattern.compile("ProblemException\\.field\\(\\s*\"([a-z-]+)\"");
  /** Text the engine refuses names its problem last: {@code Text.line(value, "name", "invalid-name")}. */
  private static final Pattern TEXT = Pattern.compile("Text\\.lines?\\([^;]*?,\\s*\"([a-z-]+)\"\\)");

  @Test
  void everySlugInTheCode_isInTheTableWithItsStatus_andNoOtherIs() {
    Map<String, Integer> answered = new HashMap<>();
    for (String source : mainSources()) {
      Matcher engine = ENGINE.matcher(source);
      while (engine.find()) {
        answered.put(engine.group(2), FAMILY_STATUS.get(engine.group(1)));
      }
      Matcher edge = EDGE.matcher(source);
      while (edge.find()) {
        boolean constructed = edge.group(1) != null;
        answered.put(constructed ? edge.group(2) : edge.group(4),
            Integer.parseInt(constructed ? edge.group(1) : edge.group(3)));
      }
      Matcher field = FIELD.matcher(source);
      while (field.find()) {
        answered.put(field.group(1), 400);
      }
      Matcher text = TEXT.matcher(source);
      while (text.find()) {
        answered.put(text.group(1), 400);
      }
    }
    Map<String, Integer> table = Arrays.stream(ProblemType.values())
        .collect(Collectors.toMap(ProblemType::slug, ProblemType::status));

    assertThat(answered).hasSizeGreaterThan(40);
    assertThat(table).containsExactlyInAnyOrderEntriesOf(answered);
  }

  @Test
  void ruleIds_lookLikeTheProductsIds() {
    assertThat(ProblemType.values()).allSatisfy(t -> assertThat(t.rule()).matches("|[A-Z]{1,2}[0-9]{1,2}"));
    assertThat(ProblemType.of("weekly-invitation-limit")).map(ProblemType::rule).contains("L2");
  }

  private static String[] mainSources() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/rapport-bench"))
          .map(ProblemTypeTest::read)
          .toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
