package dev.rapport.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code serve} and {@code demo} share: where the data is, the address and the port. */
final class ServiceOptions extends StoreOptions {
  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on (RAPPORT_HOST; default 127.0.0.1, this machine only; "
          + "0.0.0.0 for every interface, behind a TLS-terminating proxy).")
  String host;

  @Option(names = {"-p", "--port"}, paramLabel = "N",
      description = "HTTP port (RAPPORT_PORT; default 8080). 0 picks a free port; the line printed at start "
          + "says which (serving http://localhost:N).")
  Integer port;

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
