package dev.rapport.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web app (docs/decisions, the web app in the browser on the public API): its page at {@code /}
 * and at each of its own addresses, and its files under {@code /app/}. Every answer carries a strict
 * Content-Security-Policy (scripts and styles from this server only, no inline script), {@code
 * X-Content-Type-Options: nosniff}, and {@code Cache-Control: no-cache} with an {@code ETag}, so a
 * browser revalidates each file cheaply and never runs a stale script after an upgrade.
 */
final class WebRoutes implements RouteGroup {
  /** The addresses the app answers with its page; the script reads the path and shows the page it names. */
  static final List<String> PAGES = List.of("/", "/feed", "/in/{h}", "/mynetwork", "/mynetwork/{section}",
      "/notifications", "/limits", "/settings", "/account", "/search", "/signin", "/signup", "/company/{h}",
      "/companies", "/messaging", "/messaging/{id}", "/outreach");
  /** The app's files, as resources beside this class under {@code web/}, with their media types. */
  static final Map<String, String> FILES = files();
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private record Asset(byte[] bytes, String type, String etag) {}

  private final Asset page;
  private final Map<String, Asset> assets;

  private WebRoutes(Asset page, Map<String, Asset> assets) {
    this.page = page;
    this.assets = assets;
  }

  /**
   * Reads the app's files from the classpath once.
   *
   * @throws IllegalStateException if one is missing
   */
  static WebRoutes load() {
    Map<String, Asset> assets = new LinkedHashMap<>();
    FILES.forEach((name, type) -> assets.put(name, asset(read("web/" + name), type)));
    return new WebRoutes(asset(read("web/index.html"), "text/html; charset=utf-8"), Map.copyOf(assets));
  }

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String script : List.of("app.js", "api.js", "dom.js", "problems.js", "profile.js", "network.js",
        "invite.js", "notifications.js", "limits.js", "settings.js", "search.js", "account.js", "account-page.js",
        "tokens.js", "shell.js", "company.js", "companies.js", "showcase.js", "feed.js", "posts.js", "post.js",
        "comments.js", "live.js", "messaging.js", "thread.js", "outreach.js", "charts.js")) {
      files.put(script, "text/javascript; charset=utf-8");
    }
    files.put("app.css", "text/css; charset=utf-8");
    files.put("icon.svg", "image/svg+xml");
    return Map.copyOf(files);
  }

  /** The total size of the app's files and page, in bytes: the budget the web tests hold it to. */
  static long totalBytes() {
    WebRoutes web = load();
    return web.page.bytes().length + web.assets.values().stream().mapToLong(a -> a.bytes().length).sum();
  }

  @Override
  public List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (String path : PAGES) {
      // The page reads these itself: the search text, where to go after signing in, an invite link's code,
      // the feed's order, whom a first message goes to.
      routes.add(Route.of(Method.GET, path, Route.Access.PUBLIC, call -> reply(call, page)).withQuery("q", "next",
          "invite", "order", "to"));
    }
    routes.add(Route.of(Method.GET, "/app/{file}", Route.Access.PUBLIC, this::file));
    return routes;
  }

  private Reply file(Call call) {
    String name = call.pathParameter("file");
    Asset asset = assets.get(name);
    if (asset == null) {
      throw new ProblemException(404, "not-found", "the web app has no file '%s'".formatted(name));
    }
    return reply(call, asset);
  }

  /** 304 when the browser holds this version already; else the file, both with the same headers. */
  private static Reply reply(Call call, Asset asset) {
    Map<String, String> headers = Map.of(
        "Cache-Control", "no-cache",
        "ETag", asset.etag(),
        "Content-Security-Policy", CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options", "nosniff",
        "Referrer-Policy", "no-referrer");
    Optional<String> held = call.header(HeaderNames.IF_NONE_MATCH);
    if (held.isPresent() && held.get().equals(asset.etag())) {
      return new Reply(304, Optional.empty(), Optional.empty(), headers);
    }
    return new Reply(200, Optional.empty(), Optional.of(new Reply.Content(asset.type(), asset.bytes())), headers);
  }

  private static Asset asset(byte[] bytes, String type) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new Asset(bytes, type, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = WebRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("dev/rapport/server/" + name + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
