package dev.rapport.server;

import dev.rapport.testing.ApiContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand on a socket, for requests no well-behaved client sends: malformed
 * escapes, broken framing, lying headers. The client half-closes after the body, so a server
 * waiting for more sees the end of the stream. Such requests break the API contract on purpose;
 * their responses are checked against it.
 */
final class RawHttp {
  private RawHttp() {}

  /** A response: status, headers by lowercase name, body. */
  record Answer(int status, Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  /** Sends the request head (lines joined with CRLF, ended by an empty line) and then the body bytes. */
  static Answer send(int port, String head, byte[] body) {
    Answer answer = exchange(port, head, body);
    String[] requestLine = head.split("\n", 2)[0].split(" ");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
    ApiContract.served().checkResponse(new ApiContract.Exchange(requestLine[0],
        requestLine.length > 1 ? requestLine[1] : "", Map.of(), Optional.empty(), answer.status(), headers,
        answer.body()));
    return answer;
  }

  private static Answer exchange(int port, String head, byte[] body) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write((head.replace("\n", "\r\n") + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      try {
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // The server may answer and close before the whole body is written; the answer still counts.
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("raw request failed: " + head, e);
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] status = statusLine.split(" ", 3);
    if (status.length < 2) {
      throw new IOException("no status line, got '" + statusLine + "'");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
    }
    byte[] body = headers.containsKey("content-length")
        ? in.readNBytes(Integer.parseInt(headers.get("content-length")))
        : in.readAllBytes();
    return new Answer(Integer.parseInt(status[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
