package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.kernel.Policy;
import dev.rapport.model.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration: defaults, the YAML layer, the environment layer that wins, and errors that name the key. */
class ServerConfigTest {
  @TempDir
  Path dir;

  @Test
  void nothingConfigured_givesTheDefaults() {
    ServerConfig config = ServerConfig.load(Optional.empty(), Map.of("PATH", "/usr/bin", "HOME", "/root"));

    assertThat(config).isEqualTo(ServerConfig.defaults());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.adminToken()).isEmpty();
    assertThat(config.store()).isEqualTo(ServerConfig.StoreKind.SQLITE);
    assertThat(config.devClock()).isFalse();
    assertThat(config.policy()).isEqualTo(Policy.defaults());
  }

  @Test
  void yaml_setsEveryKey() throws IOException {
    Path yaml = yaml("""
        port: 9090
        dataDir: /var/lib/rapport
        adminToken: yaml-admin-token-123456
        store: postgres
        postgresUrl: jdbc:postgresql://db/rapport
        devClock: true
        policy:
          maxConnections: 500
          maxPendingSent: 50
          followCap: 1000
        tiers:
          basic:
            weeklyInvitations: 20
          gold:
            weeklyInvitations: 400
            newAccountWeeklyInvitations: 300
            notesPerMonth: unlimited
            noteMaxLength: 500
            inMailPerMonth: 30
            inMailCap: 90
            openProfileAllowed: true
        """);

    ServerConfig config = ServerConfig.load(Optional.of(yaml), Map.of());

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/rapport"));
    assertThat(config.adminToken()).hasValue("yaml-admin-token-123456");
    assertThat(config.store()).isEqualTo(ServerConfig.StoreKind.POSTGRES);
    assertThat(config.postgresUrl()).hasValue("jdbc:postgresql://db/rapport");
    assertThat(config.devClock()).isTrue();
    assertThat(config.policy().maxConnections()).isEqualTo(500);
    assertThat(config.policy().maxPendingSent()).isEqualTo(50);
    assertThat(config.policy().followCap()).isEqualTo(1000);
    assertThat(config.policy().tier("basic")).isEqualTo(new Tier("basic", 20, 100, 5, 200, 0, 0, false));
    assertThat(config.policy().tier("premium")).isEqualTo(Tier.PREMIUM);
    assertThat(config.policy().tier("gold")).isEqualTo(new Tier("gold", 400, 300, -1, 500, 30, 90, true));
  }

  @Test
  void environment_winsOverYaml() throws IOException {
    Path yaml = yaml("""
        port: 9090
        devClock: true
        policy: {maxConnections: 500}
        tiers:
          gold: {weeklyInvitations: 400, newAccountWeeklyInvitations: 300, notesPerMonth: 10, noteMaxLength: 500,
                 inMailPerMonth: 30, inMailCap: 90, openProfileAllowed: true}
        """);

    ServerConfig config = ServerConfig.load(Optional.of(yaml), Map.of(
        "RAPPORT_PORT", "7070",
        "RAPPORT_DATA_DIR", "/srv/rapport",
        "RAPPORT_ADMIN_TOKEN", "env-admin-token-1234567",
        "RAPPORT_DEV_CLOCK", "false",
        "RAPPORT_POLICY_MAX_CONNECTIONS", "600",
        "RAPPORT_POLICY_MAX_PENDING_SENT", "60",
        "RAPPORT_POLICY_FOLLOW_CAP", "70",
        "RAPPORT_TIER_GOLD_WEEKLY_INVITATIONS", "450",
        "RAPPORT_TIER_BASIC_NEW_ACCOUNT_WEEKLY_INVITATIONS", "80",
        "RAPPORT_TIER_PREMIUM_OPEN_PROFILE_ALLOWED", "false"));

    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/rapport"));
    assertThat(config.adminToken()).hasValue("env-admin-token-1234567");
    assertThat(config.devClock()).isFalse();
    assertThat(config.policy().maxConnections()).isEqualTo(600);
    assertThat(config.policy().maxPendingSent()).isEqualTo(60);
    assertThat(config.policy().followCap()).isEqualTo(70);
    assertThat(config.policy().tier("gold").weeklyInvitations()).isEqualTo(450);
    assertThat(config.policy().tier("gold").notesPerMonth()).isEqualTo(10);
    assertThat(config.policy().tier("basic").newAccountWeeklyInvitations()).isEqualTo(80);
    assertThat(config.policy().tier("basic").weeklyInvitations()).isEqualTo(200);
    assertThat(config.policy().tier("premium").openProfileAllowed()).isFalse();
  }

  @Test
  void environment_everyTierField() {
    ServerConfig config = ServerConfig.load(Optional.empty(), Map.of(
        "RAPPORT_TIER_BASIC_WEEKLY_INVITATIONS", "1",
        "RAPPORT_TIER_BASIC_NEW_ACCOUNT_WEEKLY_INVITATIONS", "2",
        "RAPPORT_TIER_BASIC_NOTES_PER_MONTH", "3",
        "RAPPORT_TIER_BASIC_NOTE_MAX_LENGTH", "4",
        "RAPPORT_TIER_BASIC_INMAIL_PER_MONTH", "5",
        "RAPPORT_TIER_BASIC_INMAIL_CAP", "6",
        "RAPPORT_TIER_BASIC_OPEN_PROFILE_ALLOWED", "TRUE",
        "RAPPORT_STORE", "postgres",
        "RAPPORT_POSTGRES_URL", "jdbc:postgresql://db/rapport"));

    assertThat(config.policy().tier("basic")).isEqualTo(new Tier("basic", 1, 2, 3, 4, 5, 6, true));
    assertThat(config.store()).isEqualTo(ServerConfig.StoreKind.POSTGRES);
  }

  @Test
  void environment_blankValuesAndOtherVariablesAreIgnored() {
    ServerConfig config = ServerConfig.load(Optional.empty(),
        Map.of("RAPPORT_PORT", " ", "RAPPORT_CONFIG", "/etc/rapport.yaml", "PORT", "1"));

    assertThat(config.port()).isEqualTo(8080);
  }

  @Test
  void X1_X2_outreachPolicyNumbers_comeFromTheEnvironment_overTheFile() throws IOException {
    Path yaml = yaml("""
        policy:
          warmFollowAge: 10d
          prospectWindow: 60d
        """);

    ServerConfig config = ServerConfig.load(Optional.of(yaml), Map.of("RAPPORT_POLICY_WARM_FOLLOW_AGE", "14d"));

    assertThat(config.policy().warmFollowAge()).isEqualTo(Duration.ofDays(14));
    assertThat(config.policy().prospectWindow()).isEqualTo(Duration.ofDays(60));
    assertThat(ServerConfig.load(Optional.empty(), Map.of()).policy().warmFollowAge()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void MS2_theInMailRefundWindow_comesFromTheEnvironment_overTheFile_90DaysByDefault() throws IOException {
    Path yaml = yaml("""
        policy:
          inMailRefundWindow: 30d
        """);

    assertThat(ServerConfig.load(Optional.of(yaml), Map.of()).policy().inMailRefundWindow())
        .isEqualTo(Duration.ofDays(30));
    assertThat(ServerConfig.load(Optional.of(yaml), Map.of("RAPPORT_POLICY_INMAIL_REFUND_WINDOW", "14d")).policy()
        .inMailRefundWindow()).isEqualTo(Duration.ofDays(14));
    assertThat(ServerConfig.load(Optional.empty(), Map.of()).policy().inMailRefundWindow())
        .isEqualTo(Duration.ofDays(90));
  }

  @Test
  void errors_nameTheEnvironmentVariable() {
    assertError(Map.of("RAPPORT_PORT", "eighty"), "RAPPORT_PORT", "'eighty' is not a whole number");
    assertError(Map.of("RAPPORT_PORT", "70000"), "RAPPORT_PORT", "not between 0 and 65535");
    assertError(Map.of("RAPPORT_DEV_CLOCK", "yes"), "RAPPORT_DEV_CLOCK", "not true or false");
    assertError(Map.of("RAPPORT_STORE", "mysql"), "RAPPORT_STORE", "not one of sqlite, postgres");
    assertError(Map.of("RAPPORT_POLICY_MAX_CONNECTIONS", "0"), "RAPPORT_POLICY_MAX_CONNECTIONS", "not between 1");
    assertError(Map.of("RAPPORT_POLICY_FOLLOW_CAP", "-1"), "RAPPORT_POLICY_FOLLOW_CAP", "not between 0");
    assertError(Map.of("RAPPORT_POLICY_WARM_FOLLOW_AGE", "a week"), "RAPPORT_POLICY_WARM_FOLLOW_AGE", "not a duration");
    assertError(Map.of("RAPPORT_POLICY_PROSPECT_WINDOW", "0d"), "invalid policy", "prospect window must be positive");
    assertError(Map.of("RAPPORT_POLICY_INMAIL_REFUND_WINDOW", "0d"), "invalid policy",
        "InMail refund window must be positive");
    assertError(Map.of("RAPPORT_POLICY_INMAIL_REFUND_WINDOW", "soon"), "RAPPORT_POLICY_INMAIL_REFUND_WINDOW",
        "not a duration");
    assertError(Map.of("RAPPORT_POLICY_MAX_CONECTIONS", "5"), "RAPPORT_POLICY_MAX_CONECTIONS", "unknown policy variable");
    assertError(Map.of("RAPPORT_TIER_GOLD_WEEKLY_INVITATIONS", "5"), "RAPPORT_TIER_GOLD_WEEKLY_INVITATIONS",
        "no tier 'gold'");
    assertError(Map.of("RAPPORT_TIER_BASIC_WEEKLY", "5"), "RAPPORT_TIER_BASIC_WEEKLY", "RAPPORT_TIER_<NAME>_<FIELD>");
    assertError(Map.of("RAPPORT_TIER_BASIC_NOTE_MAX_LENGTH", "5000"), "RAPPORT_TIER_BASIC_NOTE_MAX_LENGTH",
        "not between 0 and 2000");
    assertError(Map.of("RAPPORT_TIER_BASIC_INMAIL_CAP", "-1"), "RAPPORT_TIER_BASIC_INMAIL_CAP", "not between 0");
    assertError(Map.of("RAPPORT_STORE", "postgres"), "postgresUrl", "RAPPORT_POSTGRES_URL");
    assertError(Map.of("RAPPORT_ADMIN_TOKEN", "short"), "adminToken", "RAPPORT_ADMIN_TOKEN");
  }

  @Test
  void errors_nameTheYamlKey() throws IOException {
    assertYamlError("port: eighty", "key 'port'", "not a whole number");
    assertYamlError("prot: 80", "unknown key 'prot'", "known: port");
    assertYamlError("policy: {maxConnections: 0}", "key 'policy.maxConnections'", "not between 1");
    assertYamlError("policy: {cap: 1}", "unknown key 'policy.cap'", "maxConnections");
    assertYamlError("policy: 5", "key 'policy'", "expected a mapping");
    assertYamlError("tiers: {basic: {weekly: 1}}", "key 'tiers.basic.weekly'", "unknown tier field");
    assertYamlError("tiers: {Gold: {weeklyInvitations: 1}}", "key 'tiers.Gold'", "a tier name");
    assertYamlError("tiers: {gold: {weeklyInvitations: 1}}", "tiers.gold", "missing [newAccountWeeklyInvitations");
    assertYamlError("tiers: {basic: {openProfileAllowed: maybe}}", "key 'tiers.basic.openProfileAllowed'",
        "not true or false");
    assertYamlError("devClock: 1", "key 'devClock'", "not true or false");
    assertYamlError("dataDir: ''", "key 'dataDir'", "non-empty string");
    assertYamlError("port: [1, 2]", "key 'port'", "not a whole number");
    assertYamlError("port: 1\nport: 2", "not valid YAML", "port");
    assertYamlError("- just\n- a list", "(top level)", "expected a mapping");
    assertYamlError("port: {", "not valid YAML", "");
  }

  @Test
  void errors_aMissingYamlFile() {
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> ServerConfig.load(Optional.of(missing), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
  }

  @Test
  void emptyYaml_givesTheDefaults() throws IOException {
    assertThat(ServerConfig.load(Optional.of(yaml("")), Map.of())).isEqualTo(ServerConfig.defaults());
  }

  @Test
  void toString_neverShowsTheAdminTokenOrTheDatabaseUrl() {
    ServerConfig config = ServerConfig.defaults().withAdminToken("secret-admin-token-42")
        .withPostgres("jdbc:postgresql://db/rapport?password=hunter2");

    assertThat(config.toString()).doesNotContain("secret-admin-token-42").doesNotContain("hunter2");
  }

  private Path yaml(String text) throws IOException {
    Path file = Files.createTempFile(dir, "rapport", ".yaml");
    Files.writeString(file, text);
    return file;
  }

  private static void assertError(Map<String, String> env, String key, String reason) {
    assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(reason);
  }

  private void assertYamlError(String text, String key, String reason) throws IOException {
    Path file = yaml(text);
    assertThatThrownBy(() -> ServerConfig.load(Optional.of(file), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(key)
        .hasMessageContaining(reason);
  }
}
