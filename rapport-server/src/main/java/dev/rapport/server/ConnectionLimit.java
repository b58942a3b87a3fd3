package dev.rapport.server;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many connections the listener holds, below the process's open-files limit so that accepting
 * one never fails for want of a file descriptor (Helidon's listener stops for good when one does).
 * {@link OpenConnections} answers 503 to connections past {@code held}; Helidon accepts at most
 * {@code accepted}, a margin above, so that those refusals can be made; past that, connections wait
 * in the kernel's accept queue until others close.
 *
 * @param held the connections served at once
 * @param accepted the connections open at once, the refused ones included
 */
record ConnectionLimit(int held, int accepted) {
  /** The most connections an automatic limit holds, whatever the open-files limit. */
  static final int AUTOMATIC_CEILING = 10_000;
  /** Descriptors kept free beyond those open at start, at the least: logs, the store's files and pool, jars. */
  static final int MIN_HEADROOM = 32;
  private static final System.Logger LOG = System.getLogger(ConnectionLimit.class.getName());

  /**
   * The limit for this process: the configured one, or {@link Listener#AUTOMATIC}'s, lowered (with a
   * warning) to what the open-files limit leaves room for.
   *
   * @throws IllegalStateException if the open-files limit leaves no room for connections
   */
  static ConnectionLimit forThisProcess(int configured) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof com.sun.management.UnixOperatingSystemMXBean unix)) {
      int held = configured == Listener.AUTOMATIC ? AUTOMATIC_CEILING : configured;
      return new ConnectionLimit(held, held + margin(held));
    }
    return of(configured, unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
  }

  /** {@link #forThisProcess} for given open-files figures. */
  static ConnectionLimit of(int configured, long openFilesLimit, long openNow) {
    long room = openFilesLimit - openNow - Math.max(MIN_HEADROOM, openFilesLimit / 10);
    long mostHeld = room - margin(room);
    if (mostHeld < 8) {
      throw new IllegalStateException(("the open-files limit (%d, with %d open) leaves no room for connections; "
          + "raise it (ulimit -n)").formatted(openFilesLimit, openNow));
    }
    int held;
    if (configured == Listener.AUTOMATIC) {
      held = (int) Math.min(AUTOMATIC_CEILING, mostHeld);
    } else if (configured > mostHeld) {
      LOG.log(System.Logger.Level.WARNING, "http.maxConnections {0} is more than the open-files limit ({1}) leaves "
          + "room for; using {2}", String.valueOf(configured), String.valueOf(openFilesLimit), String.valueOf(mostHeld));
      held = (int) mostHeld;
    } else {
      held = configured;
    }
    return new ConnectionLimit(held, (int) Math.min(room, held + margin(held)));
  }

  private static int margin(long held) {
    return (int) Math.max(8, held / 10);
  }
}
