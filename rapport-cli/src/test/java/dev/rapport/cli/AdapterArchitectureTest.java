package dev.rapport.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import org.junit.jupiter.api.Test;

/**
 * Adapters (HTTP, CLI, SQL) reach the rules only through the {@code Rapport} facade or the store
 * SPI they implement: a rule called directly would skip the facade's reads, checks and commit.
 * Checked here, the one module that has every adapter on its classpath.
 */
class AdapterArchitectureTest {
  private static final JavaClasses ALL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.rapport");

  /**
   * A rule class decides on the state of a pair or collects effects: it has a method that takes a
   * {@link PairState} or an {@link Effects}. The kernel's own types are not rules.
   */
  private static final DescribedPredicate<JavaClass> RULE_CLASSES = DescribedPredicate.describe("rule classes",
      c -> !c.getPackageName().startsWith("dev.rapport.kernel") && c.getMethods().stream()
          .map(JavaMethod::getRawParameterTypes)
          .anyMatch(types -> types.stream().anyMatch(t -> t.isEquivalentTo(PairState.class)
              || t.isEquivalentTo(Effects.class))));

  @Test
  void adapters_callNoRuleClassDirectly() {
    noClasses().that().resideInAnyPackage("dev.rapport.server..", "dev.rapport.cli..", "dev.rapport.store.sql..")
        .should().dependOnClassesThat(RULE_CLASSES)
        .check(ALL);
  }

  @Test
  void ruleClasses_areFound() {
    // Guards the predicate itself: were it to match nothing, the rule above could never fail.
    org.assertj.core.api.Assertions.assertThat(ALL.that(RULE_CLASSES)).extracting(JavaClass::getSimpleName)
        .contains("Invitations", "Follows", "Blocks", "Members", "InvitationLimits", "Suggestions");
  }
}
