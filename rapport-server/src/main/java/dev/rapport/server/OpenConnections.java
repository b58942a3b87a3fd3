package dev.rapport.server;

import dev.rapport.server.Problems.Problem;
import io.helidon.common.socket.SocketOptions;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The connections the listener holds: past {@code max} a new one is answered 503 and closed at once,
 * and one that sends no request within the timeout is closed (Helidon waits for a connection's
 * first bytes without a limit). It sees each connection as Helidon configures the accepted socket,
 * and forgets it once closed, which a sweep notices within a second. Thread safe.
 */
final class OpenConnections implements SocketOptions, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(OpenConnections.class.getName());
  private static final long DISARMED = Long.MAX_VALUE;
  private static final byte[] REFUSAL = refusal();

  private final SocketOptions socketOptions;
  private final int max;
  private final long firstRequestNanos;
  private final Duration firstRequestTimeout;
  private final Map<SocketAddress, Connection> open = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;

  private static final class Connection {
    final SocketChannel channel;
    volatile long firstRequestDeadline;

    Connection(SocketChannel channel, long firstRequestDeadline) {
      this.channel = channel;
      this.firstRequestDeadline = firstRequestDeadline;
    }
  }

  /**
   * @param socketOptions what to set on each accepted socket
   * @param max the most connections held at once
   * @param firstRequestTimeout how long a new connection may take to send its first request line
   */
  OpenConnections(SocketOptions socketOptions, int max, Duration firstRequestTimeout) {
    this.socketOptions = socketOptions;
    this.max = max;
    this.firstRequestTimeout = firstRequestTimeout;
    this.firstRequestNanos = firstRequestTimeout.toNanos();
    this.sweeper = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("rapport-open-connections").factory());
    long period = Math.clamp(firstRequestTimeout.toMillis() / 4, 50, 1000);
    sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Counts a connection Helidon accepted, or refuses it past the limit: the 503 is written and the
   * exception makes Helidon close the socket and free its slot without a word.
   */
  @Override
  public void configureSocket(SocketChannel channel) {
    socketOptions.configureSocket(channel);
    SocketAddress remote;
    try {
      remote = channel.getRemoteAddress();
    } catch (IOException e) {
      throw new IllegalStateException("the connection closed as it was accepted", e);
    }
    if (open.size() >= max) {
      try {
        channel.write(ByteBuffer.wrap(REFUSAL));
      } catch (IOException e) {
        // The client left already; closing is all that is left to do.
      }
      throw new IllegalStateException("refused: %d connections are open".formatted(max));
    }
    open.put(remote, new Connection(channel, System.nanoTime() + firstRequestNanos));
  }

  /** The connection from this address sent its first request line: no first-request deadline any more. */
  void firstRequest(SocketAddress remote) {
    Connection connection = open.get(remote);
    if (connection != null) {
      connection.firstRequestDeadline = DISARMED;
    }
  }

  /** How many connections are open, as of the last sweep or later. */
  int count() {
    return open.size();
  }

  private void sweep() {
    long now = System.nanoTime();
    open.forEach((remote, connection) -> {
      long deadline = connection.firstRequestDeadline;
      if (!connection.channel.isOpen()) {
        open.remove(remote, connection);
      } else if (deadline != DISARMED && now - deadline > 0) {
        connection.firstRequestDeadline = DISARMED;
        LOG.log(System.Logger.Level.INFO, "closed a connection from {0}: it sent no request within {1}",
            remote, Durations.format(firstRequestTimeout));
        try {
          connection.channel.close();
        } catch (IOException e) {
          // Closed either way: the next sweep forgets it.
        }
      }
    });
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }

  private static byte[] refusal() {
    byte[] body = Json.bytes(Problems.document(new Problem(503, "too-many-connections",
        "the server holds as many connections as it may; try again shortly", Map.of(), Map.of())));
    String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nRetry-After: 1\r\n"
        + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
    ByteBuffer bytes = ByteBuffer.allocate(head.length() + body.length);
    bytes.put(head.getBytes(StandardCharsets.US_ASCII)).put(body);
    return bytes.array();
  }

  // ---- the rest of SocketOptions, as configured ----------------------------------------------

  @Override
  public Map<SocketOption<?>, Object> socketOptions() {
    return socketOptions.socketOptions();
  }

  @Override
  public Duration connectTimeout() {
    return socketOptions.connectTimeout();
  }

  @Override
  public Duration readTimeout() {
    return socketOptions.readTimeout();
  }

  @Override
  public Optional<Integer> socketReceiveBufferSize() {
    return socketOptions.socketReceiveBufferSize();
  }

  @Override
  public Optional<Integer> socketSendBufferSize() {
    return socketOptions.socketSendBufferSize();
  }

  @Override
  public boolean socketReuseAddress() {
    return socketOptions.socketReuseAddress();
  }

  @Override
  public boolean socketKeepAlive() {
    return socketOptions.socketKeepAlive();
  }

  @Override
  public boolean tcpNoDelay() {
    return socketOptions.tcpNoDelay();
  }

  @Override
  public void configureSocket(Socket socket) {
    socketOptions.configureSocket(socket);
  }
}
