package dev.rapport.cli;

import dev.rapport.server.logging.LogFormat;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code serve} and {@code demo} share: where the data is, the address, the port, the log's format. */
final class ServiceOptions extends StoreOptions {
  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on (RAPPORT_HOST; default 127.0.0.1, this machine only; "
          + "0.0.0.0 for every interface, behind a TLS-terminating proxy).")
  String host;

  @Option(names = {"-p", "--port"}, paramLabel = "N",
      description = "HTTP port (RAPPORT_PORT; default 8080). 0 picks a free port; the line printed at start "
          + "says which (serving http://localhost:N).")
  Integer port;

  @Option(names = "--log-format", paramLabel = "plain|json",
      description = "The log on standard error: a line of text per record, or a JSON object per line "
          + "(RAPPORT_LOG_FORMAT; default plain).")
  String logFormat;

  /**
   * The log format the flag names, else {@code RAPPORT_LOG_FORMAT}, else plain text.
   *
   * @throws IllegalArgumentException naming the flag or variable, if the value is neither
   */
  static LogFormat logFormat(Map<String, String> environment, String flag) {
    String where = flag != null ? "--log-format" : "RAPPORT_LOG_FORMAT";
    String value = flag != null ? flag : environment.getOrDefault("RAPPORT_LOG_FORMAT", "");
    if (value.isEmpty()) {
      return LogFormat.PLAIN;
    }
    try {
      return LogFormat.fromWireName(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  @Override
  Map<String, String> environment(Map<String, String> environment) {
    Map<String, String> merged = super.environment(environment);
    if (host != null) {
      merged.put("RAPPORT_HOST", host);
    }
    if (port != null) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("--port %d is not a TCP port (0-65535)".formatted(port));
      }
      merged.put("RAPPORT_PORT", Integer.toString(port));
    }
    return merged;
  }
}
