package dev.rapport.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections that carry a live stream now, by Helidon's id of the connection: such a
 * connection is not idle, though its client may send nothing for a long time. Helidon counts an
 * HTTP/2 connection idle from the client's last frame and ends it, with every stream on it, at the
 * client's next frame once the idle timeout passed (docs/decisions/0047-streams-over-http2.md).
 * Thread safe.
 */
final class StreamingConnections {
  private final Map<String, Integer> streams = new ConcurrentHashMap<>();

  /** A stream begins on the connection {@code socketId} ({@code ServerRequest.socketId()}). */
  void opened(String socketId) {
    streams.merge(socketId, 1, Integer::sum);
  }

  /** A stream begun by {@link #opened} ends. */
  void closed(String socketId) {
    streams.computeIfPresent(socketId, (id, n) -> n == 1 ? null : n - 1);
  }

  /** Whether the connection {@code socketId} ({@code ConnectionContext.childSocketId()}) carries a stream. */
  boolean carries(String socketId) {
    return streams.containsKey(socketId);
  }
}
