package dev.rapport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Which of Helidon's warnings reach the log, and as what. */
class QuietAbortsTest {
  private static LogRecord warning(String logger, Throwable thrown) {
    LogRecord record = new LogRecord(Level.WARNING, "Request failed: POST /v1/members HTTP/1.1");
    record.setLoggerName(logger);
    record.setThrown(thrown);
    return record;
  }

  @Test
  void aProblemAnsweredAlready_isNotLoggedAgainWithItsStackTrace() {
    RuntimeException again = new RuntimeException("Internal Server Error",
        new ProblemException(400, "unreadable-body", "the request body could not be read"));

    assertThat(new QuietAborts().isLoggable(warning("io.helidon.webserver.http.ErrorHandlers", again))).isFalse();
  }

  @Test
  void anyOtherFailureOfAHandler_isLoggedWhole() {
    LogRecord record = warning("io.helidon.webserver.http.ErrorHandlers", new IllegalStateException("a bug"));

    assertThat(new QuietAborts().isLoggable(record)).isTrue();
    assertThat(record.getThrown()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aClientGoneMidRequest_isOneShortLine() {
    LogRecord record = warning("io.helidon.webserver.http1.Http1Connection", new IOException("Connection reset"));

    assertThat(new QuietAborts().isLoggable(record)).isTrue();
    assertThat(record.getThrown()).isNull();
    assertThat(record.getLevel()).isEqualTo(Level.INFO);
  }
}
