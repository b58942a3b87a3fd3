package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as exposed to a network that misbehaves, as a separate process: loopback by default,
 * a busy port or a sample token refused in one line before anything is written, the listener alive
 * past its open-files limit, and requests that stall closed after their timeout.
 */
class ExposureIT {
  private static final String ADMIN_TOKEN = "exposure-admin-token-0123456789";
  /** Short timeouts, so that the stalls are seen within seconds. */
  private static final Map<String, String> SHORT_TIMEOUTS = Map.of("RAPPORT_ADMIN_TOKEN", ADMIN_TOKEN,
      "RAPPORT_HTTP_REQUEST_TIMEOUT", "1s", "RAPPORT_HTTP_IDLE_TIMEOUT", "2s");

  @TempDir
  Path tmp;

  @Test
  void pastTheOpenFilesLimit_theExcessIsRefused_andTheServiceAnswersOnceConnectionsClose() throws IOException {
    Path data = tmp.resolve("data");
    int port = ServiceProcess.freePort();
    try (ServiceProcess serve = ServiceProcess.start(List.of("prlimit", "--nofile=256:256"), port,
        tmp.resolve("limited.log"), SHORT_TIMEOUTS, "serve", "--port", Integer.toString(port),
        "--data-dir", data.toString()).awaitHealthy()) {
      assertThat(serve.output()).containsPattern("at most \\d+ connections");
      int held = Integer.parseInt(serve.output().replaceAll("(?s).*at most (\\d+) connections.*", "$1"));
      assertThat(held).isLessThan(256);

      List<Socket> flood = new ArrayList<>();
      int refused = 0;
      try {
        for (int i = 0; i < 400; i++) {
          Socket socket = new Socket();
          socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
          flood.add(socket);
        }
        for (Socket socket : flood) {
          if (firstBytes(socket, Duration.ofSeconds(10)).startsWith("HTTP/1.1 503")) {
            refused++;
          }
        }
      } finally {
        for (Socket socket : flood) {
          socket.close();
        }
      }
      assertThat(refused).as("connections past the limit are answered 503").isPositive();

      assertThat(healthWithin(port, Duration.ofSeconds(15))).as("the service answers again").isEqualTo(200);
      assertThat(serve.process().isAlive()).isTrue();
      assertThat(serve.output()).doesNotContain("terminating", "\tat ", "Too many open files");
    }
  }

  @Test
  void stalledHeaders_stalledBody_andSilentConnections_areClosedWithinTheirTimeouts() throws IOException {
    int port = ServiceProcess.freePort();
    try (ServiceProcess serve = ServiceProcess.start(port, tmp.resolve("stall.log"), SHORT_TIMEOUTS,
        "serve", "--port", Integer.toString(port), "--data-dir", tmp.resolve("data").toString()).awaitHealthy()) {
      Duration headers = closedAfter(port, "GET /health HTTP/1.1\r\nHost: localhost\r\n");
      Duration body = closedAfter(port, "POST /v1/members HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
          + ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"handle\":");
      Duration silent = closedAfter(port, "");

      // The timeout, plus the sweep that finds it past (a quarter of it), plus slack for a busy machine;
      // the clocks start a little apart (the service's at accept, the test's after writing).
      assertThat(headers).isBetween(Duration.ofMillis(700), Duration.ofSeconds(4));
      assertThat(body).isBetween(Duration.ofMillis(700), Duration.ofSeconds(4));
      assertThat(silent).isBetween(Duration.ofMillis(1000), Duration.ofSeconds(5));
      assertThat(healthWithin(port, Duration.ofSeconds(5))).isEqualTo(200);
      // The silent one is closed by whichever comes first, Helidon's idle timeout or this service's sweep.
      String output = serve.awaitOutput(o -> o.contains("body did not arrive"), Duration.ofSeconds(10));
      assertThat(output).contains("request's headers did not arrive within 1s", "request's body did not arrive within 1s")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void aClientLeavingInTheMiddleOfARequest_isAtMostOneShortLine() throws IOException {
    int port = ServiceProcess.freePort();
    try (ServiceProcess serve = ServiceProcess.start(port, tmp.resolve("abort.log"), SHORT_TIMEOUTS,
        "serve", "--port", Integer.toString(port), "--data-dir", tmp.resolve("data").toString()).awaitHealthy()) {
      int before = serve.output().split("\n").length;
      for (String partial : List.of("GET /health HTTP/1.1\r\nHost: local",
          "POST /v1/members HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN
              + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"handle\":")) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
          socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
        }
      }
      assertThat(healthWithin(port, Duration.ofSeconds(5))).isEqualTo(200);
      String output = serve.output();
      assertThat(output).doesNotContain("\tat ", "Exception");
      // The health checks' access lines are written in batches, so one may land after "before".
      List<String> about = Arrays.stream(output.split("\n")).skip(before)
          .filter(line -> !line.contains("GET /health ")).toList();
      assertThat(about).as("lines about the two aborted requests").hasSizeLessThanOrEqualTo(2);
    }
  }

