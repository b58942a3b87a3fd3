package dev.rapport.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server meets the network: the address it listens on, how many connections it holds at
 * once, and how long it waits for a request that stalls or a connection that idles.
 *
 * @param host the address to listen on: {@code 127.0.0.1} (the default) serves this machine only,
 *     {@code 0.0.0.0} every interface (put a TLS-terminating proxy in front)
 * @param maxConnections the most connections held at once; {@code 0} derives it from the process's
 *     open-files limit ({@link #AUTOMATIC})
 * @param requestTimeout how long a request's headers, and then its body, may take to arrive
 * @param idleTimeout how long a connection may stay open between requests (or before its first)
 * @param heartbeat how long a live stream ({@code GET /v1/me/events}) stays silent at most: a
 *     comment line is sent after so long without an event, so that proxies keep it and a dead
 *     client is found
 * @param h2c whether a client may upgrade a connection to HTTP/2 cleartext ({@code Upgrade: h2c}), so
 *     that many requests and live streams share it; off by default, since the request timeout is not
 *     enforced on an upgraded connection (docs/decisions/0047-streams-over-http2.md)
 */
public record Listener(String host, int maxConnections, Duration requestTimeout, Duration idleTimeout,
    Duration heartbeat, boolean h2c) {
  /** A live stream's heartbeat by default. */
  static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  /** {@link #maxConnections()} value that derives the limit from the open-files limit. */
  public static final int AUTOMATIC = 0;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the setting at fault
   */
  public Listener {
    Objects.requireNonNull(host, "host");
    if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("host (RAPPORT_HOST): '%s' is not an address or a host name".formatted(host));
    }
    if (maxConnections < 0) {
      throw new IllegalArgumentException("http.maxConnections (RAPPORT_HTTP_MAX_CONNECTIONS): %d is negative"
          .formatted(maxConnections));
    }
    requirePositive(requestTimeout, "http.requestTimeout (RAPPORT_HTTP_REQUEST_TIMEOUT)");
    requirePositive(idleTimeout, "http.idleTimeout (RAPPORT_HTTP_IDLE_TIMEOUT)");
    requirePositive(heartbeat, "http.heartbeat (RAPPORT_HTTP_HEARTBEAT)");
  }

  /** With the default heartbeat. */
  public Listener(String host, int maxConnections, Duration requestTimeout, Duration idleTimeout) {
    this(host, maxConnections, requestTimeout, idleTimeout, DEFAULT_HEARTBEAT, false);
  }

  /** This listener with another heartbeat for live streams. */
  public Listener withHeartbeat(Duration newHeartbeat) {
    return new Listener(host, maxConnections, requestTimeout, idleTimeout, newHeartbeat, h2c);
  }

  /** This listener with HTTP/2 upgrades allowed or not. */
  public Listener withH2c(boolean allowed) {
    return new Listener(host, maxConnections, requestTimeout, idleTimeout, heartbeat, allowed);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.toMillis() < 1) {
      throw new IllegalArgumentException("%s: %s is not a positive duration".formatted(name, duration));
    }
  }

  /** Loopback only, connections from the open-files limit, 20 s for a request to arrive, 60 s idle, HTTP/1.1 only. */
  public static Listener defaults() {
    return new Listener("127.0.0.1", AUTOMATIC, Duration.ofSeconds(20), Duration.ofSeconds(60));
  }

  /** This listener on another host. */
  public Listener withHost(String newHost) {
    return new Listener(newHost, maxConnections, requestTimeout, idleTimeout, heartbeat, h2c);
  }

  /** This listener with another connection limit ({@link #AUTOMATIC} for the derived one). */
  public Listener withMaxConnections(int limit) {
    return new Listener(host, limit, requestTimeout, idleTimeout, heartbeat, h2c);
  }

  /** This listener with other timeouts. */
  public Listener withTimeouts(Duration request, Duration idle) {
    return new Listener(host, maxConnections, request, idle, heartbeat, h2c);
  }
}
