package dev.rapport.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections whose request stops arriving: from its request line, the headers must arrive
 * within the request timeout, and then the body (if any) within another. Helidon's own idle timeout
 * covers a connection between requests, but not one stuck inside a request's headers or body.
 *
 * <p>Each connection's thread notes a deadline as the request arrives (a volatile write, no
 * scheduling per request); one sweeper closes the connections past theirs. HTTP/1.1 reads and
 * routes a connection's requests on one thread, which is what ties {@link #bodyRead()} to the
 * connection. Thread safe.
 */
final class StalledRequests implements Http1ConnectionListener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(StalledRequests.class.getName());
  private static final long DISARMED = Long.MAX_VALUE;
  private static final ThreadLocal<Watch> CURRENT = new ThreadLocal<>();

  private final long timeoutNanos;
  private final Duration timeout;
  private final OpenConnections open;
  private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sweeper;

  /** One connection's request in progress, if any. */
  private static final class Watch {
    final ConnectionContext connection;
    volatile long deadline = DISARMED;
    volatile String awaited = "";

    Watch(ConnectionContext connection) {
      this.connection = connection;
    }
  }

  /** @param open told of each connection's first request, which ends its wait for one */
  StalledRequests(Duration timeout, OpenConnections open) {
    this.timeout = timeout;
    this.open = open;
    this.timeoutNanos = timeout.toNanos();
    this.sweeper = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("rapport-stalled-requests").factory());
    long period = Math.clamp(timeout.toMillis() / 4, 50, 1000);
    sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /** The request line has arrived: its headers must follow within the timeout. */
  @Override
  public void prologue(ConnectionContext connection, HttpPrologue prologue) {
    Watch watch = CURRENT.get();
    if (watch == null || watch.connection != connection) {
      watch = new Watch(connection);
      CURRENT.set(watch);
      watches.add(watch);
      open.firstRequest(connection.remotePeer().address());
    }
    watch.awaited = "headers";
    watch.deadline = System.nanoTime() + timeoutNanos;
  }

  /** The headers have arrived: a body, if announced, must follow within the timeout. */
  @Override
  public void headers(ConnectionContext connection, Headers headers) {
    Watch watch = CURRENT.get();
    if (watch == null || watch.connection != connection) {
      return;
    }
    // Read as text: a malformed Content-Length is Helidon's to refuse, not this listener's to fail on.
    boolean body = headers.contains(HeaderNames.TRANSFER_ENCODING)
        || headers.first(HeaderNames.CONTENT_LENGTH).filter(length -> !length.strip().equals("0")).isPresent();
    if (body) {
      watch.awaited = "body";
      watch.deadline = System.nanoTime() + timeoutNanos;
    } else {
      watch.deadline = DISARMED;
    }
  }

  /** The calling connection's request body has been read to its end: nothing more to wait for. */
  static void bodyRead() {
    Watch watch = CURRENT.get();
    if (watch != null) {
      watch.deadline = DISARMED;
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Watch watch : watches) {
      try {
        long deadline = watch.deadline;
        if (!watch.connection.serverSocket().isConnected()) {
          watches.remove(watch);
        } else if (deadline != DISARMED && now - deadline > 0) {
          watch.deadline = DISARMED;
          LOG.log(System.Logger.Level.INFO, "closed a connection from {0}: its request''s {1} did not arrive within {2}",
              watch.connection.remotePeer().host(), watch.awaited, Durations.format(timeout));
          watch.connection.serverSocket().close();
        }
      } catch (RuntimeException e) {
        watches.remove(watch);
      }
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
