package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's route table beside the OpenAPI document's operations: what one has and the other
 * lacks, said so that the reader knows where to add it.
 */
final class RouteCoverage {
  static final String DOCUMENT = "rapport-server/src/main/resources/dev/rapport/server/openapi.yaml";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private RouteCoverage() {}

  /** Every operation of the document as {@code "GET /v1/me"}. */
  static Set<String> documented(JsonNode document) {
    Set<String> operations = new TreeSet<>();
    document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
        .filter(operation -> METHODS.contains(operation.getKey()))
        .forEach(operation -> operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return operations;
  }

  /** What to mend, one line per route; empty when the two agree. */
  static List<String> differences(Set<String> served, Set<String> documented) {
    List<String> lines = new ArrayList<>();
    for (String route : new TreeSet<>(served)) {
      if (!documented.contains(route)) {
        lines.add("%s is served but not in the document: describe it at paths.%s.%s in %s".formatted(
            route, path(route), method(route), DOCUMENT));
      }
    }
    for (String route : new TreeSet<>(documented)) {
      if (!served.contains(route)) {
        lines.add("%s is in the document (paths.%s.%s) but the server has no such route".formatted(
            route, path(route), method(route)));
      }
    }
    return lines;
  }

  private static String method(String route) {
    return route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
  }

  private static String path(String route) {
    return route.substring(route.indexOf(' ') + 1);
  }
}
