package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of exposure: host, connection limit, timeouts, rate limits, the sample token, file problems. */
class ExposureConfigTest {
  @TempDir
  Path dir;

  @Test
  void defaults_loopbackOnly_withBudgetsOn() {
    ServerConfig config = ServerConfig.load(Optional.empty(), Map.of());

    assertThat(config.listener()).isEqualTo(new Listener("127.0.0.1", Listener.AUTOMATIC, Duration.ofSeconds(20),
        Duration.ofSeconds(60)));
    assertThat(config.rateLimits().perToken()).hasValue(new RateLimits.Budget(1200, Duration.ofMinutes(1)));
    assertThat(config.rateLimits().failedAuthentication()).hasValue(new RateLimits.Budget(600, Duration.ofMinutes(1)));
  }

  @Test
  void yaml_setsTheListenerAndBudgets_andTheEnvironmentWins() throws IOException {
    Path yaml = Files.writeString(dir.resolve("rapport.yaml"), """
        host: 0.0.0.0
        http:
          maxConnections: 500
          requestTimeout: 5s
          idleTimeout: PT2M
        rateLimits:
          perToken: 100/10s
          failedAuthentication: off
        """);

    ServerConfig fromYaml = ServerConfig.load(Optional.of(yaml), Map.of());
    assertThat(fromYaml.listener()).isEqualTo(new Listener("0.0.0.0", 500, Duration.ofSeconds(5), Duration.ofMinutes(2)));
    assertThat(fromYaml.rateLimits()).isEqualTo(new RateLimits(
        Optional.of(new RateLimits.Budget(100, Duration.ofSeconds(10))), Optional.empty()));

    ServerConfig overridden = ServerConfig.load(Optional.of(yaml), Map.of("RAPPORT_HOST", "::1",
        "RAPPORT_HTTP_REQUEST_TIMEOUT", "750ms", "RAPPORT_RATE_LIMIT_PER_TOKEN", "OFF",
        "RAPPORT_RATE_LIMIT_FAILED_AUTHENTICATION", "30/1h"));
    assertThat(overridden.listener().host()).isEqualTo("::1");
    assertThat(overridden.listener().requestTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(overridden.rateLimits().perToken()).isEmpty();
    assertThat(overridden.rateLimits().failedAuthentication()).hasValue(new RateLimits.Budget(30, Duration.ofHours(1)));
  }

  @Test
  void h2c_offByDefault_onFromYaml_andTheEnvironmentWins() throws IOException {
    assertThat(ServerConfig.load(Optional.empty(), Map.of()).listener().h2c()).isFalse();
    Path yaml = Files.writeString(dir.resolve("h2c.yaml"), """
        http:
          h2c: true
        """);
    assertThat(ServerConfig.load(Optional.of(yaml), Map.of()).listener().h2c()).isTrue();
    assertThat(ServerConfig.load(Optional.of(yaml), Map.of("RAPPORT_HTTP_H2C", "false")).listener().h2c()).isFalse();
    assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("RAPPORT_HTTP_H2C", "sometimes")))
        .hasMessageContaining("RAPPORT_HTTP_H2C");
  }

  @Test
  void badValues_nameTheVariable() {
    assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("RAPPORT_HTTP_IDLE_TIMEOUT", "soon")))
        .hasMessageContaining("RAPPORT_HTTP_IDLE_TIMEOUT").hasMessageContaining("'soon' is not a duration");
    assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("RAPPORT_RATE_LIMIT_PER_TOKEN", "lots")))
        .hasMessageContaining("RAPPORT_RATE_LIMIT_PER_TOKEN").hasMessageContaining("<requests>/<window>");
    assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("RAPPORT_RATE_LIMIT_PER_TOKEN", "0/1m")))
        .hasMessageContaining("at least 1 request");
    assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("RAPPORT_HTTP_REQUEST_TIMEOUT", "0s")))
        .hasMessageContaining("RAPPORT_HTTP_REQUEST_TIMEOUT").hasMessageContaining("not a positive duration");
  }

  @Test
  void aSampleAdminToken_isRefused_inAnyCase_withoutShowingIt() {
    for (String sample : new String[] {"change-me-to-a-long-random-string", "CHANGE-ME-please-0123456789"}) {
      assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("RAPPORT_ADMIN_TOKEN", sample)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("adminToken (RAPPORT_ADMIN_TOKEN): a token starting with 'change-me' is a sample")
          .hasMessageNotContaining(sample.substring(10));
    }
    assertThat(ServerConfig.load(Optional.empty(), Map.of("RAPPORT_ADMIN_TOKEN", "please-change-me-0123456789"))
        .adminToken()).isPresent();
  }

  @Test
  void fileProblems_sayPermissionDenied_andThePath() {
    Path file = dir.resolve("rapport.yaml");
    assertThat(FileProblems.describe("read configuration file", file, new AccessDeniedException(file.toString())))
        .isEqualTo("permission denied: cannot read configuration file " + file);
    assertThat(FileProblems.describe("create the data directory", file, new NoSuchFileException(file.toString())))
        .isEqualTo("cannot create the data directory %s: NoSuchFileException".formatted(file));
  }

  @Test
  void theConnectionLimit_staysBelowTheOpenFilesLimit() {
    // 1,024 files with 40 open: 102 kept free, a tenth of the rest for refusals.
    assertThat(ConnectionLimit.of(Listener.AUTOMATIC, 1024, 40)).isEqualTo(new ConnectionLimit(794, 873));
    assertThat(ConnectionLimit.of(Listener.AUTOMATIC, 1_048_576, 40).held()).isEqualTo(ConnectionLimit.AUTOMATIC_CEILING);
    assertThat(ConnectionLimit.of(100, 1024, 40)).isEqualTo(new ConnectionLimit(100, 110));
    // Lowering a configured limit warns the operator: the warning is caught here, not printed.
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(ConnectionLimit.class.getName());
    java.util.List<String> warned = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler catcher = new java.util.logging.Handler() {
      @Override public void publish(java.util.logging.LogRecord r) { warned.add(r.getMessage()); }
      @Override public void flush() { }
      @Override public void close() { }
    };
    boolean parents = log.getUseParentHandlers();
    log.setUseParentHandlers(false);
    log.addHandler(catcher);
    try {
      assertThat(ConnectionLimit.of(5000, 1024, 40).held()).as("lowered to what fits").isEqualTo(794);
    } finally {
      log.removeHandler(catcher);
      log.setUseParentHandlers(parents);
    }
    assertThat(warned).singleElement().asString().contains("open-files limit");
    assertThatThrownBy(() -> ConnectionLimit.of(Listener.AUTOMATIC, 64, 40)).hasMessageContaining("ulimit -n");
  }
}
