package dev.rapport.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelectorConfig;
import io.helidon.webserver.http2.Http2Config;
import io.helidon.webserver.http2.Http2Upgrader;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Helidon's HTTP/1.1 connections, counted while open: Helidon has no event for a connection's
 * end, but a connection's {@code handle} runs until it ends, so a selector that wraps it sees both.
 */
final class CountedConnections implements ServerConnectionSelector {
  private final ServerConnectionSelector http1;
  private final ServerMetrics metrics;
  private final StreamingConnections streaming;

  /**
   * Counts the connections of the server's one HTTP/1.1 configuration, those upgraded to HTTP/2
   * ({@code Upgrade: h2c}, when {@code http2} is given) included: an upgraded connection runs within its HTTP/1.1 one's
   * {@code handle} (docs/decisions/0047-streams-over-http2.md).
   */
  CountedConnections(ServerMetrics metrics, StreamingConnections streaming, Http1Config config,
      Optional<Http2Config> http2) {
    this.metrics = metrics;
    this.streaming = streaming;
    var selector = Http1ConnectionSelectorConfig.builder().config(config);
    http2.ifPresent(upgrade -> selector.addUpgrader(Http2Upgrader.create(upgrade)));
    this.http1 = selector.build();
  }

  @Override
  public int bytesToIdentifyConnection() {
    return http1.bytesToIdentifyConnection();
  }

  @Override
  public Support supports(BufferData data) {
    return http1.supports(data);
  }

  @Override
  public Set<String> supportedApplicationProtocols() {
    return http1.supportedApplicationProtocols();
  }

  @Override
  public ServerConnection connection(ConnectionContext context) {
    return new Counted(http1.connection(context), context.childSocketId());
  }

  private final class Counted implements ServerConnection {
    private final ServerConnection connection;
    private final String socketId;

    Counted(ServerConnection connection, String socketId) {
      this.connection = connection;
      this.socketId = socketId;
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
      metrics.connectionOpened();
      try {
        connection.handle(limit);
      } finally {
        metrics.connectionClosed();
      }
    }

    @Override
    public Duration idleTime() {
      // A connection that carries a live stream is busy, whatever its client last sent
      // (docs/decisions/0047-streams-over-http2.md).
      return streaming.carries(socketId) ? Duration.ZERO : connection.idleTime();
    }

    @Override
    public void close(boolean interrupt) {
      connection.close(interrupt);
    }
  }
}
