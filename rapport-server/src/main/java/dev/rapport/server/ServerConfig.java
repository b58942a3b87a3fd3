package dev.rapport.server;

import dev.rapport.kernel.Policy;
import dev.rapport.server.accounts.AccountsConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link RapportServer} runs: where it listens, where it keeps its data, which store it uses,
 * the administrator's token, whether the dev clock is on, and every policy number.
 *
 * <p>{@link #load} reads a YAML file and then {@code RAPPORT_*} environment variables, which win.
 * The YAML keys mirror the variables:
 *
 * <pre>{@code
 * host: 127.0.0.1                 # RAPPORT_HOST (0.0.0.0: every interface)
 * port: 8080                      # RAPPORT_PORT (0 = any free port)
 * dataDir: ./data                 # RAPPORT_DATA_DIR
 * adminToken: ...                 # RAPPORT_ADMIN_TOKEN (generated into <dataDir>/admin-token if absent)
 * store: sqlite                   # RAPPORT_STORE = sqlite | postgres
 * postgresUrl: jdbc:postgresql:// # RAPPORT_POSTGRES_URL
 * devClock: false                 # RAPPORT_DEV_CLOCK
 * http:
 *   maxConnections: 0             # RAPPORT_HTTP_MAX_CONNECTIONS (0 = from the open-files limit)
 *   requestTimeout: 20s           # RAPPORT_HTTP_REQUEST_TIMEOUT
 *   idleTimeout: 60s              # RAPPORT_HTTP_IDLE_TIMEOUT
 *   heartbeat: 15s                # RAPPORT_HTTP_HEARTBEAT (a live stream's longest silence)
 * rateLimits:
 *   perToken: 1200/1m             # RAPPORT_RATE_LIMIT_PER_TOKEN (or off)
 *   failedAuthentication: 600/1m  # RAPPORT_RATE_LIMIT_FAILED_AUTHENTICATION (or off)
 *   failedSignInPerAccount: 10/15m  # RAPPORT_RATE_LIMIT_FAILED_SIGN_IN_PER_ACCOUNT (or off)
 *   failedSignInPerAddress: 100/15m # RAPPORT_RATE_LIMIT_FAILED_SIGN_IN_PER_ADDRESS (or off)
 * accounts:
 *   signUp: open                  # RAPPORT_SIGN_UP = open | invite-only
 *   membersMayInvite: false       # RAPPORT_ACCOUNTS_MEMBERS_MAY_INVITE
 *   inviteLifetime: 7d            # RAPPORT_ACCOUNTS_INVITE_LIFETIME
 *   sessionLifetime: 14d          # RAPPORT_ACCOUNTS_SESSION_LIFETIME
 *   behindTls: false              # RAPPORT_BEHIND_TLS (cookies are Secure)
 *   argon2: {memoryKiB: 19456, iterations: 2, parallelism: 1}  # RAPPORT_ACCOUNTS_ARGON2_MEMORY_KIB, ...
 * policy:
 *   maxConnections: 30000         # RAPPORT_POLICY_MAX_CONNECTIONS
 *   maxPendingSent: 1500          # RAPPORT_POLICY_MAX_PENDING_SENT
 *   followCap: 0                  # RAPPORT_POLICY_FOLLOW_CAP (0 = no cap)
 *   warmFollowAge: 7d             # RAPPORT_POLICY_WARM_FOLLOW_AGE (X1)
 *   prospectWindow: 90d           # RAPPORT_POLICY_PROSPECT_WINDOW (X2)
 *   inMailRefundWindow: 90d       # RAPPORT_POLICY_INMAIL_REFUND_WINDOW (MS2)
 * tiers:
 *   basic:                        # RAPPORT_TIER_BASIC_...
 *     weeklyInvitations: 200      #   ..._WEEKLY_INVITATIONS
 *     newAccountWeeklyInvitations: 100  # ..._NEW_ACCOUNT_WEEKLY_INVITATIONS
 *     notesPerMonth: 5            #   ..._NOTES_PER_MONTH (-1 or "unlimited")
 *     noteMaxLength: 200          #   ..._NOTE_MAX_LENGTH
 *     inMailPerMonth: 0           #   ..._INMAIL_PER_MONTH
 *     inMailCap: 0                #   ..._INMAIL_CAP
 *     openProfileAllowed: false   #   ..._OPEN_PROFILE_ALLOWED
 * }</pre>
 *
 * A tier not among the defaults ({@code basic}, {@code premium}) is new: the YAML file must give
 * all of its fields; environment variables may then override them. Immutable and thread safe.
 *
 * @param port the TCP port; 0 picks a free one (see {@link RapportServer#port()})
 * @param dataDir where the SQLite file ({@code rapport.db}) and a generated admin token live
 * @param adminToken the bearer token of {@code /v1/admin/*} and member creation; when empty, one
 *     is generated into {@code <dataDir>/admin-token} (readable by its owner only)
 * @param store which store backs the engine
 * @param postgresUrl the JDBC URL of the PostgreSQL database; required with {@link StoreKind#POSTGRES}
 * @param devClock whether {@code POST /v1/admin/clock} may move the engine's clock forward (never
 *     in production)
 * @param policy every rule's numbers (PRODUCT.md)
 * @param listener the address, connection limit and timeouts of the HTTP listener
 * @param rateLimits the request budgets per token and per address
 * @param accounts sign-up, sessions, password hashing and failed sign-in budgets (A1-A3)
 */
public record ServerConfig(
    int port,
    Path dataDir,
    Optional<String> adminToken,
    StoreKind store,
    Optional<String> postgresUrl,
    boolean devClock,
    Policy policy,
    Listener listener,
    RateLimits rateLimits,
    AccountsConfig accounts) {

  /** The shortest admin token accepted from configuration. */
  public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

  /** Admin tokens starting with this (in any case) are the README's sample and refused. */
  static final String SAMPLE_TOKEN_PREFIX = "change-me";

  /** The stores a server can run on. */
  public enum StoreKind {
    /** One file under the data directory: the embedded default. */
    SQLITE,
    /** A PostgreSQL database named by {@link #postgresUrl()}. */
    POSTGRES;

    /** The name used in configuration and by {@code GET /health}, e.g. {@code sqlite}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The store kind with this configuration name.
     *
     * @throws IllegalArgumentException if it is neither {@code sqlite} nor {@code postgres}
     */
    public static StoreKind fromWireName(String value) {
      for (StoreKind kind : values()) {
        if (kind.wireName().equals(value)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("'%s' is not one of sqlite, postgres".formatted(value));
    }
  }

  /**
   * Checks the combination.
   *
   * @throws IllegalArgumentException naming the offending key
   */
  public ServerConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: %d is not between 0 and 65535".formatted(port));
    }
    Objects.requireNonNull(dataDir, "dataDir");
    adminToken = adminToken == null ? Optional.empty() : adminToken;
    adminToken.ifPresent(ServerConfig::requireAdminToken);
    Objects.requireNonNull(store, "store");
    postgresUrl = postgresUrl == null ? Optional.empty() : postgresUrl.filter(url -> !url.isBlank());
    if (store == StoreKind.POSTGRES && postgresUrl.isEmpty()) {
      throw new IllegalArgumentException(
          "postgresUrl (RAPPORT_POSTGRES_URL) is required when store is postgres");
    }
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(accounts, "accounts");
  }

  private static void requireAdminToken(String token) {
    if (token.toLowerCase(Locale.ROOT).startsWith(SAMPLE_TOKEN_PREFIX)) {
      throw new IllegalArgumentException(("adminToken (RAPPORT_ADMIN_TOKEN): a token starting with '%s' is a sample, "
          + "not a secret; set a long random one (e.g. openssl rand -base64 32)").formatted(SAMPLE_TOKEN_PREFIX));
    }
    if (token.length() < MIN_ADMIN_TOKEN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "adminToken (RAPPORT_ADMIN_TOKEN): must be at least %d printable ASCII characters without spaces"
              .formatted(MIN_ADMIN_TOKEN_LENGTH));
    }
  }

  /**
   * What a new install gets: loopback port 8080, {@code ./data}, SQLite, no dev clock, default
   * policy, listener and rate limits.
   */
  public static ServerConfig defaults() {
    return new ServerConfig(8080, Path.of("./data"), Optional.empty(), StoreKind.SQLITE, Optional.empty(), false,
        Policy.defaults(), Listener.defaults(), RateLimits.defaults(), AccountsConfig.defaults());
  }

  /**
   * The configuration from a YAML file (if given) overridden by {@code RAPPORT_*} environment
   * variables; what neither sets keeps its {@link #defaults() default}.
   *
   * @param yamlFile the YAML file; it must exist when given
   * @param env the environment, usually {@link System#getenv()}; variables not starting with
   *     {@code RAPPORT_} are ignored
   * @throws IllegalArgumentException if the file cannot be read or a value is invalid; the message
   *     names the key or variable
   */
  public static ServerConfig load(Optional<Path> yamlFile, Map<String, String> env) {
    return ConfigLayers.load(yamlFile, env);
  }

  /** This configuration on another port. */
  public ServerConfig withPort(int newPort) {
    return new ServerConfig(newPort, dataDir, adminToken, store, postgresUrl, devClock, policy, listener, rateLimits, accounts);
  }

  /** This configuration with another data directory. */
  public ServerConfig withDataDir(Path newDataDir) {
    return new ServerConfig(port, newDataDir, adminToken, store, postgresUrl, devClock, policy, listener, rateLimits, accounts);
  }

  /** This configuration with the given admin token. */
  public ServerConfig withAdminToken(String token) {
    return new ServerConfig(port, dataDir, Optional.of(token), store, postgresUrl, devClock, policy, listener,
        rateLimits, accounts);
  }

  /** This configuration on PostgreSQL at {@code jdbcUrl}. */
  public ServerConfig withPostgres(String jdbcUrl) {
    return new ServerConfig(port, dataDir, adminToken, StoreKind.POSTGRES, Optional.of(jdbcUrl), devClock, policy,
        listener, rateLimits, accounts);
  }

  /** This configuration with the dev clock on or off. */
  public ServerConfig withDevClock(boolean on) {
    return new ServerConfig(port, dataDir, adminToken, store, postgresUrl, on, policy, listener, rateLimits, accounts);
  }

  /** This configuration with another policy. */
  public ServerConfig withPolicy(Policy newPolicy) {
    return new ServerConfig(port, dataDir, adminToken, store, postgresUrl, devClock, newPolicy, listener, rateLimits, accounts);
  }

  /** This configuration with another listener (host, connection limit, timeouts). */
  public ServerConfig withListener(Listener newListener) {
    return new ServerConfig(port, dataDir, adminToken, store, postgresUrl, devClock, policy, newListener, rateLimits, accounts);
  }

  /** This configuration with other rate limits. */
  public ServerConfig withRateLimits(RateLimits newRateLimits) {
    return new ServerConfig(port, dataDir, adminToken, store, postgresUrl, devClock, policy, listener, newRateLimits, accounts);
  }

  /** This configuration with other account settings. */
  public ServerConfig withAccounts(AccountsConfig newAccounts) {
    return new ServerConfig(port, dataDir, adminToken, store, postgresUrl, devClock, policy, listener, rateLimits,
        newAccounts);
  }

  /** Never shows the admin token. */
  @Override
  public String toString() {
    return "ServerConfig[port=%d, dataDir=%s, adminToken=%s, store=%s, postgresUrl=%s, devClock=%s, policy=%s]"
        .formatted(port, dataDir, adminToken.isPresent() ? "(set)" : "(generated)", store.wireName(),
            postgresUrl.isPresent() ? "(set)" : "(none)", devClock, policy, listener, rateLimits);
  }
}
