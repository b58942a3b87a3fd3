package dev.rapport.server;

import dev.rapport.Rapport;
import dev.rapport.server.accounts.Passwords;
import dev.rapport.server.accounts.SignInThrottle;
import dev.rapport.store.Store;
import dev.rapport.time.AdjustableClock;
import io.github.bucket4j.TimeMeter;
import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http2.Http2Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The Rapport HTTP JSON API, running: the composition root that opens the configured store, builds
 * the {@link Rapport} engine on it and serves the API with Helidon SE on the configured port.
 *
 * <p>Routes, status codes and problem types are listed in this module's README; every
 * answer that is not 2xx is an RFC 9457 {@code application/problem+json} document. Callers
 * authenticate with {@code Authorization: Bearer <token>}: the admin token for {@code /v1/admin/*}
 * and member creation, a member's token for everything a member does (they act only as themselves).
 *
 * <p>Start with {@link #start}, stop with {@link #close} (it is not stopped by a JVM shutdown hook of
 * its own; add one if needed). Thread safe.
 */
public final class RapportServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RapportServer.class.getName());
  /** The longest a search of the network waits for its turn before the caller is told to come back. */
  private static final Duration SEARCH_WAIT = Duration.ofSeconds(5);
  /** Helidon's own ceiling on a request body, above {@link RequestBody#MAX_BYTES}: bodies past it are not even drained. */
  private static final long TRANSPORT_MAX_PAYLOAD = 1024 * 1024;
  /** Loads the graph index beside the listener, so that health checks answer while a large one loads. */
  private static final Executor INDEX_LOADER =
      task -> Thread.ofPlatform().name("rapport-index-load").daemon().start(task);
  /** Runs the live streams' follower, which lasts until the server stops. */
  private static final Executor LIVE_FOLLOWER =
      task -> Thread.ofPlatform().name("rapport-live-follower").daemon().start(task);
  private static final String VERSION = readVersion();

  private final Store store;
  private final Rapport rapport;
  private final HttpApi api;
  private final WebServer webServer;
  private final OpenConnections open;
  private final StalledRequests stalled;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RapportServer(Store store, Rapport rapport, HttpApi api, WebServer webServer, OpenConnections open,
      StalledRequests stalled) {
    this.open = open;
    this.store = store;
    this.rapport = rapport;
    this.api = api;
    this.webServer = webServer;
    this.stalled = stalled;
  }

  /**
   * Binds the configured address first, then opens the configured store ({@link ConfiguredStore}),
   * resolves the admin token (generating {@code <dataDir>/admin-token} when none is configured)
   * and starts serving. A port that cannot be bound fails the start before anything is written.
   *
   * @throws IllegalStateException if the address cannot be listened on (the message names the
   *     flag and variable to change)
   * @throws UncheckedIOException if the data directory or the admin token file cannot be used
   * @throws RuntimeException if the store cannot be opened
   */
  public static RapportServer start(ServerConfig config) {
    return start(config, TimeMeter.SYSTEM_NANOTIME);
  }

  /** {@link #start(ServerConfig)} with the rate limits' buckets on the given clock, for tests. */
  static RapportServer start(ServerConfig config, TimeMeter budgetClock) {
    ListenAddress address = ListenAddress.reserve(config.listener().host(), config.port());
    try {
      ServerMetrics metrics = new ServerMetrics(VERSION);
      return start(config, ConfiguredStore.open(config, metrics.store(config.store().wireName())), metrics,
          INDEX_LOADER, budgetClock, address);
    } finally {
      address.close();
    }
  }

  /** Serves on a store opened by the caller; the server owns it from now on and closes it. */
  static RapportServer start(ServerConfig config, Store store) {
    return start(config, store, new ServerMetrics(VERSION), INDEX_LOADER);
  }

  /**
   * As {@link #start(ServerConfig, Store)}, with the metrics the store reports to and the executor
   * that loads the graph index (a test holds the load back to see the server not ready).
   */
  static RapportServer start(ServerConfig config, Store store, ServerMetrics metrics, Executor indexLoader) {
    return start(config, store, metrics, indexLoader, TimeMeter.SYSTEM_NANOTIME, null);
  }

  private static RapportServer start(ServerConfig config, Store store, ServerMetrics metrics, Executor indexLoader,
      TimeMeter budgetClock, ListenAddress reserved) {
    OpenConnections open = null;
    StalledRequests stalled = null;
    try {
      String adminToken = AdminToken.resolve(config);
      Optional<AdjustableClock> devClock = config.devClock()
          ? Optional.of(new AdjustableClock(InstantSource.system()))
          : Optional.empty();
      Rapport rapport = Rapport.builder()
          .store(store)
          .policy(config.policy())
          .clock(devClock.<InstantSource>map(c -> c).orElse(InstantSource.system()))
          .loadNetworkOn(indexLoader)
          .liveStreamsOn(LIVE_FOLLOWER)
          .build();
      metrics.index(() -> Optional.of(rapport));
      List<Route> routes = Stream.of(
              new HealthRoutes(store, config.store().wireName(), rapport),
              new ProblemRoutes(),
              ContractRoutes.load(),
              new MemberRoutes(rapport),
              new FollowRoutes(rapport),
              new InvitationRoutes(rapport),
              new ConnectionRoutes(rapport),
              new NetworkRoutes(rapport, FairShare.forThisMachine(SEARCH_WAIT)),
              new BlockRoutes(rapport),
              new CompanyRoutes(rapport),
              new EndorsementRoutes(rapport),
              new NotificationRoutes(rapport),
              new OutreachRoutes(rapport),
              new EventStreamRoutes(rapport, config.listener().heartbeat()),
              new PostRoutes(rapport),
              new MessagingRoutes(rapport),
              new AccountRoutes(rapport, config.accounts(), new Passwords(config.accounts().argon2()),
                  new SignInThrottle(config.accounts(), budgetClock)),
              new TokenRoutes(rapport),
              new InviteRoutes(rapport, config.accounts()),
              new ClockRoutes(devClock),
              WebRoutes.load())
          .flatMap(group -> group.routes().stream())
          .toList();
      Problems problems = new Problems(rapport.clock());
      StreamingConnections streaming = new StreamingConnections();
      HttpApi api = new HttpApi(routes, new Authentication(rapport, adminToken),
          new RequestBudgets(config.rateLimits(), budgetClock), problems, metrics, streaming);
      MetricsEndpoint metricsEndpoint = new MetricsEndpoint(metrics);
      RequestObservation observation = new RequestObservation(metrics, new AccessLog());
      Listener listener = config.listener();
      ConnectionLimit limit = ConnectionLimit.forThisProcess(listener.maxConnections());
      // Without tcpNoDelay, an answer larger than a TCP segment waits for the client's delayed ACK
      // before its last part leaves.
      open = new OpenConnections(SocketOptions.builder().tcpNoDelay(true).build(), limit.held(),
          listener.idleTimeout());
      stalled = new StalledRequests(listener.requestTimeout(), open);
      QuietAborts.install();
      StalledRequests receiving = stalled;
      WebServerConfig.Builder builder = WebServer.builder()
          .host(listener.host())
          .port(reserved != null ? reserved.address().getPort() : config.port())
          .maxPayloadSize(TRANSPORT_MAX_PAYLOAD)
          .maxTcpConnections(limit.accepted())
          .idleConnectionTimeout(listener.idleTimeout())
          .idleConnectionPeriod(Duration.ofMillis(Math.clamp(listener.idleTimeout().toMillis() / 4, 100, 30_000)))
          .shutdownHook(false)
          .connectionOptions(open)
          // Only this HTTP/1.1 configuration: a discovered second one would make Helidon read a
          // connection's first bytes to choose between them, without a time limit. HTTP/2 comes
          // only as an upgrade from it (h2c), when the listener allows it, so that many live
          // streams share a connection (docs/decisions/0047-streams-over-http2.md).
          .protocolsDiscoverServices(false)
          .addConnectionSelector(new CountedConnections(metrics, streaming,
              Http1Config.builder().addReceiveListener(receiving).build(),
              listener.h2c() ? Optional.of(Http2Config.create()) : Optional.empty()))
          .directHandlers(handlers -> {
            for (var type : io.helidon.http.DirectHandler.EventType.values()) {
              handlers.addHandler(type, problems);
            }
          })
          .routing(routing -> {
            routing.addFilter(observation);
            metricsEndpoint.register(routing);
            api.register(routing);
          });
      if (reserved != null) {
        reserved.close();
      }
      WebServer webServer = builder.build().start();
      // Helidon logs a failed bind and carries on without a listener; an unbound server must not start.
      if (!webServer.isRunning() || webServer.port() < 0) {
        webServer.stop();
        throw new IllegalStateException(("cannot listen on %s:%d; is another process using it? choose another port "
            + "with --port or RAPPORT_PORT").formatted(listener.host(), config.port()));
      }
      if (config.devClock()) {
        LOG.log(System.Logger.Level.WARNING, "the dev clock is on: POST /v1/admin/clock moves time forward");
      }
      LOG.log(System.Logger.Level.INFO, "Rapport serves on port {0} of {1} ({2} store, at most {3} connections)",
          String.valueOf(webServer.port()), listener.host(), config.store().wireName(), String.valueOf(limit.held()));
      return new RapportServer(store, rapport, api, webServer, open, stalled);
    } catch (RuntimeException e) {
      if (stalled != null) {
        stalled.close();
      }
      if (open != null) {
        open.close();
      }
      store.close();
      throw e;
    }
  }

  /** This build's version, such as {@code 0.1.0}, from the build; {@code unknown} outside one. */
  public static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (InputStream in = RapportServer.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The port the server listens on (the bound one when the configuration said 0). */
  public int port() {
    return webServer.port();
  }

  /** The engine behind the API, for embedding applications and tests. */
  public Rapport rapport() {
    return rapport;
  }

  /** The store behind the engine, for tests that compare its event log. */
  Store store() {
    return store;
  }

  /** Every route the API serves. */
  List<Route> routes() {
    return api.routes();
  }

  /**
   * Stops serving, saves a copy of the graph index for the next start, and closes the store.
   * Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        // Ends the live streams first, so that their connections' threads finish and the stop need not wait.
        rapport.live().close();
        webServer.stop();
        stalled.close();
        open.close();
        saveNetwork();
      } finally {
        store.close();
      }
    }
  }

  /** A copy that could not be saved costs the next start a rebuild, and must not stop the shutdown. */
  private void saveNetwork() {
    if (!rapport.networkLoaded()) {
      return; // stopped while loading: the copy it loads from is still there, and a rebuild saves its own
    }
    try {
      rapport.saveNetwork();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "could not save a copy of the graph or feed index: {0}", e.toString());
    }
  }
}
