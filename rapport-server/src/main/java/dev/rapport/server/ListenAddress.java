package dev.rapport.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * The address the server listens on, held by a socket of its own from before anything is written
 * to disk until Helidon takes it over: a busy port then fails the start before a data directory,
 * database or token file exists. Every failure is one line naming the flag and variable to change.
 */
final class ListenAddress implements AutoCloseable {
  private final ServerSocket reserved;
  private final InetSocketAddress address;

  private ListenAddress(ServerSocket reserved, InetSocketAddress address) {
    this.reserved = reserved;
    this.address = address;
  }

  /**
   * Binds {@code host:port} (port 0 picks a free one, which the later bind then reuses).
   *
   * @throws IllegalStateException if the host is unknown or not this machine's, or the port is taken or privileged
   */
  static ListenAddress reserve(String host, int port) {
    InetAddress inet;
    try {
      inet = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(
          "cannot listen on host '%s': unknown host; choose another with --host or RAPPORT_HOST".formatted(host), e);
    }
    ServerSocket socket = null;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(inet, port), 1);
      return new ListenAddress(socket, new InetSocketAddress(inet, socket.getLocalPort()));
    } catch (IOException e) {
      closeQuietly(socket);
      throw new IllegalStateException(failure(inet, port, e), e);
    }
  }

  /** The one line for a bind that failed. */
  static String failure(InetAddress inet, int port, IOException e) {
    String where = inet.getHostAddress() + ":" + port;
    String message = String.valueOf(e.getMessage());
    if (message.contains("in use")) {
      return "cannot listen on %s: the port is in use by another process; choose another with --port or RAPPORT_PORT"
          .formatted(where);
    }
    if (message.contains("ermission denied") || message.contains("Access denied")) {
      return ("permission denied: cannot listen on %s (ports under 1024 need privileges); choose another with "
          + "--port or RAPPORT_PORT").formatted(where);
    }
    if (e instanceof BindException) {
      return "cannot listen on %s: %s; choose another address with --host or RAPPORT_HOST".formatted(where, message);
    }
    return "cannot listen on %s: %s".formatted(where, message);
  }

  /** Where to listen: the host's address and the port reserved (the bound one when 0 was asked). */
  InetSocketAddress address() {
    return address;
  }

  /** Lets the port go, for Helidon to bind it at once. Idempotent. */
  @Override
  public void close() {
    closeQuietly(reserved);
  }

  private static void closeQuietly(ServerSocket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a listening socket that never accepted has nothing left to report.
      }
    }
  }
}
