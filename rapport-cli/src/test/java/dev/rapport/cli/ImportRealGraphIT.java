package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rapport.network.Network;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rapport import} on SNAP's ego-Facebook graph from the shared data sets (read where it is,
 * never copied): every one of its 88,234 connections arrives, and importing it again adds nothing.
 * Skipped, saying so, when the data sets are not beside the checkout.
 */
class ImportRealGraphIT {
  private static final String FILE = "facebook_combined.txt";

  @Test
  void egoFacebook_arrivesWhole_andImportingAgainAddsNothing(@TempDir Path tmp) throws IOException {
    Path folder = datasets();
    assumeTrue(folder != null, "the shared data sets are not beside the checkout (looked for ../shared/datasets"
        + " and ../../shared/datasets, or -Drapport.datasets); skipping the ego-Facebook import");
    Path data = tmp.resolve("data");
    String[] command = {"import", "--data-dir", data.toString(), "--format", "snap", folder.resolve(FILE).toString()};

    String first = run(tmp.resolve("first.log"), command);
    assertThat(first).contains("4,039 members created", "88,234 connections created", "0 skipped");
    try (Store store = SqliteStore.open(data.resolve("rapport.db"))) {
      assertThat(Network.load(store, Runnable::run).current().connectionCount()).isEqualTo(88_234);
    }

    String again = run(tmp.resolve("again.log"), command);
    assertThat(again).contains("0 members created", "0 connections created",
        "already there: 4,039 members, 88,234 connections");
    System.out.printf("ImportRealGraphIT: %s%nImportRealGraphIT: %s%n", first.strip(), again.strip());
  }

  private static String run(Path log, String... args) {
    try (ServiceProcess process = ServiceProcess.start(0, log, Map.of(), args)) {
      assertThat(process.exitsWithin(Duration.ofMinutes(3))).as("the import ends").isTrue();
      assertThat(process.process().exitValue()).as(process.output()).isZero();
      return process.output();
    }
  }

  /** The shared data sets folder, or null when it is not there. */
  private static Path datasets() {
    String named = System.getProperty("rapport.datasets");
    for (Path candidate : named != null ? List.of(Path.of(named))
        : List.of(Path.of("..", "shared", "datasets"), Path.of("..", "..", "shared", "datasets"))) {
      if (Files.isRegularFile(candidate.resolve(FILE))) {
        return candidate;
      }
    }
    return null;
  }
}
