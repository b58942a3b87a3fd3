package dev.rapport.bench.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;

/**
 * {@code GET /v1/me/events} streams over HTTP/2 cleartext: one client per connection, upgraded
 * from HTTP/1.1 by a first request before any stream, each carrying thousands of streams read
 * line by line as they come, without a thread per stream
 * (docs/decisions/0047-streams-over-http2.md).
 */
final class Http2EventStreams implements AutoCloseable {
  private final HttpClient client;
  private final URI events;

  /**
   * Connects from {@code local} and upgrades the connection to HTTP/2.
   *
   * @throws IOException if the server does not answer over HTTP/2
   */
  Http2EventStreams(InetAddress local, int port) throws IOException, InterruptedException {
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).localAddress(local)
        .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(10)).build();
    this.events = URI.create("http://127.0.0.1:%d/v1/me/events".formatted(port));
    HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/health"
        .formatted(port))).build(), HttpResponse.BodyHandlers.discarding());
    if (health.version() != HttpClient.Version.HTTP_2) {
      client.close();
      throw new IOException("the server answered over " + health.version() + ", not HTTP/2");
    }
  }

  /**
   * Opens the member's stream: {@code frames} gets each of its events with the time its last line
   * came, and {@code ended} the reason once it ends.
   *
   * @return completes when the answer's head came, with a handle that cancels the stream
   */
  CompletableFuture<AutoCloseable> open(String token, BiConsumer<EventStreamConnection.Frame, Long> frames,
      java.util.function.Consumer<String> ended) {
    Lines lines = new Lines(frames, ended);
    HttpRequest request = HttpRequest.newBuilder(events).header("Authorization", "Bearer " + token)
        .header("Accept", "text/event-stream").build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(lines)).thenApply(response -> {
      if (response.statusCode() != 200) {
        lines.close();
        throw new IllegalStateException("the stream was refused: " + response.statusCode());
      }
      return lines;
    });
  }

  @Override
  public void close() {
    client.shutdownNow();
  }

  /** One stream's lines, put together into events as {@code EventStreamConnection.next} does. */
  private static final class Lines implements Flow.Subscriber<String>, AutoCloseable {
    private final BiConsumer<EventStreamConnection.Frame, Long> frames;
    private final java.util.function.Consumer<String> ended;
    private volatile Flow.Subscription subscription;
    private final EventFrames events = new EventFrames();

    Lines(BiConsumer<EventStreamConnection.Frame, Long> frames, java.util.function.Consumer<String> ended) {
      this.frames = frames;
      this.ended = ended;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String field) {
      events.accept(field).ifPresent(frame -> frames.accept(frame, System.nanoTime()));
    }

    @Override
    public void onError(Throwable e) {
      ended.accept(e.toString());
    }

    @Override
    public void onComplete() {
      ended.accept("the server ended the stream");
    }

    @Override
    public void close() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }
}
