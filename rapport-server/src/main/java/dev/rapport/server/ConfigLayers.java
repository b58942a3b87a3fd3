package dev.rapport.server;

import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Tier;
import dev.rapport.problem.RapportException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Builds a {@link ServerConfig} from two layers: a YAML file, then {@code RAPPORT_*} environment
 * variables. Every value is checked where it is read, so an error names the key or variable it came
 * from. Not thread safe: one instance per load.
 */
final class ConfigLayers {
  private static final String ENV_PREFIX = "RAPPORT_";
  private static final String ENV_POLICY = ENV_PREFIX + "POLICY_";
  private static final String ENV_TIER = ENV_PREFIX + "TIER_";

  /** The numbers of a tier, by YAML key and by environment variable suffix. */
  enum TierField {
    WEEKLY_INVITATIONS("weeklyInvitations"),
    NEW_ACCOUNT_WEEKLY_INVITATIONS("newAccountWeeklyInvitations"),
    NOTES_PER_MONTH("notesPerMonth"),
    NOTE_MAX_LENGTH("noteMaxLength"),
    INMAIL_PER_MONTH("inMailPerMonth"),
    INMAIL_CAP("inMailCap"),
    OPEN_PROFILE_ALLOWED("openProfileAllowed");

    final String yamlKey;

    TierField(String yamlKey) {
      this.yamlKey = yamlKey;
    }

    static Optional<TierField> byYamlKey(String key) {
      return Arrays.stream(values()).filter(f -> f.yamlKey.equals(key)).findFirst();
    }

    /** Longest suffix first, so that {@code _NEW_ACCOUNT_WEEKLY_INVITATIONS} wins over {@code _WEEKLY_INVITATIONS}. */
    static List<TierField> bySuffixLength() {
      return Arrays.stream(values()).sorted(Comparator.comparingInt((TierField f) -> f.name().length()).reversed())
          .toList();
    }
  }

  private String host;
  private Integer port;
  private Integer maxHttpConnections;
  private Duration requestTimeout;
  private Duration idleTimeout;
  private Duration heartbeat;
  private Boolean h2c;
  private Optional<RateLimits.Budget> perToken;
  private Optional<RateLimits.Budget> failedAuthentication;
  private Path dataDir;
  private String adminToken;
  private ServerConfig.StoreKind store;
  private String postgresUrl;
  private Boolean devClock;
  private Integer maxConnections;
  private Integer maxPendingSent;
  private Integer followCap;
  private Duration warmFollowAge;
  private Duration prospectWindow;
  private Duration inMailRefundWindow;
  /** Tier numbers by tier name, each remembering where it was set. */
  private final Map<String, Map<TierField, Object>> tiers = new LinkedHashMap<>();
  private final Map<String, String> tierOrigins = new LinkedHashMap<>();
  private final AccountsLayer accounts = new AccountsLayer();

  private ConfigLayers() {}

  static ServerConfig load(Optional<Path> yamlFile, Map<String, String> env) {
    ConfigLayers layers = new ConfigLayers();
    yamlFile.ifPresent(layers::readYaml);
    layers.readEnvironment(env);
    return layers.build();
  }

  // ---- YAML ----------------------------------------------------------------------------------

