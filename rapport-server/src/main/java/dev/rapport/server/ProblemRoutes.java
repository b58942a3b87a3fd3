package dev.rapport.server;

import io.helidon.http.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /problems} and {@code GET /problems/{slug}}: the pages a problem document's {@code type}
 * names, so that a developer who meets a refusal can read which rule it enforces and why.
 */
final class ProblemRoutes implements RouteGroup {

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.GET, "/problems", Route.Access.PUBLIC, call -> Reply.page(index())),
        Route.of(Method.GET, "/problems/{slug}", Route.Access.PUBLIC, this::page));
  }

  private Reply page(Call call) {
    String slug = call.pathParameter("slug");
    ProblemType type = ProblemType.of(slug)
        .orElseThrow(() -> new ProblemException(404, "not-found", "there is no problem type '%s'".formatted(slug)));
    return Reply.page(document(Problems.title(type.slug()), """
        <p><code>%s</code>: HTTP %d%s.</p>
        <p>%s</p>
        <p><a href="/problems">Every problem type</a></p>
        """.formatted(type.slug(), type.status(), ruleText(type), escape(type.explanation()))));
  }

  private static String index() {
    String rows = Arrays.stream(ProblemType.values())
        .map(t -> "<tr><td><a href=\"%s\">%s</a></td><td>%d</td><td>%s</td><td>%s</td></tr>".formatted(
            t.uri(), t.slug(), t.status(), t.rule(), escape(t.explanation())))
        .collect(Collectors.joining("\n"));
    return document("Problem types", """
        <table>
        <thead><tr><th scope="col">type</th><th scope="col">status</th><th scope="col">rule</th>\
        <th scope="col">meaning</th></tr></thead>
        <tbody>
        %s
        </tbody>
        </table>
        """.formatted(rows));
  }

  private static String ruleText(ProblemType type) {
    return type.rule().isEmpty() ? "" : ", enforcing rule " + type.rule();
  }

  private static String document(String title, String body) {
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s · Rapport</title></head>
        <body>
        <h1>%s</h1>
        %s</body>
        </html>
        """.formatted(escape(title), escape(title), body);
  }

  /** The explanations are ours, but a slug comes from the request path: escape both. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replaceAll("`([^`]*)`", "<code>$1</code>");
  }
}
