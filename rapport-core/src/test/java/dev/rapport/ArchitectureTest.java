package dev.rapport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN decision 2: the rules have no I/O and no framework; time comes from an injected clock. */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.rapport");

  @Test
  void core_dependsOnNoAdapterFrameworkOrJdbc() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.sql..", "javax.sql..", "java.net..", "java.io..", "java.nio.file..",
            "io.helidon..", "com.fasterxml..", "org.xerial..", "org.postgresql..", "dev.rapport.server..",
            "dev.rapport.store.sql..", "dev.rapport.cli..")
        .check(CORE);
  }

  /** Only the facade's builder chooses the system clock as the default; ids are not domain time. */
  @Test
  void rules_neverReadTheSystemClock() {
    noClasses().that().resideOutsideOfPackages("dev.rapport.time", "dev.rapport.store")
        .and().doNotHaveFullyQualifiedName("dev.rapport.Rapport$Builder")
        .should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.InstantSource.class, "system")
        .check(CORE);
  }
}