  private void readYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("configuration file %s does not exist".formatted(file));
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      document = new Yaml(new SafeConstructor(options)).load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(FileProblems.describe("read configuration file", file, e), e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("configuration file %s is not valid YAML: %s".formatted(file, e.getMessage()), e);
    }
    if (document == null) {
      return;
    }
    String origin = "configuration file " + file;
    for (Map.Entry<String, Object> entry : mapping(document, origin, "(top level)").entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      String where = "%s, key '%s'".formatted(origin, key);
      switch (key) {
        case "host" -> host = string(value, where);
        case "port" -> port = integer(value, where, 0, 65_535);
        case "dataDir" -> dataDir = path(value, where);
        case "adminToken" -> adminToken = string(value, where);
        case "store" -> store = storeKind(value, where);
        case "postgresUrl" -> postgresUrl = string(value, where);
        case "devClock" -> devClock = bool(value, where);
        case "policy" -> readYamlPolicy(mapping(value, origin, key), origin);
        case "tiers" -> readYamlTiers(mapping(value, origin, key), origin);
        case "http" -> readYamlHttp(mapping(value, origin, key), origin);
        case "rateLimits" -> readYamlRateLimits(mapping(value, origin, key), origin);
        case "accounts" -> accounts.readYaml(mapping(value, origin, key), origin);
        default -> throw new IllegalArgumentException(("%s: unknown key '%s' (known: port, host, dataDir, adminToken, "
            + "store, postgresUrl, devClock, policy, tiers, http, rateLimits, accounts)").formatted(origin, key));
      }
    }
  }

  private void readYamlPolicy(Map<String, Object> policy, String origin) {
    for (Map.Entry<String, Object> entry : policy.entrySet()) {
      String where = "%s, key 'policy.%s'".formatted(origin, entry.getKey());
      switch (entry.getKey()) {
        case "maxConnections" -> maxConnections = integer(entry.getValue(), where, 1, Integer.MAX_VALUE);
        case "maxPendingSent" -> maxPendingSent = integer(entry.getValue(), where, 1, Integer.MAX_VALUE);
        case "followCap" -> followCap = integer(entry.getValue(), where, 0, Integer.MAX_VALUE);
        case "warmFollowAge" -> warmFollowAge = duration(entry.getValue(), where);
        case "prospectWindow" -> prospectWindow = duration(entry.getValue(), where);
        case "inMailRefundWindow" -> inMailRefundWindow = duration(entry.getValue(), where);
        default -> throw new IllegalArgumentException(("%s: unknown key 'policy.%s' (known: maxConnections, "
            + "maxPendingSent, followCap, warmFollowAge, prospectWindow, inMailRefundWindow)")
                .formatted(origin, entry.getKey()));
      }
    }
  }

  private void readYamlHttp(Map<String, Object> http, String origin) {
    for (Map.Entry<String, Object> entry : http.entrySet()) {
      String where = "%s, key 'http.%s'".formatted(origin, entry.getKey());
      switch (entry.getKey()) {
        case "maxConnections" -> maxHttpConnections = integer(entry.getValue(), where, 0, Integer.MAX_VALUE);
        case "requestTimeout" -> requestTimeout = duration(entry.getValue(), where);
        case "idleTimeout" -> idleTimeout = duration(entry.getValue(), where);
        case "heartbeat" -> heartbeat = duration(entry.getValue(), where);
        case "h2c" -> h2c = bool(entry.getValue(), where);
        default -> throw new IllegalArgumentException(
            "%s: unknown key 'http.%s' (known: maxConnections, requestTimeout, idleTimeout, heartbeat, h2c)"
                .formatted(origin, entry.getKey()));
      }
    }
  }

  private void readYamlRateLimits(Map<String, Object> limits, String origin) {
    for (Map.Entry<String, Object> entry : limits.entrySet()) {
      String where = "%s, key 'rateLimits.%s'".formatted(origin, entry.getKey());
      // YAML reads a bare off as the boolean false.
      Object value = Boolean.FALSE.equals(entry.getValue()) ? "off" : entry.getValue();
      switch (entry.getKey()) {
        case "perToken" -> perToken = budget(value, where);
        case "failedAuthentication" -> failedAuthentication = budget(value, where);
        default -> {
          if (!accounts.readYamlRateLimit(entry.getKey(), value, where)) {
            throw new IllegalArgumentException(("%s: unknown key 'rateLimits.%s' (known: perToken, "
                + "failedAuthentication, failedSignInPerAccount, failedSignInPerAddress)")
                .formatted(origin, entry.getKey()));
          }
        }
      }
    }
  }

  private void readYamlTiers(Map<String, Object> tierMap, String origin) {
    for (Map.Entry<String, Object> tier : tierMap.entrySet()) {
      String name = tier.getKey();
      String tierKey = "tiers." + name;
      if (!name.matches("[a-z][a-z0-9-]{0,30}")) {
        throw new IllegalArgumentException(
            "%s, key '%s': a tier name is a lowercase letter then up to 30 of a-z, 0-9, -".formatted(origin, tierKey));
      }
      tierOrigins.putIfAbsent(name, "%s, key '%s'".formatted(origin, tierKey));
      for (Map.Entry<String, Object> field : mapping(tier.getValue(), origin, tierKey).entrySet()) {
        String where = "%s, key '%s.%s'".formatted(origin, tierKey, field.getKey());
        TierField tierField = TierField.byYamlKey(field.getKey()).orElseThrow(() -> new IllegalArgumentException(
            "%s: unknown tier field (known: %s)".formatted(where,
                Arrays.stream(TierField.values()).map(f -> f.yamlKey).toList())));
        setTierField(name, tierField, field.getValue(), where);
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mapping(Object value, String origin, String key) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("%s, key '%s': expected a mapping of keys to values".formatted(origin, key));
    }
    for (Object k : map.keySet()) {
      if (!(k instanceof String)) {
        throw new IllegalArgumentException("%s, key '%s': key %s is not a string".formatted(origin, key, k));
      }
    }
    return (Map<String, Object>) map;
  }

  // ---- environment -----------------------------------------------------------------------------

  private void readEnvironment(Map<String, String> env) {
    for (Map.Entry<String, String> entry : new TreeMap<>(env).entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue() == null ? "" : entry.getValue().strip();
      if (!name.startsWith(ENV_PREFIX) || value.isEmpty()) {
        continue;
      }
      String where = "environment variable " + name;
      switch (name) {
        case "RAPPORT_HOST" -> host = value;
        case "RAPPORT_PORT" -> port = integer(value, where, 0, 65_535);
        case "RAPPORT_HTTP_MAX_CONNECTIONS" -> maxHttpConnections = integer(value, where, 0, Integer.MAX_VALUE);
        case "RAPPORT_HTTP_REQUEST_TIMEOUT" -> requestTimeout = duration(value, where);
        case "RAPPORT_HTTP_IDLE_TIMEOUT" -> idleTimeout = duration(value, where);
        case "RAPPORT_HTTP_HEARTBEAT" -> heartbeat = duration(value, where);
        case "RAPPORT_HTTP_H2C" -> h2c = bool(value, where);
        case "RAPPORT_RATE_LIMIT_PER_TOKEN" -> perToken = budget(value, where);
        case "RAPPORT_RATE_LIMIT_FAILED_AUTHENTICATION" -> failedAuthentication = budget(value, where);
        case "RAPPORT_DATA_DIR" -> dataDir = path(value, where);
        case "RAPPORT_ADMIN_TOKEN" -> adminToken = value;
        case "RAPPORT_STORE" -> store = storeKind(value, where);
        case "RAPPORT_POSTGRES_URL" -> postgresUrl = value;
        case "RAPPORT_DEV_CLOCK" -> devClock = bool(value, where);
        case "RAPPORT_POLICY_MAX_CONNECTIONS" -> maxConnections = integer(value, where, 1, Integer.MAX_VALUE);
        case "RAPPORT_POLICY_MAX_PENDING_SENT" -> maxPendingSent = integer(value, where, 1, Integer.MAX_VALUE);
        case "RAPPORT_POLICY_FOLLOW_CAP" -> followCap = integer(value, where, 0, Integer.MAX_VALUE);
        case "RAPPORT_POLICY_WARM_FOLLOW_AGE" -> warmFollowAge = duration(value, where);
        case "RAPPORT_POLICY_PROSPECT_WINDOW" -> prospectWindow = duration(value, where);
        case "RAPPORT_POLICY_INMAIL_REFUND_WINDOW" -> inMailRefundWindow = duration(value, where);
        default -> {
          if (accounts.readEnvironment(name, value, where)) {
            continue;
          }
          if (name.startsWith(ENV_POLICY)) {
            throw new IllegalArgumentException("%s: unknown policy variable (known: RAPPORT_POLICY_MAX_CONNECTIONS, "
                .formatted(where) + "RAPPORT_POLICY_MAX_PENDING_SENT, RAPPORT_POLICY_FOLLOW_CAP, "
                + "RAPPORT_POLICY_WARM_FOLLOW_AGE, RAPPORT_POLICY_PROSPECT_WINDOW, RAPPORT_POLICY_INMAIL_REFUND_WINDOW)");
          }
          if (name.startsWith(ENV_TIER)) {
            readEnvironmentTier(name, value, where);
          }
        }
      }
    }
  }

  private void readEnvironmentTier(String name, String value, String where) {
    String rest = name.substring(ENV_TIER.length());
    for (TierField field : TierField.bySuffixLength()) {
      String suffix = "_" + field.name();
      if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
        String tier = rest.substring(0, rest.length() - suffix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
        if (!tiers.containsKey(tier) && !Policy.defaults().tiers().containsKey(tier)) {
          throw new IllegalArgumentException(
              "%s: there is no tier '%s' (tiers: %s; define new tiers in the YAML file)"
                  .formatted(where, tier, knownTiers()));
        }
        setTierField(tier, field, value, where);
        return;
      }
    }
    throw new IllegalArgumentException("%s: expected RAPPORT_TIER_<NAME>_<FIELD> with FIELD one of %s"
        .formatted(where, Arrays.stream(TierField.values()).map(Enum::name).toList()));
  }

  private List<String> knownTiers() {
    List<String> names = new ArrayList<>(Policy.defaults().tiers().keySet());
    tiers.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
    return names;
  }

  // ---- values ----------------------------------------------------------------------------------

  private void setTierField(String tier, TierField field, Object raw, String where) {
    Object value = switch (field) {
      case OPEN_PROFILE_ALLOWED -> bool(raw, where);
      case NOTES_PER_MONTH -> "unlimited".equals(raw) ? -1 : integer(raw, where, -1, Integer.MAX_VALUE);
      case NOTE_MAX_LENGTH -> integer(raw, where, 0, SendInvitation.NOTE_CEILING);
      default -> integer(raw, where, 0, Integer.MAX_VALUE);
    };
    tiers.computeIfAbsent(tier, t -> new EnumMap<>(TierField.class)).put(field, value);
  }

  static int integer(Object raw, String where, int min, int max) {
    long value;
    if (raw instanceof Integer || raw instanceof Long) {
      value = ((Number) raw).longValue();
    } else if (raw instanceof String s) {
      try {
        value = Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("%s: '%s' is not a whole number".formatted(where, s));
      }
    } else {
      throw new IllegalArgumentException("%s: %s is not a whole number".formatted(where, raw));
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException("%s: %d is not between %d and %d".formatted(where, value, min, max));
    }
    return (int) value;
  }

  static boolean bool(Object raw, String where) {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException("%s: '%s' is not true or false".formatted(where, raw));
  }

  static String string(Object raw, String where) {
    if (raw instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    throw new IllegalArgumentException("%s: expected a non-empty string".formatted(where));
  }

  private static Path path(Object raw, String where) {
    try {
      return Path.of(string(raw, where));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("%s: not a valid path: %s".formatted(where, e.getMessage()), e);
    }
  }

  static Duration duration(Object raw, String where) {
    try {
      return Durations.parse(string(raw, where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%s: %s".formatted(where, e.getMessage()), e);
    }
  }

  static Optional<RateLimits.Budget> budget(Object raw, String where) {
    try {
      return RateLimits.Budget.parse(string(raw, where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%s: %s".formatted(where, e.getMessage()), e);
    }
  }

  private static ServerConfig.StoreKind storeKind(Object raw, String where) {
    try {
      return ServerConfig.StoreKind.fromWireName(string(raw, where));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("%s: %s".formatted(where, e.getMessage()), e);
    }
  }

  // ---- result ----------------------------------------------------------------------------------

  private ServerConfig build() {
    ServerConfig defaults = ServerConfig.defaults();
    try {
      Policy policy = defaults.policy();
      if (maxConnections != null) {
        policy = policy.withMaxConnections(maxConnections);
      }
      if (maxPendingSent != null) {
        policy = policy.withMaxPendingSent(maxPendingSent);
      }
      if (followCap != null) {
        policy = policy.withFollowCap(followCap);
      }
      if (warmFollowAge != null) {
        policy = policy.withWarmFollowAge(warmFollowAge);
      }
      if (prospectWindow != null) {
        policy = policy.withProspectWindow(prospectWindow);
      }
      if (inMailRefundWindow != null) {
        policy = policy.withInMailRefundWindow(inMailRefundWindow);
      }
      for (Map.Entry<String, Map<TierField, Object>> entry : tiers.entrySet()) {
        policy = policy.withTier(tier(entry.getKey(), entry.getValue(), policy.tiers().get(entry.getKey())));
      }
      return new ServerConfig(
          port != null ? port : defaults.port(),
          dataDir != null ? dataDir : defaults.dataDir(),
          Optional.ofNullable(adminToken),
          store != null ? store : defaults.store(),
          Optional.ofNullable(postgresUrl),
          devClock != null ? devClock : defaults.devClock(),
          policy,
          listener(defaults.listener()),
          new RateLimits(perToken != null ? perToken : defaults.rateLimits().perToken(),
              failedAuthentication != null ? failedAuthentication : defaults.rateLimits().failedAuthentication()),
          accounts.build(defaults.accounts()));
    } catch (RapportException e) {
      throw new IllegalArgumentException("invalid policy: " + e.getMessage(), e);
    }
  }

  private Listener listener(Listener defaults) {
    return new Listener(host != null ? host : defaults.host(),
        maxHttpConnections != null ? maxHttpConnections : defaults.maxConnections(),
        requestTimeout != null ? requestTimeout : defaults.requestTimeout(),
        idleTimeout != null ? idleTimeout : defaults.idleTimeout(),
        heartbeat != null ? heartbeat : defaults.heartbeat(),
        h2c != null ? h2c : defaults.h2c());
  }

  private Tier tier(String name, Map<TierField, Object> fields, Tier base) {
    if (base == null) {
      List<String> missing = Arrays.stream(TierField.values()).filter(f -> !fields.containsKey(f))
          .map(f -> f.yamlKey).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("%s: the new tier '%s' needs every field; missing %s"
            .formatted(tierOrigins.getOrDefault(name, "tiers." + name), name, missing));
      }
    }
    return new Tier(name,
        (int) fields.getOrDefault(TierField.WEEKLY_INVITATIONS, base == null ? 0 : base.weeklyInvitations()),
        (int) fields.getOrDefault(TierField.NEW_ACCOUNT_WEEKLY_INVITATIONS,
            base == null ? 0 : base.newAccountWeeklyInvitations()),
        (int) fields.getOrDefault(TierField.NOTES_PER_MONTH, base == null ? 0 : base.notesPerMonth()),
        (int) fields.getOrDefault(TierField.NOTE_MAX_LENGTH, base == null ? 0 : base.noteMaxLength()),
        (int) fields.getOrDefault(TierField.INMAIL_PER_MONTH, base == null ? 0 : base.inMailPerMonth()),
        (int) fields.getOrDefault(TierField.INMAIL_CAP, base == null ? 0 : base.inMailCap()),
        (boolean) fields.getOrDefault(TierField.OPEN_PROFILE_ALLOWED, base != null && base.openProfileAllowed()));
  }
}
