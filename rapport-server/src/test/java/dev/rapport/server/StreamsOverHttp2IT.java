package dev.rapport.server;

import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.kernel.Policy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live streams and JSON routes over HTTP/2 cleartext, reached by upgrade from HTTP/1.1 as the JDK's
 * client asks for it when the listener allows it ({@code RAPPORT_HTTP_H2C}), and over HTTP/1.1 for
 * a client that does not ask or a server that does not allow it
 * (docs/decisions/0047-streams-over-http2.md).
 */
class StreamsOverHttp2IT {
  @TempDir
  Path dataDir;

  private static HttpRequest.Builder get(TestServer server, String path, String token) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + path))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
  }

  /** A server that allows the upgrade, with this idle timeout. */
  private TestServer startAllowingH2c(Duration idle) {
    ServerConfig defaults = ServerConfig.defaults();
    return TestServer.start(defaults.withPort(0).withDataDir(dataDir).withAdminToken(TestServer.ADMIN)
        .withDevClock(true).withPolicy(Policy.defaults())
        .withListener(defaults.listener().withTimeouts(Duration.ofSeconds(20), idle).withH2c(true)),
        io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME);
  }

  @Test
  void byDefault_anHttp2ClientIsServedHttp1() throws Exception {
    try (TestServer server = TestServer.start(dataDir);
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
      String token = server.member(unique("ada"));
      HttpResponse<String> me = http2.send(get(server, "/v1/me", token).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      assertThat(me.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }
  }

  @Test
  void jsonRoutesAnswerOverBothProtocols_eachInTheOneAskedFor() throws Exception {
    try (TestServer server = startAllowingH2c(Duration.ofSeconds(60));
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpClient http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      String ada = unique("ada");
      String token = server.member(ada);
      for (HttpClient client : new HttpClient[] {http2, http1, http2}) {
        HttpResponse<String> me = client.send(get(server, "/v1/me", token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.version()).isEqualTo(client.version());
        assertThat(me.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(ApiClient.MAPPER.readTree(me.body()).get("handle").asText()).isEqualTo(ada);
        HttpResponse<String> missing = client.send(get(server, "/v1/members/" + unique("nobody"), token).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.version()).isEqualTo(client.version());
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      }
    }
  }

  @Test
  void twoStreamsOnOneHttp2Client_eachReceiveTheirNotification() throws Exception {
    try (TestServer server = startAllowingH2c(Duration.ofSeconds(60));
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
      String ada = unique("ada");
      String adaToken = server.member(ada);
      String bob = unique("bob");
      String bobToken = server.member(bob);
      String cydToken = server.member(unique("cyd"));
      // The first request upgrades the connection; both streams then go over it as HTTP/2 streams.
      assertThat(http2.send(get(server, "/v1/me", cydToken).build(), HttpResponse.BodyHandlers.discarding())
          .version()).isEqualTo(HttpClient.Version.HTTP_2);
      try (Lines adaStream = Lines.open(http2, get(server, "/v1/me/events", adaToken));
          Lines bobStream = Lines.open(http2, get(server, "/v1/me/events", bobToken))) {
        adaStream.expect("event: ready");
        bobStream.expect("event: ready");
        assertThat(server.api.put("/v1/me/following/" + ada, cydToken).status()).isBetween(200, 201);
        assertThat(server.api.put("/v1/me/following/" + bob, cydToken).status()).isBetween(200, 201);
        for (Lines stream : new Lines[] {adaStream, bobStream}) {
          stream.expect("event: notification");
          stream.expect("id: ");
          JsonNode data = ApiClient.MAPPER.readTree(stream.expect("data: ").substring("data: ".length()));
          assertThat(data.get("kind").asText()).isEqualTo("followed");
        }
      }
    }
  }

  @Test
  void aConnectionCarryingAStream_outlivesTheIdleTimeout_thoughItsClientSendsNothing() throws Exception {
    Duration idle = Duration.ofSeconds(1);
    try (TestServer server = startAllowingH2c(idle);
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
      String ada = unique("ada");
      String adaToken = server.member(ada);
      String cydToken = server.member(unique("cyd"));
      try (Lines stream = Lines.open(http2, get(server, "/v1/me/events", adaToken))) {
        stream.expect("event: ready");
        Thread.sleep(idle.multipliedBy(3));
        // Another request on the same connection: Helidon ends a connection it found idle at the
        // client's next frame.
        assertThat(http2.send(get(server, "/v1/me", cydToken).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode()).isEqualTo(200);
        assertThat(server.api.put("/v1/me/following/" + ada, cydToken).status()).isBetween(200, 201);
        stream.expect("event: notification");
      }
    }
  }

  /** A stream's lines, read by a thread of its own so that a test waits for each with a time limit. */
  private static final class Lines implements AutoCloseable {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Stream<String> body;

    private Lines(Stream<String> body) {
      this.body = body;
      Iterator<String> it = body.iterator();
      Thread.ofVirtual().start(() -> {
        try {
          while (it.hasNext()) {
            lines.add(it.next());
          }
        } catch (RuntimeException e) {
          // The stream was closed by the test.
        }
      });
    }

    static Lines open(HttpClient client, HttpRequest.Builder request) throws Exception {
      HttpResponse<Stream<String>> response = client.send(request.header("Accept", "text/event-stream").build(),
          HttpResponse.BodyHandlers.ofLines());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
      return new Lines(response.body());
    }

    /** The next line that starts with {@code prefix}, within 5 s. */
    String expect(String prefix) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      for (;;) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        assertThat(line).as("a line starting with '%s' within 5 s", prefix).isNotNull();
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    }

    @Override
    public void close() {
      body.close();
    }
  }
}
