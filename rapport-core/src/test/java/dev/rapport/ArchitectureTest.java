package dev.rapport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md: plain values and problems at the bottom, the rule kernel above them,
 * the store SPI above the kernel, capabilities above those, and the {@link Rapport} facade on top.
 * That adapters (HTTP, CLI, SQL) call no rule class is checked where they are all on the classpath,
 * in the CLI module.
 */
class ArchitectureTest {
  static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.rapport");

  /** The one package that runs work in the background, logs and times itself: it feeds the graph index. */
  static final String INDEX_FEED = "dev.rapport.network..";

  @Test
  void corePackages_formNoCycle() {
    slices().matching("dev.rapport.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void problemsAndValues_dependOnNothingAbove() {
    noClasses().that().resideInAPackage("dev.rapport.problem..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.model..", "dev.rapport.kernel..")
        .check(CORE);
    classes().that().resideInAPackage("dev.rapport.model..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.rapport.model..", "dev.rapport.problem..", "java..")
        .check(CORE);
  }

  @Test
  void kernel_dependsOnlyOnValuesAndProblems() {
    classes().that().resideInAPackage("dev.rapport.kernel..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "dev.rapport.kernel..", "dev.rapport.model..", "dev.rapport.problem..", "java..")
        .check(CORE);
  }

  /** The SPI sees the kernel's values and effects, never a capability's rules. */
  @Test
  void storeSpi_dependsOnNoRuleClass() {
    classes().that().resideInAPackage("dev.rapport.store..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "dev.rapport.problem..", "dev.rapport.model..", "dev.rapport.kernel..", "dev.rapport.store", "java..")
        .check(CORE);
  }

  @Test
  void capabilities_dependOnlyDownward() {
    noClasses().that().resideOutsideOfPackage("dev.rapport")
        .should().dependOnClassesThat().resideInAPackage("dev.rapport")
        .because("the facade is the top: nothing below it may lean on it")
        .check(CORE);
  }

  @Test
  void core_dependsOnNoAdapterFrameworkOrJdbc() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.sql..", "javax.sql..", "java.net..", "java.io..", "java.nio.file..",
            "io.helidon..", "com.fasterxml..", "org.xerial..", "org.postgresql..", "dev.rapport.server..",
            "dev.rapport.store.sql..", "dev.rapport.cli..")
        .check(CORE);
  }

  /**
   * Time comes from an injected {@link java.time.InstantSource}; only the facade's builder picks the
   * system clock, as the default.
   */
  @Test
  void onlyTheIndexFeed_readsTheSystemClock() {
    noClasses().that().resideOutsideOfPackages(INDEX_FEED)
        .and().doNotHaveFullyQualifiedName("dev.rapport.RapportBuilder")
        .should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.InstantSource.class, "system")
        .orShould().callMethod(java.time.Clock.class, "systemUTC")
        .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
        .check(CORE);
  }

  /** Background work goes through an injected {@link java.util.concurrent.Executor}, so tests run it inline. */
  @Test
  void onlyTheIndexFeed_startsThreadsOrLogs() {
    noClasses().that().resideOutsideOfPackages(INDEX_FEED)
        .should().dependOnClassesThat().belongToAnyOf(Thread.class, Thread.Builder.class,
            java.util.concurrent.Executors.class, java.util.concurrent.ThreadFactory.class, System.Logger.class)
        .orShould().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.slf4j..")
        .check(CORE);
  }
}
