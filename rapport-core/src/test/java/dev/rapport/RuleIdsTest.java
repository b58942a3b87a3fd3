package dev.rapport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule id of PRODUCT.md that the code implements has at least one fast test, a test method of
 * this module whose name starts with the id and an underscore. The store contract suites, which
 * run in the store modules, do not count.
 */
class RuleIdsTest {
  /** The ids with code behind them. Accounts and X3 have none yet. */
  static final List<String> IMPLEMENTED = List.of(
      "M1", "M2", "M3",
      "F1", "F2", "F3", "F4", "F5", "F6", "F7",
      "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11",
      "L1", "L2", "L3", "L4", "L5", "L6",
      "B1", "B2", "B3", "P1", "P2", "P3", "P4", "P5",
      "N1", "N2", "N3", "N4",
      "PR1", "CP1", "E1", "E2", "NT1", "X1", "X2",
      "MS1", "MS2", "MS3", "MS4");

  private static final Pattern RULE_PREFIX = Pattern.compile("^([A-Z]+[0-9]+)_.*");

  @Test
  void everyImplementedRuleId_hasATest() throws Exception {
    assertThat(missing(IMPLEMENTED, testMethodNames())).as("rule ids without a test named <id>_...").isEmpty();
  }

  @Test
  void everyTestNamedAfterARule_namesAnImplementedOne() throws Exception {
    Set<String> unknown = new TreeSet<>();
    for (String name : testMethodNames()) {
      var m = RULE_PREFIX.matcher(name);
      if (m.matches() && !IMPLEMENTED.contains(m.group(1))) {
        unknown.add(name);
      }
    }
    assertThat(unknown).as("tests named after an id missing from IMPLEMENTED").isEmpty();
  }

  @Test
  void anIdWithoutATest_isReported() throws Exception {
    assertThat(missing(List.of("C4", "Z9"), testMethodNames())).containsExactly("Z9");
  }

  static List<String> missing(List<String> ids, List<String> methodNames) {
    return ids.stream().filter(id -> methodNames.stream().noneMatch(n -> n.startsWith(id + "_"))).toList();
  }

  /** The names of the test methods of this module's test classes, contract suites left out. */
  static List<String> testMethodNames() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(RuleIdsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> classNames;
    try (Stream<Path> files = Files.walk(root)) {
      classNames = files.map(root::relativize).map(Path::toString)
          .filter(p -> p.endsWith(".class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .filter(n -> !n.contains("Contract"))
          .toList();
    }
    List<String> names = new ArrayList<>();
    ClassLoader loader = RuleIdsTest.class.getClassLoader();
    for (String className : classNames) {
      Class<?> type = Class.forName(className, false, loader);
      for (Method method : type.getDeclaredMethods()) {
        if (Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType() == Test.class)) {
          names.add(method.getName());
        }
      }
    }
    return names;
  }
}
