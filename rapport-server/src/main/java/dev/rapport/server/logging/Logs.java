package dev.rapport.server.logging;

import java.io.OutputStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Where the service's log goes: every logger (Rapport's, Helidon's, the libraries') writes through
 * {@code java.util.logging} to one {@link AsyncLogHandler} on standard error, in the chosen
 * {@link LogFormat}. The loggers to know: {@code dev.rapport.access} (a line per request),
 * {@code dev.rapport.audit} (a line per administrator's action), {@code dev.rapport.network} (the
 * graph index's loads and saved copies).
 */
public final class Logs {
  private static final Object LOCK = new Object();
  private static AsyncLogHandler installed;

  private Logs() {}

  /** Writes the log to standard error in this format from now on, replacing the root logger's handlers. */
  public static void use(LogFormat format) {
    use(format, System.err);
  }

  /** As {@link #use(LogFormat)}, to the given stream (for tests). */
  static void use(LogFormat format, OutputStream stream) {
    synchronized (LOCK) {
      Logger root = LogManager.getLogManager().getLogger("");
      for (Handler handler : root.getHandlers()) {
        root.removeHandler(handler);
        handler.close();
      }
      installed = new AsyncLogHandler(stream, formatter(format));
      root.addHandler(installed);
    }
  }

  /** The formatter of a format, for handlers of one's own (such as a test's). */
  public static Formatter formatter(LogFormat format) {
    return switch (format) {
      case PLAIN -> new PlainLogFormatter();
      case JSON -> new JsonLogFormatter();
    };
  }

  /** Waits until what was logged so far is written; for the end of a process. */
  public static void flush() {
    synchronized (LOCK) {
      if (installed != null) {
        installed.flush();
      }
    }
  }

  /**
   * The log manager of the command line's process: the JDK's resets itself, closing every handler,
   * in a shutdown hook of its own, which may run before the service's hook has logged its last
   * lines (the graph index's copy saved); this one never resets, and the service calls {@link
   * #flush} at the end of its own hook instead. Named by the {@code java.util.logging.manager}
   * system property, set before anything logs.
   */
  public static final class DeferredResetLogManager extends LogManager {
    /** Called by {@code java.util.logging} itself, reflectively, once per process. */
    public DeferredResetLogManager() {}

    /** Ignored: the process ends with {@link Logs#flush}, and the handlers with the process. */
    @Override
    public void reset() {
      // Nothing: see the class comment. Configuration is not re-read at run time here.
    }
  }
}
