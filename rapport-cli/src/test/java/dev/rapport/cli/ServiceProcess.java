package dev.rapport.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The packaged service ({@code target/rapport.jar}) running as a separate process, as a user starts
 * it. Output goes to a log file next to the data directory so that a failing test can show it.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final int port;

  private ServiceProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The shaded jar that {@code package} built; failsafe passes the build directory. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("project.build.directory", "target")).resolve("rapport.jar");
    if (!Files.isRegularFile(jar)) {
      fail("%s does not exist; run the ITs through 'mvnw verify' so that package builds it first", jar);
    }
    return jar;
  }

  /** A port nobody listens on right now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts {@code java -jar rapport.jar <args>} with the given {@code RAPPORT_*} variables and no
   * others from the test's environment, so a developer's settings cannot leak in.
   */
  static ServiceProcess start(int port, Path log, Map<String, String> environment, String... args) {
    return start(List.of(), port, log, environment, args);
  }

  /** {@link #start(int, Path, Map, String...)} run through a command such as {@code prlimit --nofile=256:256}. */
  static ServiceProcess start(List<String> prefix, int port, Path log, Map<String, String> environment,
      String... args) {
    return start(prefix, Path.of("").toAbsolutePath(), port, log, environment, args);
  }

  /** {@link #start(int, Path, Map, String...)} in a working directory, as a user runs it from a checkout. */
  static ServiceProcess startIn(Path directory, int port, Path log, Map<String, String> environment,
      String... args) {
    return start(List.of(), directory, port, log, environment, args);
  }

  private static ServiceProcess start(List<String> prefix, Path directory, int port, Path log,
      Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("RAPPORT_"));
    builder.environment().putAll(environment);
    try {
      return new ServiceProcess(builder.start(), log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** An IPv4 address of this machine other than loopback, if it has one. */
  static Optional<InetAddress> externalAddress() throws SocketException {
    return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }

  /** Whether a TCP connection to the address and port opens within two seconds. */
  static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  /** {@code serve} on a port and data directory, with a fixed admin token. */
  static ServiceProcess serve(Path dataDir, String adminToken, String... extraArgs) {
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port),
        "--data-dir", dataDir.toString()));
    args.addAll(List.of(extraArgs));
    return start(port, dataDir.resolveSibling(dataDir.getFileName() + ".log"),
        Map.of("RAPPORT_ADMIN_TOKEN", adminToken), args.toArray(String[]::new));
  }

  Process process() {
    return process;
  }

  int port() {
    return port;
  }

  /** Everything the process printed so far. */
  String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until {@code GET /health} answers 200. Each pause between attempts is a bounded wait
   * for the process to exit, so a service that dies while starting fails the test at once.
   */
  ServiceProcess awaitHealthy() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
        .timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException notYetListening) {
        // Expected until the server has bound its port.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (exitsWithin(Duration.ofMillis(100))) {
        fail("the service exited with %d before it was healthy; it printed:%n%s", process.exitValue(), output());
      }
    }
    return fail("the service was not healthy within %s; it printed:%n%s", START_TIMEOUT, output());
  }

  /** Waits until the output satisfies the condition, or fails with the output. */
  String awaitOutput(Predicate<String> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      String output = output();
      if (condition.test(output)) {
        return output;
      }
      if (exitsWithin(Duration.ofMillis(100))) {
        String last = output();
        if (condition.test(last)) {
          return last;
        }
        fail("the service exited with %d; it printed:%n%s", process.exitValue(), last);
      }
    }
    return fail("the expected output did not appear within %s; the service printed:%n%s", timeout, output());
  }

  /** Whether the process exits within the timeout (it may have exited already). */
  boolean exitsWithin(Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException stillRunning) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asks the service to stop (SIGTERM) and waits for it; kills it if it does not stop in time. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!exitsWithin(Duration.ofSeconds(30))) {
      process.destroyForcibly();
      exitsWithin(Duration.ofSeconds(30));
    }
  }
}
