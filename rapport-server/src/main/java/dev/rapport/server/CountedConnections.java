package dev.rapport.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelectorConfig;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.time.Duration;
import java.util.Set;

/**
 * Helidon's HTTP/1.1 connections, counted while open: Helidon has no event for a connection's
 * end, but a connection's {@code handle} runs until it ends, so a selector that wraps it sees both.
 */
final class CountedConnections implements ServerConnectionSelector {
  private final ServerConnectionSelector http1;
  private final ServerMetrics metrics;

  /** Counts the connections of the server's one HTTP/1.1 configuration. */
  CountedConnections(ServerMetrics metrics, Http1Config config) {
    this.metrics = metrics;
    this.http1 = Http1ConnectionSelectorConfig.builder().config(config).build();
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
    return new Counted(http1.connection(context));
  }

  private final class Counted implements ServerConnection {
    private final ServerConnection connection;

    Counted(ServerConnection connection) {
      this.connection = connection;
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
      return connection.idleTime();
    }

    @Override
    public void close(boolean interrupt) {
      connection.close(interrupt);
    }
  }
}
