package dev.rapport.server;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Turns Helidon's warnings about a client that left in the middle of a request (a stack trace each)
 * into one short line, and drops those about connections {@link StalledRequests} closed, which
 * already said why, and those about a problem answered already (the access log has its line).
 * Anything else Helidon logs passes unchanged.
 */
final class QuietAborts implements Filter {
  private static final String ERROR_HANDLERS = "io.helidon.webserver.http.ErrorHandlers";
  /** Held here: the logging framework keeps its loggers only weakly, and would drop the filter with them. */
  private static final List<Logger> FILTERED = List.of(
      Logger.getLogger("io.helidon.webserver.http1.Http1Connection"),
      Logger.getLogger("io.helidon.webserver.ConnectionHandler"),
      Logger.getLogger(ERROR_HANDLERS));

  QuietAborts() {}

  /** Installs the filter on Helidon's connection loggers; idempotent. */
  static void install() {
    for (Logger logger : FILTERED) {
      if (!(logger.getFilter() instanceof QuietAborts)) {
        logger.setFilter(new QuietAborts());
      }
    }
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    Throwable thrown = record.getThrown();
    if (thrown == null) {
      return true;
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClosedChannelException) {
        return false;
      }
      // A problem answered already, which Helidon tries to answer again once the connection under
      // it was closed (a stalled body closed as the handler read it): a stack trace of nothing.
      if (cause instanceof ProblemException && ERROR_HANDLERS.equals(record.getLoggerName())) {
        return false;
      }
      if (cause.getClass().getName().endsWith("InsufficientDataAvailableException")
          || cause instanceof IOException io && isPeerGone(io)) {
        record.setThrown(null);
        record.setLevel(Level.INFO);
        record.setMessage("a client closed its connection in the middle of a request");
        record.setParameters(null);
        return true;
      }
    }
    return true;
  }

  private static boolean isPeerGone(IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Connection reset") || message.contains("Broken pipe");
  }
}
