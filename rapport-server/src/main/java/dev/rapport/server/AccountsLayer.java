package dev.rapport.server;

import dev.rapport.server.accounts.AccountsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The account settings of {@link ConfigLayers}: the {@code accounts} YAML section, the failed sign-in
 * budgets under {@code rateLimits}, and their {@code RAPPORT_*} variables. Not thread safe: one per load.
 */
final class AccountsLayer {
  private AccountsConfig.SignUpMode signUp;
  private Boolean membersMayInvite;
  private Duration inviteLifetime;
  private Duration sessionLifetime;
  private Boolean behindTls;
  private Integer memoryKiB;
  private Integer iterations;
  private Integer parallelism;
  private Optional<RateLimits.Budget> perAccount;
  private Optional<RateLimits.Budget> perAddress;

  void readYaml(Map<String, Object> accounts, String origin) {
    for (Map.Entry<String, Object> entry : accounts.entrySet()) {
      String where = "%s, key 'accounts.%s'".formatted(origin, entry.getKey());
      Object value = entry.getValue();
      switch (entry.getKey()) {
        case "signUp" -> signUp = signUpMode(value, where);
        case "membersMayInvite" -> membersMayInvite = ConfigLayers.bool(value, where);
        case "inviteLifetime" -> inviteLifetime = ConfigLayers.duration(value, where);
        case "sessionLifetime" -> sessionLifetime = ConfigLayers.duration(value, where);
        case "behindTls" -> behindTls = ConfigLayers.bool(value, where);
        case "argon2" -> readYamlArgon2(ConfigLayers.mapping(value, origin, "accounts.argon2"), origin);
        default -> throw new IllegalArgumentException(("%s: unknown key 'accounts.%s' (known: signUp, "
            + "membersMayInvite, inviteLifetime, sessionLifetime, behindTls, argon2)").formatted(origin, entry.getKey()));
      }
    }
  }

  private void readYamlArgon2(Map<String, Object> argon2, String origin) {
    for (Map.Entry<String, Object> entry : argon2.entrySet()) {
      String where = "%s, key 'accounts.argon2.%s'".formatted(origin, entry.getKey());
      switch (entry.getKey()) {
        case "memoryKiB" -> memoryKiB = ConfigLayers.integer(entry.getValue(), where, 8, 4 * 1024 * 1024);
        case "iterations" -> iterations = ConfigLayers.integer(entry.getValue(), where, 1, 100);
        case "parallelism" -> parallelism = ConfigLayers.integer(entry.getValue(), where, 1, 16);
        default -> throw new IllegalArgumentException(
            "%s: unknown key 'accounts.argon2.%s' (known: memoryKiB, iterations, parallelism)"
                .formatted(origin, entry.getKey()));
      }
    }
  }

  /** A key of {@code rateLimits} this layer reads; false for one it does not know. */
  boolean readYamlRateLimit(String key, Object value, String where) {
    switch (key) {
      case "failedSignInPerAccount" -> perAccount = ConfigLayers.budget(value, where);
      case "failedSignInPerAddress" -> perAddress = ConfigLayers.budget(value, where);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** A variable this layer reads; false for one it does not know. */
  boolean readEnvironment(String name, String value, String where) {
    switch (name) {
      case "RAPPORT_SIGN_UP" -> signUp = signUpMode(value, where);
      case "RAPPORT_BEHIND_TLS" -> behindTls = ConfigLayers.bool(value, where);
      case "RAPPORT_ACCOUNTS_MEMBERS_MAY_INVITE" -> membersMayInvite = ConfigLayers.bool(value, where);
      case "RAPPORT_ACCOUNTS_INVITE_LIFETIME" -> inviteLifetime = ConfigLayers.duration(value, where);
      case "RAPPORT_ACCOUNTS_SESSION_LIFETIME" -> sessionLifetime = ConfigLayers.duration(value, where);
      case "RAPPORT_ACCOUNTS_ARGON2_MEMORY_KIB" -> memoryKiB = ConfigLayers.integer(value, where, 8, 4 * 1024 * 1024);
      case "RAPPORT_ACCOUNTS_ARGON2_ITERATIONS" -> iterations = ConfigLayers.integer(value, where, 1, 100);
      case "RAPPORT_ACCOUNTS_ARGON2_PARALLELISM" -> parallelism = ConfigLayers.integer(value, where, 1, 16);
      case "RAPPORT_RATE_LIMIT_FAILED_SIGN_IN_PER_ACCOUNT" -> perAccount = ConfigLayers.budget(value, where);
      case "RAPPORT_RATE_LIMIT_FAILED_SIGN_IN_PER_ADDRESS" -> perAddress = ConfigLayers.budget(value, where);
      default -> {
        if (name.startsWith("RAPPORT_ACCOUNTS_")) {
          throw new IllegalArgumentException(("%s: unknown accounts variable (known: RAPPORT_ACCOUNTS_MEMBERS_MAY_INVITE, "
              + "RAPPORT_ACCOUNTS_INVITE_LIFETIME, RAPPORT_ACCOUNTS_SESSION_LIFETIME, RAPPORT_ACCOUNTS_ARGON2_MEMORY_KIB, "
              + "RAPPORT_ACCOUNTS_ARGON2_ITERATIONS, RAPPORT_ACCOUNTS_ARGON2_PARALLELISM)").formatted(where));
        }
        return false;
      }
    }
    return true;
  }

  AccountsConfig build(AccountsConfig defaults) {
    AccountsConfig.Argon2Parameters argon2 = new AccountsConfig.Argon2Parameters(
        memoryKiB != null ? memoryKiB : defaults.argon2().memoryKiB(),
        iterations != null ? iterations : defaults.argon2().iterations(),
        parallelism != null ? parallelism : defaults.argon2().parallelism());
    return new AccountsConfig(signUp != null ? signUp : defaults.signUp(),
        membersMayInvite != null ? membersMayInvite : defaults.membersMayInvite(),
        inviteLifetime != null ? inviteLifetime : defaults.inviteLifetime(),
        sessionLifetime != null ? sessionLifetime : defaults.sessionLifetime(),
        behindTls != null ? behindTls : defaults.behindTls(), argon2,
        perAccount != null ? perAccount : defaults.failedSignInsPerAccount(),
        perAddress != null ? perAddress : defaults.failedSignInsPerAddress());
  }

  private static AccountsConfig.SignUpMode signUpMode(Object raw, String where) {
    try {
      return AccountsConfig.SignUpMode.fromWireName(ConfigLayers.string(raw, where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%s: %s".formatted(where, e.getMessage()), e);
    }
  }
}
