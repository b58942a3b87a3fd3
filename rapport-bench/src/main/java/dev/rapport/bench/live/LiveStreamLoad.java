package dev.rapport.bench.live;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 18's live-stream load (NT2): seeds members over the admin API, opens one {@code GET
 * /v1/me/events} stream per member from several local addresses (127.0.0.2 and up), states the
 * server's heap and resident set per open stream, then has members follow members with a stream at
 * a fixed rate (open loop) and measures each {@code followed} notification's delivery on its stream
 * from the acknowledgement of its write. Stops by itself; loopback only.
 *
 * <p>Run by {@code rapport-bench/live-load.sh}, which starts the server: {@code java -cp
 * rapport-bench/target/benchmarks.jar dev.rapport.bench.live.LiveStreamLoad --port 18080
 * --admin-token T --server-pid P --streams 16000 --rate 1000 --seconds 30}
 */
public final class LiveStreamLoad {
  private static final int WRITES_IN_FLIGHT = 256;
  private static final Pattern OPEN_CONNECTIONS = Pattern.compile("(?m)^http_server_open_connections (\\S+)$");
  private final HttpClient client = HttpClient.newBuilder()
      .executor(Executors.newVirtualThreadPerTaskExecutor())
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final InetSocketAddress server;
  private final String prefix = "live-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  private final AtomicInteger lost = new AtomicInteger();
  private final ConcurrentLinkedQueue<AutoCloseable> connections = new ConcurrentLinkedQueue<>();
  private String[] tokens;
  private Http2EventStreams[] http2Clients = new Http2EventStreams[0];
  private FollowPlan plan;

  private LiveStreamLoad(InetSocketAddress server) {
    this.server = server;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int port = Integer.parseInt(options.getOrDefault("port", "18080"));
    long serverPid = Long.parseLong(options.get("server-pid"));
    int streams = Integer.parseInt(options.getOrDefault("streams", "50000"));
    int addresses = Integer.parseInt(options.getOrDefault("local-addresses", "4"));
    int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    // 0: a TCP connection per stream; more: HTTP/2, that many streams a connection at most.
    int http2 = Integer.parseInt(options.getOrDefault("http2-streams-per-connection", "0"));
    LiveStreamLoad load = new LiveStreamLoad(new InetSocketAddress("127.0.0.1", port));

    long started = System.nanoTime();
    load.seed(options.get("admin-token"), streams);
    System.out.printf("seeded %d members in %.1f s%n", streams, (System.nanoTime() - started) / 1e9);
    ServerMemory none = ServerMemory.of(serverPid);
    started = System.nanoTime();
    int[] open = http2 > 0 ? load.openHttp2Streams(streams, addresses, http2) : load.openStreams(streams, addresses);
    ServerMemory held = ServerMemory.of(serverPid);
    System.out.printf("streams held %d of %d (opened in %.1f s from %d local addresses%s)%n", open.length, streams,
        (System.nanoTime() - started) / 1e9, addresses,
        http2 > 0 ? ", over HTTP/2, at most %d a connection".formatted(http2) : "");
    if (open.length == 0) {
      System.exit(1);
    }
    System.out.printf("server heap after a full GC: %.1f MB with no stream, %.1f MB with %d: %.0f bytes a stream%n",
        none.liveHeapBytes() / 1e6, held.liveHeapBytes() / 1e6, open.length,
        (held.liveHeapBytes() - none.liveHeapBytes()) / (double) open.length);
    System.out.printf("server resident set: %.1f MB with no stream, %.1f MB with %d: %.0f bytes a stream%n",
        none.residentBytes() / 1e6, held.residentBytes() / 1e6, open.length,
        (held.residentBytes() - none.residentBytes()) / (double) open.length);

    load.plan = new FollowPlan(rate * (warmup + seconds), streams, open, 42);
    System.out.printf("follows at %d/s: %d s warm-up, %d s measured%n", rate, warmup, seconds);
    int failures;
    try (HttpClient writer = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
      failures = load.write(writer, rate);
    }
    load.awaitDeliveries(Duration.ofSeconds(10));
    FollowPlan.Result result = load.plan.result(rate * warmup, load.plan.writes());
    System.out.printf("writes measured %d, acknowledged %d, failed %d (whole run), delivered %d, missed %d, "
        + "strays %d, streams lost %d%n", load.plan.writes() - rate * warmup, result.acknowledged(), failures,
        result.acknowledged() - result.missed(), result.missed(), load.plan.strays(), load.lost.get());
    System.out.printf("delivery after acknowledgement, ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
        result.millis(0.50), result.millis(0.90), result.millis(0.99), result.millis(0.999), result.millis(1.0));
    ServerMemory after = ServerMemory.of(serverPid);
    int connected = load.closeStreams(Duration.ofSeconds(90));
    ServerMemory closed = ServerMemory.of(serverPid);
    System.out.printf("server heap after a full GC: %.1f MB after the run, %.1f MB once the streams closed "
        + "(%d connections left): %.0f bytes a stream; the rest is what the server remembers of the members%n",
        after.liveHeapBytes() / 1e6, closed.liveHeapBytes() / 1e6, connected,
        (after.liveHeapBytes() - closed.liveHeapBytes()) / (double) (open.length - connected));
    System.exit(result.missed() == 0 && failures == 0 ? 0 : 2);
  }

