package dev.rapport.bench.live;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code GET /v1/me/events} stream over a plain socket bound to a chosen local address, read
 * frame by frame: a load generator that holds tens of thousands of them needs a few kilobytes each,
 * and a local address of its own for every 28,000 or so (one address has that many ephemeral ports).
 * One thread reads it.
 */
final class EventStreamConnection implements AutoCloseable {
  /** One Server-Sent Event: its name, its id (empty if it has none) and its data line. */
  record Frame(String event, Optional<String> id, String data) {}

  private final Socket socket;
  private final InputStream in;
  private final boolean chunked;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private int chunkLeft;
  private boolean firstChunk = true;

  private EventStreamConnection(Socket socket, InputStream in, boolean chunked) {
    this.socket = socket;
    this.in = in;
    this.chunked = chunked;
  }

  /**
   * Connects from {@code local} to the server, asks for the member's stream and reads the answer's
   * head.
   *
   * @throws IOException if it cannot connect, or the server answers anything but 200 (the message
   *     has the status line)
   */
  static EventStreamConnection open(InetAddress local, InetSocketAddress server, String token) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(server, 30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /v1/me/events HTTP/1.1\r\nHost: %s:%d\r\nAuthorization: Bearer %s\r\n"
          + "Accept: text/event-stream\r\n\r\n").formatted(server.getHostString(), server.getPort(), token)
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1024);
      String status = rawLine(in);
      boolean chunked = false;
      for (String header = rawLine(in); !header.isEmpty();
          header = rawLine(in)) {
        chunked |= header.toLowerCase(Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked");
      }
      if (!status.startsWith("HTTP/1.1 200")) {
        throw new IOException("the stream was refused: " + status);
      }
      return new EventStreamConnection(socket, in, chunked);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * The next event, skipping comments (heartbeats).
   *
   * @throws EOFException when the server ended the stream
   */
  Frame next() throws IOException {
    EventFrames frames = new EventFrames();
    while (true) {
      Optional<Frame> frame = frames.accept(bodyLine());
      if (frame.isPresent()) {
        return frame.get();
      }
    }
  }

  private String bodyLine() throws IOException {
    line.reset();
    for (int b = bodyByte(); b != '\n'; b = bodyByte()) {
      if (b < 0) {
        throw new EOFException("the server ended the stream");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** A byte of the body, undoing the chunked transfer coding if the answer has it. */
  private int bodyByte() throws IOException {
    if (chunked && chunkLeft == 0) {
      if (!firstChunk) {
        rawLine(in); // the CRLF that ends the previous chunk
      }
      firstChunk = false;
      String size = rawLine(in);
      int extension = size.indexOf(';');
      chunkLeft = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
      if (chunkLeft == 0) {
        return -1;
      }
    }
    chunkLeft--;
    return in.read();
  }

  /** A line of the answer's head or of the chunked coding, without its CRLF. */
  private static String rawLine(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder(32);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the server closed the connection");
      }
      if (b != '\r') {
        text.append((char) b);
      }
    }
    return text.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
