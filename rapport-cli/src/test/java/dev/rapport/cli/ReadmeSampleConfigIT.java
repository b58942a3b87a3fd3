package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's configuration, copied as a new user copies it into a fresh directory: the sample
 * YAML as written does not start; without its token line it listens on loopback only with a token
 * of its own; and no token the README prints is one a server accepts.
 */
class ReadmeSampleConfigIT {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern TOKEN_LITERAL =
      Pattern.compile("(?:RAPPORT_ADMIN_TOKEN=|adminToken:\\s*)([^\\s$'\"#][^\\s'\"]*)");

  @TempDir Path dir;

  @Test
  void theSampleYaml_asWritten_isRefusedAtStart_andCreatesNothing() throws IOException {
    Files.writeString(dir.resolve("rapport.yaml"), sampleYaml(), StandardCharsets.UTF_8);
    int port = ServiceProcess.freePort();

    try (ServiceProcess serve = ServiceProcess.startIn(dir, port, dir.resolve("sample.log"), Map.of(),
        "serve", "--config", "rapport.yaml", "--port", Integer.toString(port))) {
      assertThat(serve.exitsWithin(Duration.ofSeconds(60))).isTrue();
      assertThat(serve.process().exitValue()).isEqualTo(1);
      assertThat(serve.output()).contains("adminToken", "change-me");
    }
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void theSampleYaml_withoutItsTokenLine_listensOnLoopbackOnly_withAGeneratedToken() throws IOException {
    String yaml = sampleYaml().lines().filter(line -> !line.startsWith("adminToken:"))
        .reduce("", (all, line) -> all + line + "\n");
    Files.writeString(dir.resolve("rapport.yaml"), yaml, StandardCharsets.UTF_8);
    int port = ServiceProcess.freePort();

    try (ServiceProcess serve = ServiceProcess.startIn(dir, port, dir.resolve("sample.log"), Map.of(),
        "serve", "--config", "rapport.yaml", "--port", Integer.toString(port)).awaitHealthy()) {
      assertThat(serve.output()).contains("serves on port " + port + " of 127.0.0.1");
      Path tokenFile = dir.resolve("data").resolve("admin-token");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
      String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
      assertThat(token).hasSizeGreaterThanOrEqualTo(32);
      assertThat(readme()).doesNotContain(token);
      Optional<InetAddress> external = ServiceProcess.externalAddress();
      assumeTrue(external.isPresent(), "this machine has no address but loopback");
      assertThat(ServiceProcess.accepts(external.get(), port)).as("reachable from %s", external.get()).isFalse();
    }
  }

  @Test
  void everyTokenTheReadmePrints_isRefusedAtStart() throws IOException {
    List<String> literals = new ArrayList<>();
    Matcher matcher = TOKEN_LITERAL.matcher(readme());
    while (matcher.find()) {
      literals.add(matcher.group(1));
    }
    assertThat(literals).as("the sample YAML's token, at least").isNotEmpty();

    for (String literal : literals) {
      int port = ServiceProcess.freePort();
      try (ServiceProcess serve = ServiceProcess.startIn(dir, port, dir.resolve("literal.log"),
          Map.of("RAPPORT_ADMIN_TOKEN", literal), "serve", "--port", Integer.toString(port))) {
        assertThat(serve.exitsWithin(Duration.ofSeconds(60))).as("a server given %s stops", literal).isTrue();
        assertThat(serve.process().exitValue()).isEqualTo(1);
      }
    }
    assertThat(dir.resolve("data")).doesNotExist();
  }

  /** The YAML block of the README that sets {@code adminToken}: the sample configuration. */
  private static String sampleYaml() throws IOException {
    String readme = readme();
    Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (block.find()) {
      if (block.group(1).contains("adminToken:")) {
        return block.group(1);
      }
    }
    throw new AssertionError("the README has no YAML sample with adminToken");
  }

  private static String readme() throws IOException {
    return Files.readString(README, StandardCharsets.UTF_8);
  }
}