  private String handle(int member) {
    return prefix + "-" + member;
  }

  /** Members {@code prefix-0..n-1} with a token each, created 32 at a time. */
  private void seed(String adminToken, int n) throws Exception {
    tokens = new String[n];
    Semaphore inFlight = new Semaphore(32);
    CountDownLatch created = new CountDownLatch(n);
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      int member = i;
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/v1/members".formatted(
              server.getPort())))
          .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"handle\":\"%s\",\"name\":\"Live Member %d\"}"
              .formatted(handle(i), i))).build();
      client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, e) -> {
        if (e == null && response.statusCode() == 201) {
          String body = response.body();
          int at = body.indexOf("\"token\":\"") + 9;
          tokens[member] = body.substring(at, body.indexOf('"', at));
        } else {
          errors.add(e != null ? e.toString() : response.statusCode() + " " + response.body());
        }
        inFlight.release();
        created.countDown();
      });
    }
    created.await();
    if (!errors.isEmpty()) {
      throw new IllegalStateException(errors.size() + " members not created, e.g. " + errors.peek());
    }
  }

  /**
   * Opens a stream per member, 64 at a time, each read on a virtual thread of its own until the
   * process ends.
   *
   * @return the members whose stream is open (it gave {@code ready})
   */
  private int[] openStreams(int n, int addresses) throws Exception {
    InetAddress[] locals = new InetAddress[addresses];
    for (int a = 0; a < addresses; a++) {
      locals[a] = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + a)});
    }
    AtomicIntegerArray ready = new AtomicIntegerArray(n);
    CountDownLatch tried = new CountDownLatch(n);
    Semaphore opening = new Semaphore(64);
    ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < n; i++) {
      opening.acquire();
      int member = i;
      Thread.ofVirtual().start(() -> {
        boolean counted = false;
        try (EventStreamConnection stream = EventStreamConnection.open(locals[member % addresses], server,
            tokens[member])) {
          EventStreamConnection.Frame first = stream.next();
          if (!first.event().equals("ready")) {
            throw new IOException("the stream began with " + first.event());
          }
          ready.set(member, 1);
          connections.add(stream);
          counted = true;
          opening.release();
          tried.countDown();
          read(member, stream);
        } catch (IOException | RuntimeException e) {
          if (!counted) {
            refusals.add(e.getMessage());
            opening.release();
            tried.countDown();
          } else {
            lost.incrementAndGet();
          }
        }
      });
    }
    tried.await();
    if (!refusals.isEmpty()) {
      System.out.printf("streams refused: %d, e.g. %s%n", refusals.size(), refusals.peek());
    }
    return java.util.stream.IntStream.range(0, n).filter(i -> ready.get(i) == 1).toArray();
  }

  /**
   * Opens a stream per member over HTTP/2, {@code perConnection} on each connection at most and the
   * connections spread over the local addresses, 256 streams opening at a time.
   *
   * @return the members whose stream is open (it gave {@code ready})
   */
  private int[] openHttp2Streams(int n, int addresses, int perConnection) throws Exception {
    Http2EventStreams[] clients = new Http2EventStreams[(n + perConnection - 1) / perConnection];
    http2Clients = clients;
    for (int c = 0; c < clients.length; c++) {
      clients[c] = new Http2EventStreams(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + c % addresses)}),
          server.getPort());
    }
    AtomicIntegerArray ready = new AtomicIntegerArray(n);
    CountDownLatch tried = new CountDownLatch(n);
    Semaphore opening = new Semaphore(256);
    ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    String actorField = "\"actor\":{\"handle\":\"" + prefix + "-";
    for (int i = 0; i < n; i++) {
      opening.acquire();
      int member = i;
      AtomicInteger state = new AtomicInteger(); // 0 opening, 1 ready, 2 ended
      clients[i % clients.length].open(tokens[member], (frame, now) -> {
        if (state.get() == 0 && frame.event().equals("ready") && state.compareAndSet(0, 1)) {
          ready.set(member, 1);
          opening.release();
          tried.countDown();
        } else if (!delivered(member, frame, now, actorField)) {
          state.set(2);
          lost.incrementAndGet();
        }
      }, reason -> {
        if (state.compareAndSet(0, 2)) {
          refusals.add(reason);
          opening.release();
          tried.countDown();
        } else if (state.compareAndSet(1, 2)) {
          lost.incrementAndGet();
        }
      }).whenComplete((stream, e) -> {
        if (e != null && state.compareAndSet(0, 2)) {
          refusals.add(e.toString());
          opening.release();
          tried.countDown();
        } else if (stream != null) {
          connections.add(stream);
        }
      });
    }
    tried.await();
    if (!refusals.isEmpty()) {
      System.out.printf("streams refused: %d, e.g. %s%n", refusals.size(), refusals.peek());
    }
    return java.util.stream.IntStream.range(0, n).filter(i -> ready.get(i) == 1).toArray();
  }

  /** Matches each {@code followed} notification on the member's stream to its write. */
  private void read(int member, EventStreamConnection stream) throws IOException {
    String actorField = "\"actor\":{\"handle\":\"" + prefix + "-";
    try {
      while (true) {
        EventStreamConnection.Frame frame = stream.next();
        if (!delivered(member, frame, System.nanoTime(), actorField)) {
          throw new EOFException("ended: " + frame.data());
        }
      }
    } catch (EOFException e) {
      lost.incrementAndGet();
    }
  }

  /** Matches a {@code followed} notification to its write; false if the frame ends the stream. */
  private boolean delivered(int member, EventStreamConnection.Frame frame, long now, String actorField) {
    if (frame.event().equals("notification")) {
      int at = frame.data().indexOf(actorField);
      if (at >= 0) {
        at += actorField.length();
        plan.delivered(member, Integer.parseInt(frame.data().substring(at, frame.data().indexOf('"', at))), now);
      }
    }
    return !frame.event().equals("end");
  }

  /**
   * Sends the plan's follows at {@code rate} a second, whatever the server does, with at most
   * {@link #WRITES_IN_FLIGHT} unanswered (each needs a connection of its own); the failures.
   */
  private int write(HttpClient writer, int rate) throws InterruptedException {
    AtomicInteger failures = new AtomicInteger();
    ConcurrentLinkedQueue<String> reasons = new ConcurrentLinkedQueue<>();
    CountDownLatch answered = new CountDownLatch(plan.writes());
    Semaphore inFlight = new Semaphore(WRITES_IN_FLIGHT);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < plan.writes(); i++) {
      long due = start + i * interval;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      int write = i;
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/v1/me/following/%s".formatted(
              server.getPort(), handle(plan.recipient(i)))))
          .header("Authorization", "Bearer " + tokens[plan.actor(i)])
          .PUT(HttpRequest.BodyPublishers.noBody()).build();
      writer.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, e) -> {
        if (e == null && response.statusCode() == 200) {
          plan.acknowledged(write, System.nanoTime());
        } else if (failures.incrementAndGet() <= 3) {
          reasons.add(e != null ? e.toString() : Integer.toString(response.statusCode()));
        }
        inFlight.release();
        answered.countDown();
      });
    }
    answered.await(60, TimeUnit.SECONDS);
    System.out.printf("writes sent at %.0f/s%n", plan.writes() / ((System.nanoTime() - start) / 1e9));
    if (!reasons.isEmpty()) {
      System.out.println("writes failed, e.g. " + String.join("; ", reasons));
    }
    return failures.get() + (int) answered.getCount();
  }

  /**
   * Closes every stream and waits until the server has let go of them (it finds a closed one when
   * its next heartbeat fails), or {@code wait} passed.
   *
   * @return the connections the server still has open
   */
  private int closeStreams(Duration wait) throws Exception {
    for (AutoCloseable stream : connections) {
      stream.close();
    }
    for (Http2EventStreams client : http2Clients) {
      client.close();
    }
    if (http2Clients.length > 0) {
      // A stream's connection counts no more once closed, but its stream lets go of what it holds
      // at its next write, a heartbeat (15 s) at most later.
      Thread.sleep(20_000);
    }
    long deadline = System.nanoTime() + wait.toNanos();
    int open = openConnections();
    // Left open at the end: the seeding client's pool, up to its 32 requests in flight, and this one.
    while (open > 40 && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      open = openConnections();
    }
    return open;
  }

  /** The server's {@code http_server_open_connections}, from its metrics. */
  private int openConnections() throws IOException, InterruptedException {
    String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/metrics".formatted(
        server.getPort()))).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher open = OPEN_CONNECTIONS.matcher(metrics);
    if (!open.find()) {
      throw new IllegalStateException("no http_server_open_connections in the server's metrics");
    }
    return (int) Double.parseDouble(open.group(1));
  }

  /** Waits until every acknowledged write was delivered, or {@code grace} passed. */
  private void awaitDeliveries(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    int acknowledged = plan.acknowledgedCount();
    while (plan.deliveries() < acknowledged && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
