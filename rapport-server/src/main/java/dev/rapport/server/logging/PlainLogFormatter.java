package dev.rapport.server.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record: local time, level, logger, message, and the stack trace of a failure.
 * Unlike the JDK's {@code SimpleFormatter} it never asks a record for its source, which would
 * walk the stack of the thread that formats it: here not the one that logged.
 */
final class PlainLogFormatter extends Formatter {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(128)
        .append(TIME.format(record.getInstant())).append(' ')
        .append(record.getLevel().getName()).append(' ')
        .append(record.getLoggerName()).append(": ")
        .append(message(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
    }
    return line.append(System.lineSeparator()).toString();
  }

  /**
   * A message that is its one parameter, as every access line is, without a {@code MessageFormat}
   * parse per record: at tens of thousands of lines a second that parse was the writer's main cost.
   */
  private String message(LogRecord record) {
    Object[] parameters = record.getParameters();
    if ("{0}".equals(record.getMessage()) && parameters != null && parameters.length == 1) {
      return String.valueOf(parameters[0]);
    }
    return formatMessage(record);
  }
}
