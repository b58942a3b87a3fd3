package dev.rapport.bench.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The load generator's stream reader against a real socket: chunks that split lines and fields,
 * heartbeats skipped, the end of the body seen, a refusal reported with its status line.
 */
class EventStreamConnectionTest {
  private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
      + "Transfer-Encoding: chunked\r\n\r\n";

  /** Answers the one connection it accepts with {@code answer}, written in the given pieces. */
  private static ServerSocket serving(String... pieces) throws IOException {
    ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      try (Socket socket = listener.accept()) {
        InputStream in = socket.getInputStream();
        StringBuilder request = new StringBuilder();
        for (int b = in.read(); b >= 0 && !request.append((char) b).toString().endsWith("\r\n\r\n"); b = in.read()) {
          // reads the request's head, up to its empty line
        }
        OutputStream out = socket.getOutputStream();
        for (String piece : pieces) {
          out.write(piece.getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      } catch (IOException e) {
        // the test sees what the client read
      }
    });
    return listener;
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
  }

  private static EventStreamConnection open(ServerSocket listener) throws IOException {
    return EventStreamConnection.open(InetAddress.getByName("127.0.0.2"),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), "token");
  }

  @Test
  void framesSplitAcrossChunks_areReadWhole_andHeartbeatsSkipped() throws Exception {
    try (ServerSocket listener = serving(HEAD, chunk("event: ready\nid: 7\ndata: {}\n\n"), chunk(": heartbeat\n\n"),
        chunk("event: notif"), chunk("ication\nid: 8\ndata: {\"actor\":"), chunk("{\"handle\":\"a-1\"}}\n\n"), "0\r\n\r\n");
        EventStreamConnection stream = open(listener)) {
      assertThat(stream.next()).isEqualTo(new EventStreamConnection.Frame("ready", Optional.of("7"), "{}"));
      assertThat(stream.next()).isEqualTo(new EventStreamConnection.Frame("notification", Optional.of("8"),
          "{\"actor\":{\"handle\":\"a-1\"}}"));
      assertThatThrownBy(stream::next).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void aRefusal_isReportedWithItsStatusLine() throws Exception {
    try (ServerSocket listener = serving("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")) {
      assertThatThrownBy(() -> open(listener)).isInstanceOf(IOException.class)
          .hasMessageContaining("503 Service Unavailable");
    }
  }
}
