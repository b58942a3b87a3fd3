package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testing.ApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A client of {@code GET /v1/me/events} over real HTTP: it reads the Server-Sent Events as they
 * come, on a thread of its own, and notes when each arrived. Closing it drops the connection, as a
 * client that goes away does.
 */
final class EventStreamClient implements AutoCloseable {
  /** One event of the stream, and when it arrived ({@link System#nanoTime}). */
  record Frame(String name, Optional<String> id, JsonNode data, long arrivedNanos) {}

  private static final Frame ENDED = new Frame("", Optional.empty(), ApiClient.MAPPER.nullNode(), 0);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private final HttpResponse<Stream<String>> response;
  private final Iterator<String> lines;
  private final Thread reader;

  private EventStreamClient(HttpResponse<Stream<String>> response, Iterator<String> lines, List<String> first) {
    this.response = response;
    this.lines = lines;
    first.forEach(this::line);
    this.reader = Thread.ofVirtual().start(this::read);
  }

  /** Opens the caller's stream, resuming after {@code lastEventId} if given; checks the answer's head against the contract. */
  static EventStreamClient open(int port, String token, Optional<String> lastEventId) {
    return open(port, "Authorization", "Bearer " + token, lastEventId);
  }

  /** Opens the stream of a browser's session, signed in with its cookie. */
  static EventStreamClient openSignedIn(int port, String sessionToken) {
    return open(port, "Cookie", "rapport_session=" + sessionToken, Optional.empty());
  }

  private static EventStreamClient open(int port, String credentialHeader, String credential,
      Optional<String> lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/me/events"))
        .header(credentialHeader, credential).header("Accept", "text/event-stream").GET();
    lastEventId.ifPresent(id -> request.header("Last-Event-ID", id));
    HttpRequest built = request.build();
    try {
      HttpResponse<Stream<String>> response = HTTP.send(built, HttpResponse.BodyHandlers.ofLines());
      // The contract is checked on the answer's head and its first event, which comes at once.
      Iterator<String> lines = response.body().iterator();
      List<String> first = new ArrayList<>();
      while (lines.hasNext() && (first.isEmpty() || !first.getLast().isEmpty())) {
        first.add(lines.next());
      }
      ApiContract.served().check(new ApiContract.Exchange("GET", "/v1/me/events", built.headers().map(),
          Optional.empty(), response.statusCode(), response.headers().map(), String.join("\n", first)));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the stream was refused: " + response.statusCode());
      }
      return new EventStreamClient(response, lines, first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String name = "message";
  private Optional<String> id = Optional.empty();
  private String data = "";

  private void read() {
    try {
      while (lines.hasNext()) {
        line(lines.next());
      }
    } catch (UncheckedIOException e) {
      // closed by the test, or by the server
    } finally {
      frames.add(ENDED);
    }
  }

  private void line(String line) {
    if (line.startsWith(":")) {
      heartbeats.incrementAndGet();
    } else if (line.startsWith("event: ")) {
      name = line.substring(7);
    } else if (line.startsWith("id: ")) {
      id = Optional.of(line.substring(4));
    } else if (line.startsWith("data: ")) {
      data = line.substring(6);
    } else if (line.isEmpty() && !data.isEmpty()) {
      try {
        frames.add(new Frame(name, id, ApiClient.MAPPER.readTree(data), System.nanoTime()));
      } catch (IOException e) {
        throw new AssertionError("an event's data is not JSON: " + data, e);
      }
      name = "message";
      id = Optional.empty();
      data = "";
    }
  }

  /** The next event, waiting up to {@code wait}; empty if none came or the stream ended. */
  Optional<Frame> next(Duration wait) throws InterruptedException {
    Frame frame = frames.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    if (frame == ENDED) {
      frames.add(ENDED);
      return Optional.empty();
    }
    return Optional.ofNullable(frame);
  }

  /** The next event with this name, skipping none: fails if another comes first or none in time. */
  Frame expect(String name, Duration wait) throws InterruptedException {
    Frame frame = next(wait).orElseThrow(() -> new AssertionError("no '" + name + "' event within " + wait));
    if (!frame.name().equals(name)) {
      throw new AssertionError("expected a '" + name + "' event, got " + frame);
    }
    return frame;
  }

  /** Every event that arrives within {@code wait}. */
  List<Frame> drain(Duration wait) throws InterruptedException {
    List<Frame> all = new ArrayList<>();
    long end = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < end) {
      Optional<Frame> frame = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
      if (frame.isEmpty()) {
        break;
      }
      all.add(frame.get());
    }
    return all;
  }

  /** Whether the server ended the stream (its end of the connection closed). */
  boolean ended(Duration wait) throws InterruptedException {
    reader.join(wait);
    return !reader.isAlive();
  }

  int heartbeats() {
    return heartbeats.get();
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
