package dev.rapport.server;

import dev.rapport.server.logging.LogFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line per request on the logger {@code dev.rapport.access}: method, route template (never
 * the path itself, which may hold a handle), status, latency, and who called, as a member id or
 * {@code admin}. Never a token or any header. The line is formatted on the log's own thread.
 */
final class AccessLog {
  static final String LOGGER = "dev.rapport.access";
  private static final System.Logger LOG = System.getLogger(LOGGER);

  /** Logs the request, if the access log is on (level INFO). */
  void answered(RouteMeters route, int status, long nanos, long member, boolean admin) {
    if (LOG.isLoggable(System.Logger.Level.INFO)) {
      LOG.log(System.Logger.Level.INFO, "{0}", new Line(route.method(), route.template(), status, nanos, member, admin));
    }
  }

  /** One request's line; {@code member} is -1 when no member's token called. */
  record Line(String method, String route, int status, long nanos, long member, boolean admin) implements LogFields {
    @Override
    public Map<String, Object> fields() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("method", method);
      fields.put("route", route);
      fields.put("status", status);
      fields.put("latencyMs", nanos / 1e6);
      if (member >= 0) {
        fields.put("member", member);
      } else if (admin) {
        fields.put("caller", "admin");
      }
      return fields;
    }

    @Override
    public String toString() {
      // Built by hand: String.format's parse per line cost more than the rest of the line.
      StringBuilder line = new StringBuilder(64).append(method).append(' ').append(route).append(' ')
          .append(status).append(' ');
      long micros = Math.round(nanos / 1e3);
      line.append(micros / 1000).append('.');
      long fraction = micros % 1000;
      line.append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "").append(fraction).append(" ms");
      if (member >= 0) {
        line.append(" member=").append(member);
      } else if (admin) {
        line.append(" caller=admin");
      }
      return line.toString();
    }
  }
}