  @Test
  void aBusyPort_isOneLineNamingTheFlag_andNothingIsWritten() throws IOException {
    Path data = tmp.resolve("data");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      try (ServiceProcess serve = ServiceProcess.start(port, tmp.resolve("busy.log"), Map.of(),
          "serve", "--port", Integer.toString(port), "--data-dir", data.toString())) {
        assertThat(serve.exitsWithin(Duration.ofSeconds(60))).as("exits by itself").isTrue();
        assertThat(serve.process().exitValue()).isEqualTo(1);
        assertThat(serve.output().strip()).startsWith("rapport: ").contains(Integer.toString(port), "in use",
            "--port", "RAPPORT_PORT").doesNotContain("\n", "\tat ");
      }
    }
    assertThat(data).as("no data directory, database or token file").doesNotExist();
  }

  @Test
  void theREADMEsSampleAdminToken_isRefusedAtStart() {
    Path data = tmp.resolve("data");
    int port = ServiceProcess.freePort();
    try (ServiceProcess serve = ServiceProcess.start(port, tmp.resolve("sample.log"),
        Map.of("RAPPORT_ADMIN_TOKEN", "Change-Me-to-a-long-random-string"),
        "serve", "--port", Integer.toString(port), "--data-dir", data.toString())) {
      assertThat(serve.exitsWithin(Duration.ofSeconds(60))).isTrue();
      assertThat(serve.process().exitValue()).isEqualTo(1);
      assertThat(serve.output().strip()).startsWith("rapport: adminToken (RAPPORT_ADMIN_TOKEN)")
          .contains("change-me").doesNotContain("\n", "long-random-string");
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void byDefault_itListensOnLoopbackOnly() throws IOException {
    int port = ServiceProcess.freePort();
    try (ServiceProcess serve = ServiceProcess.start(port, tmp.resolve("host.log"), Map.of("RAPPORT_ADMIN_TOKEN",
        ADMIN_TOKEN), "serve", "--port", Integer.toString(port), "--data-dir", tmp.resolve("data").toString())
        .awaitHealthy()) {
      assertThat(serve.output()).contains("serves on port " + port + " of 127.0.0.1");
      Optional<InetAddress> external = ServiceProcess.externalAddress();
      assumeTrue(external.isPresent(), "this machine has no address but loopback");
      assertThat(ServiceProcess.accepts(external.get(), port)).isFalse();
    }
  }

  /** Sends the start of a request, then waits for the service to close the connection. */
  private static Duration closedAfter(int port, String partial) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      Instant start = Instant.now();
      String answer = firstBytes(socket, Duration.ofSeconds(20));
      assertThat(answer).as("closed without an answer").isEmpty();
      return Duration.between(start, Instant.now());
    }
  }

  /** What the service sends first on this connection, empty if it closes it; fails past the timeout. */
  private static String firstBytes(Socket socket, Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    byte[] buffer = new byte[64];
    try {
      InputStream in = socket.getInputStream();
      int read = in.read(buffer);
      return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the service neither answered nor closed the connection within " + timeout, e);
    } catch (IOException reset) {
      return "";
    }
  }

  /** The status of {@code GET /health}, asked until it answers or the time is up. */
  private static int healthWithin(int port, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    IOException last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        int status = client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return status;
        }
      } catch (IOException e) {
        last = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new UncheckedIOException("no answer from /health within " + timeout, last == null ? new IOException() : last);
  }
}
