package dev.rapport.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Tier;
import dev.rapport.server.RapportServer;
import dev.rapport.server.RateLimits;
import dev.rapport.server.ServerConfig;
import dev.rapport.server.accounts.AccountsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real server for the browser: SQLite in a temporary directory, a free loopback port, the dev
 * clock on, open sign-up and members' invite links allowed. The administrator's calls (creating
 * members, issuing the tokens a test's setup uses, moving the clock) go over HTTP like any client's;
 * browsers hold only their session cookie.
 */
final class WebServer implements AutoCloseable {
  static final String ADMIN = "web-test-admin-token-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();
  /** The basic tier with a weekly limit of {@value #WEEKLY_INVITATIONS} invitations, so a test reaches it in a few clicks. */
  static final int WEEKLY_INVITATIONS = 4;
  private static final Tier BASIC = new Tier("basic", WEEKLY_INVITATIONS, WEEKLY_INVITATIONS, 5, 200, 0, 0, false);
  private static final AtomicInteger HANDLES = new AtomicInteger();

  final RapportServer server;
  final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  private WebServer(RapportServer server) {
    this.server = server;
    this.base = "http://127.0.0.1:" + server.port();
  }

  static WebServer start(Path dataDir) {
    return start(dataDir, RateLimits.defaults());
  }

  static WebServer start(Path dataDir, RateLimits budgets) {
    return start(dataDir, budgets, BASIC);
  }

  /** A server whose members sign up on {@code basic}, e.g. a basic tier with InMail. */
  static WebServer start(Path dataDir, RateLimits budgets, Tier basic) {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(ADMIN)
        .withDevClock(true).withPolicy(Policy.defaults().withTier(basic)).withRateLimits(budgets)
        .withAccounts(AccountsConfig.defaults().withMembersMayInvite(true));
    return new WebServer(RapportServer.start(config));
  }

  /** A handle no other test of the run uses, e.g. {@code ada-3}. */
  static String unique(String base) {
    return base + "-" + HANDLES.incrementAndGet();
  }

  /**
   * A member: their password when they have an account (null for one the administrator made), and an
   * API token for the test's own setup calls, never for a browser.
   */
  record Member(String handle, String name, String email, String password, String token) {}

  /** The password every member a test signs up chooses. */
  static final String PASSWORD = "a long enough passphrase";

  Member member(String handle, String name) {
    ObjectNode body = JSON.createObjectNode();
    body.put("handle", handle);
    body.put("name", name);
    body.put("headline", "Engineer at Example " + handle.substring(0, 1).toUpperCase(java.util.Locale.ROOT));
    body.put("email", handle + "@example.com");
    JsonNode created = call("POST", "/v1/members", ADMIN, body.toString(), 201);
    return new Member(handle, name, handle + "@example.com", null, created.get("token").asText());
  }

  /** An API token for a member who signed up in a browser, issued by the administrator for the test's setup calls. */
  String tokenOf(String handle) {
    return call("POST", "/v1/members/" + handle + "/tokens", ADMIN, null, 201).get("token").asText();
  }

  /** Moves the dev clock forward, e.g. {@code P7D}. */
  void advanceClock(String duration) {
    call("POST", "/v1/admin/clock", ADMIN, "{\"advance\":\"" + duration + "\"}", 200);
  }

  /** A call to the API as this token, that must answer with this status. */
  JsonNode call(String method, String path, String token, String json, int expected) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != expected) {
        throw new IllegalStateException("%s %s answered %d: %s".formatted(method, path, answer.statusCode(), answer.body()));
      }
      return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
