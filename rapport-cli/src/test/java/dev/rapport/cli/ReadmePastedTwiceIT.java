package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through, as a user pastes it: its shell blocks run in bash against the packaged
 * service, twice into the same server, and every command succeeds both times.
 */
class ReadmePastedTwiceIT {
  private static final String ADMIN_TOKEN = "walkthrough-admin-token";
  private static final Path README = Path.of("..", "README.md");

  @TempDir Path dir;

  @Test
  void theWalkthrough_runsAsWritten_andCanBePastedTwice() throws Exception {
    String script = walkthrough();
    Path data = dir.resolve("data");
    try (ServiceProcess service = ServiceProcess.serve(data, ADMIN_TOKEN).awaitHealthy()) {
      // The walk-through's service listens on the default port and keeps its token in ./data.
      String pointed = script
          .replace("API=http://localhost:8080", "API=http://localhost:" + service.port())
          .replace("ADMIN=$(cat data/admin-token)", "ADMIN=" + ADMIN_TOKEN);
      assertThat(pointed).as("the walk-through names the default address and the token file")
          .isNotEqualTo(script);
      for (int paste = 1; paste <= 2; paste++) {
        String output = run(pointed);
        assertThat(output).as("paste %d", paste)
            .contains("\"following\":true")
            .contains("\"connected\":true")
            .contains("\"primary\":\"message\"")
            .contains("/problems/already-connected")
            .doesNotContain("Traceback");
      }
    }
  }

  /** The shell blocks of the section "Walk-through with curl", in order, as one script. */
  private static String walkthrough() throws IOException {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    List<String> script = new ArrayList<>(List.of("set -euo pipefail"));
    boolean inSection = false;
    boolean inBlock = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Walk-through with curl");
      } else if (inSection && line.equals("```sh")) {
        inBlock = true;
      } else if (inBlock && line.equals("```")) {
        inBlock = false;
      } else if (inBlock) {
        script.add(line);
      }
    }
    assertThat(script).as("shell blocks in the README's walk-through").hasSizeGreaterThan(10);
    return String.join("\n", script) + "\n";
  }

  private String run(String script) throws Exception {
    Path file = Files.writeString(dir.resolve("walkthrough.sh"), script, StandardCharsets.UTF_8);
    Path output = dir.resolve("walkthrough.out");
    Process bash = new ProcessBuilder("bash", file.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("the walk-through ends within a minute").isTrue();
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(bash.exitValue()).as("the walk-through's exit status; it printed:%n%s", printed).isZero();
    return printed;
  }
}
