package dev.rapport.cli;

import dev.rapport.server.RapportServer;
import dev.rapport.server.ServerConfig;
import dev.rapport.server.accounts.Passwords;
import dev.rapport.server.logging.Logs;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rapport serve}: runs the HTTP service until SIGINT or SIGTERM. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
        "Runs the HTTP service until Ctrl-C or SIGTERM.",
        "Without configuration it keeps its data in SQLite under ./data, listens on 127.0.0.1 port 8080 "
            + "(this machine only) and writes a generated admin token to ./data/admin-token."},
    footer = {"",
        "Environment variables (flags win over them, they win over the YAML file):",
        "  RAPPORT_HOST, RAPPORT_PORT, RAPPORT_DATA_DIR, RAPPORT_ADMIN_TOKEN, RAPPORT_STORE,",
        "  RAPPORT_POSTGRES_URL, RAPPORT_DEV_CLOCK, RAPPORT_LOG_FORMAT, RAPPORT_HTTP_*,",
        "  RAPPORT_RATE_LIMIT_*, RAPPORT_POLICY_*, RAPPORT_TIER_*"})
final class ServeCommand implements Callable<Integer> {
  @Mixin
  private ServiceOptions options;

  @Option(names = "--demo",
      description = "Seed a demo network if there is none yet and print members to try.")
  private boolean demo;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    return serve(options, demo, spec.commandLine().getOut());
  }

  /**
   * Starts the service, optionally seeds the demo network, and blocks until the JVM is asked to
   * stop; a shutdown hook then closes the server so that the store is closed cleanly.
   */
  static int serve(ServiceOptions options, boolean demo, PrintWriter out) throws InterruptedException {
    if (options.logFormat != null) {
      Logs.use(ServiceOptions.logFormat(System.getenv(), options.logFormat));
    }
    ServerConfig config = ServerConfig.load(options.configFile(), options.environment(System.getenv()));
    RapportServer server = RapportServer.start(config);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("rapport-shutdown").unstarted(() -> {
      server.close();
      out.println("Rapport stopped.");
      out.flush();
      Logs.flush();
    }));

    String url = "http://" + urlHost(config.listener().host()) + ":" + server.port();
    String adminToken = config.adminToken().isPresent()
        ? "admin token as configured by RAPPORT_ADMIN_TOKEN or adminToken"
        : "admin token in " + config.dataDir().resolve("admin-token");
    out.printf("Rapport %s serving %s; %s; Ctrl-C stops it%n", Main.version(), url, adminToken);
    out.flush();

    if (demo) {
      DemoNetwork.Showcase showcase = new DemoNetwork(server.rapport(),
          new Passwords(config.accounts().argon2())::hash).seedIfAbsent();
      showcase.print(out, url);
      out.flush();
    }

    // The shutdown hook does the stopping; this thread only has to stay alive until then.
    new CountDownLatch(1).await();
    return 0;
  }

  /** The host a URL to this machine's service names: localhost for loopback and every-interface addresses. */
  static String urlHost(String host) {
    try {
      InetAddress address = InetAddress.getByName(host);
      if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
        return "localhost";
      }
      return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : host;
    } catch (UnknownHostException e) {
      return host;
    }
  }
}
