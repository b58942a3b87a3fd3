package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.server.BadRequests.Case;
import dev.rapport.server.RouteSamples.Field;
import dev.rapport.server.RouteSamples.Kind;
import dev.rapport.server.RouteSamples.Sample;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #2's acceptance criterion: for every route, bad input (malformed JSON, wrong types, missing
 * and unknown fields, bodies over 64 KiB, wrong content types, unknown and invalid handles and ids,
 * bad paging, missing, invalid, expired and other members' tokens, other members' invitations, and
 * requests the rules refuse) is answered with a 4xx {@code application/problem+json} document
 * with a type, never a 5xx, and leaves the stored state exactly as it was.
 */
class BadInputIT {
  private static final String MEMBERS = "alice bob carol dave erin";

  @TempDir
  static Path dataDir;

  private static TestServer server;
  private static ApiClient api;
  private static BadRequests requests;
  /** Current tokens by handle. */
  private static final Map<String, String> tokens = new LinkedHashMap<>();
  private static String expiredToken;
  /** Invitation ids: alice to bob (accepted), carol to alice (pending), dave to carol, alice to erin (pending). */
  private static String aliceToBob;
  private static String carolToAlice;
  private static String daveToCarol;
  private static String aliceToErin;
  /** Bob's post that alice sees, a comment of alice's on it, and carol's post for her connections only. */
  private static String bobsPost;
  private static String alicesComment;
  private static String carolsHiddenPost;
  private static String acmeToken;

  /** A request written by hand, that no well-behaved client sends ({@code status} 0: any 4xx). */
  private record RawCase(String name, String head, byte[] body, int status, String type) {}

  @BeforeAll
  static void start() {
    // Hundreds of cases from one address and one token: the budgets are RateLimitsIT's to test.
    server = TestServer.start(ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(ADMIN)
        .withDevClock(true).withRateLimits(RateLimits.off()), io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME);
    api = server.api;
    requests = new BadRequests(api);
    for (String handle : MEMBERS.split(" ")) {
      tokens.put(handle, server.member(handle));
    }
    server.company("acme");
    expiredToken = tokens.get("alice");
    Duration pastLifetime = server.server.rapport().policy().tokenLifetime().plusDays(1);
    assertThat(api.post("/v1/admin/clock", ADMIN, "{\"advance\":\"%s\"}".formatted(pastLifetime)).status())
        .isEqualTo(200);
    for (String handle : MEMBERS.split(" ")) {
      tokens.put(handle, api.post("/v1/members/" + handle + "/tokens", ADMIN).json().get("token").asText());
    }
    assertThat(api.get("/v1/me", expiredToken).status()).isEqualTo(401);
    acmeToken = api.post("/v1/members/acme/tokens", ADMIN).json().get("token").asText();
    assertThat(api.put("/v1/admin/companies/acme/admins/bob", ADMIN).status()).isEqualTo(204);

    aliceToBob = invite("alice", "bob");
    assertThat(api.post("/v1/invitations/" + aliceToBob + "/accept", token("bob")).status()).isEqualTo(200);
    // P5: bob shows his lists of follows to connections, so alice reaches their paging with bad input.
    assertThat(api.patch("/v1/me", token("bob"), "{\"settings\":{\"followsVisibility\":\"connections\"}}")
        .status()).isEqualTo(200);
    carolToAlice = invite("carol", "alice");
    daveToCarol = invite("dave", "carol");
    aliceToErin = invite("alice", "erin");
    assertThat(api.put("/v1/me/blocks/dave", token("erin")).status()).isEqualTo(200);
    assertThat(api.put("/v1/me/following/acme", token("alice")).status()).isEqualTo(200);
    bobsPost = api.post("/v1/posts", token("bob"), "{\"text\":\"Shipped\"}").json().get("id").asText();
    alicesComment = api.post("/v1/posts/" + bobsPost + "/comments", token("alice"), "{\"text\":\"Nice\"}").json()
        .get("id").asText();
    carolsHiddenPost = api.post("/v1/posts", token("carol"), "{\"text\":\"Mine\",\"visibility\":\"connections\"}")
        .json().get("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyRoute_refusesBadInputWithAProblem_andChangesNothing() {
    List<Sample> samples = RouteSamples.all(token("alice"));
    TreeSet<String> sampled = samples.stream().map(Sample::route).collect(Collectors.toCollection(TreeSet::new));
    // A session's own routes take only its cookie, never a bearer token: AccountsIT breaks them.
    TreeSet<String> served = server.server.routes().stream().filter(r -> r.access() != Route.Access.SESSION)
        .map(Route::toString).collect(Collectors.toCollection(TreeSet::new));
    assertThat(sampled).as("every route has a sample to break").isEqualTo(served);
    List<Case> cases = new ArrayList<>();
    for (Sample sample : samples) {
      cases.addAll(authCases(sample));
      cases.addAll(bodyCases(sample));
      cases.addAll(pathCases(sample));
      cases.addAll(queryCases(sample));
    }
    cases.addAll(RuleRefusals.all(requests, new RuleRefusals.Fixture(tokens, aliceToBob, carolToAlice, bobsPost,
        alicesComment, carolsHiddenPost, acmeToken)));
    cases.addAll(routingCases());
    List<RawCase> rawCases = rawCases();
    String before = snapshot();

    SoftAssertions softly = new SoftAssertions();
    for (Case c : cases) {
      ApiClient.Answer answer = api.responsesOnly().send(c.request());
      String label = "%s: %s %s -> %s".formatted(c.name(), c.request().method(), c.request().uri().getRawPath(),
          answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body());
      softly.assertThat(answer.status()).as(label).isBetween(400, 499).isEqualTo(c.status());
      softly.assertThat(answer.contentType()).as(label).startsWith("application/problem+json");
      if (answer.contentType().startsWith("application/problem+json")) {
        JsonNode problem = answer.json();
        softly.assertThat(problem.path("type").asText()).as(label).startsWith("/problems/");
        if (c.type() != null) {
          softly.assertThat(problem.path("type").asText()).as(label).isEqualTo("/problems/" + c.type());
        }
        softly.assertThat(problem.path("status").asInt()).as(label).isEqualTo(answer.status());
        softly.assertThat(problem.path("title").asText()).as(label).isNotBlank();
        softly.assertThat(problem.path("detail").asText()).as(label).isNotBlank();
      }
      if (answer.status() == 401) {
        softly.assertThat(answer.header("WWW-Authenticate")).as(label)
            .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      }
    }
    for (RawCase c : rawCases) {
      RawHttp.Answer answer = RawHttp.send(server.server.port(), c.head(), c.body());
      String label = "%s -> %d %s".formatted(c.name(), answer.status(), answer.body());
      softly.assertThat(answer.status()).as(label).isBetween(400, 499);
      if (c.status() != 0) {
        softly.assertThat(answer.status()).as(label).isEqualTo(c.status());
      }
      softly.assertThat(answer.contentType()).as(label).startsWith("application/problem+json");
      softly.assertThat(answer.body()).as(label).contains("\"type\":\"/problems/" + (c.type() == null ? "" : c.type()));
    }
    softly.assertAll();

    assertThat(snapshot()).isEqualTo(before);
    assertThat(cases).hasSizeGreaterThan(400);
  }

  /** The sample's path with valid parameters: bob for a handle, an invitation alice may act on for an id. */
  private static String validPath(Sample sample) {
    String id = sample.path().endsWith("/withdraw") ? aliceToErin : carolToAlice;
    return sample.path().replace("{h}", "bob").replace("{id}", id).replace("{post}", bobsPost)
        .replace("{comment}", alicesComment);
  }

  // ---- what breaks them -------------------------------------------------------------------------

  private static List<Case> authCases(Sample sample) {
    if (sample.token() == null) {
      return List.of();
    }
    String path = validPath(sample);
    List<Case> cases = new ArrayList<>(List.of(
        new Case("no token", requests.request(sample.method(), path, null, sample.body()), 401, "unauthenticated"),
        new Case("unknown token", requests.request(sample.method(), path, "rpt_unknown", sample.body()), 401,
            "unauthenticated"),
        new Case("expired token", requests.request(sample.method(), path, expiredToken, sample.body()), 401, "unauthenticated"),
        new Case("huge token", requests.request(sample.method(), path, "x".repeat(4_000), sample.body()), 401,
            "unauthenticated"),
        new Case("basic scheme", requests.withBody(requests.builder(path).header("Authorization", "Basic YWxpY2U6c2VjcmV0"),
            sample.method(), sample.body()), 401, "unauthenticated"),
        new Case("bearer without token", requests.withBody(requests.builder(path).header("Authorization", "Bearer"),
            sample.method(), sample.body()), 401, "unauthenticated")));
    if (sample.token().equals(ADMIN)) {
      cases.add(new Case("member token on admin route", requests.request(sample.method(), path, token("alice"), sample.body()),
          403, "admin-only"));
    } else {
      cases.add(new Case("admin token on member route", requests.request(sample.method(), path, ADMIN, sample.body()), 403,
          "member-only"));
    }
    return cases;
  }

  private static List<Case> bodyCases(Sample sample) {
    String path = validPath(sample);
    String t = sample.token();
    String body = sample.body().orElse("{}");
    List<Case> cases = new ArrayList<>(List.of(
        requests.json("malformed JSON", sample.method(), path, t, "{\"to\": ", 400, "malformed-json"),
        requests.json("not JSON at all", sample.method(), path, t, "to=bob", 400, "malformed-json"),
        requests.json("trailing content", sample.method(), path, t, body + " {}", 400, "malformed-json"),
        requests.json("duplicate key", sample.method(), path, t, "{\"a\":1,\"a\":2}", 400, "malformed-json"),
        requests.json("comment", sample.method(), path, t, "{/* hi */}", 400, "malformed-json"),
        requests.json("blank body", sample.method(), path, t, "   ", 400, "malformed-json"),
        requests.json("invalid UTF-8", sample.method(), path, t, BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3,
            '"', ':', '1', '}'}), 400, "malformed-json"),
        requests.json("array body", sample.method(), path, t, "[]", 400, "invalid-body"),
        requests.json("string body", sample.method(), path, t, "\"bob\"", 400, "invalid-body"),
        requests.json("number body", sample.method(), path, t, "42", 400, "invalid-body"),
        requests.json("null body", sample.method(), path, t, "null", 400, "invalid-body"),
        requests.json("unknown field", sample.method(), path, t, BadRequests.withField(body, "bogus", "1"), 400, "unknown-field"),
        requests.json("over 64 KiB", sample.method(), path, t, BadRequests.padded(body, 64 * 1024 + 1), 413, "payload-too-large"),
        requests.json("far over 64 KiB", sample.method(), path, t, BadRequests.padded(body, 600 * 1024), 413, "payload-too-large"),
        requests.json("over 64 KiB, chunked", sample.method(), path, t, BadRequests.chunked(BadRequests.padded(body, 70 * 1024)), 413,
            "payload-too-large"),
        requests.json("deeply nested", sample.method(), path, t, "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
            400, null),
        new Case("text/plain", requests.withBody(requests.auth(requests.builder(path), t).header("Content-Type", "text/plain"), sample.method(),
            Optional.of(body)), 415, "unsupported-media-type"),
        new Case("no content type", requests.withBody(requests.auth(requests.builder(path), t), sample.method(), Optional.of(body)), 415,
            "unsupported-media-type"),
        new Case("form content type", requests.withBody(requests.auth(requests.builder(path), t).header("Content-Type",
            "application/x-www-form-urlencoded"), sample.method(), Optional.of(body)), 415, "unsupported-media-type"),
        new Case("latin-1 JSON", requests.withBody(requests.auth(requests.builder(path), t).header("Content-Type",
            "application/json; charset=ISO-8859-1"), sample.method(), Optional.of(body)), 415,
            "unsupported-media-type"),
        new Case("garbage content type", requests.withBody(requests.auth(requests.builder(path), t).header("Content-Type", ";;=/"),
            sample.method(), Optional.of(body)), 415, "unsupported-media-type")));
    if (sample.body().isEmpty()) {
      cases.add(requests.json("fields on a route without a body", sample.method(), path, t, "{\"to\":\"bob\"}", 400,
          "unknown-field"));
      return cases;
    }
    cases.add(new Case("no body", requests.request(sample.method(), path, t, Optional.empty()), 400, "malformed-json"));
    if (sample.fields().stream().anyMatch(Field::required)) {
      cases.add(requests.json("empty object", sample.method(), path, t, "{}", 400, "missing-field"));
    }
    for (Field field : sample.fields()) {
      for (String wrong : wrongValues(field.kind())) {
        cases.add(requests.json("field %s = %s".formatted(field.path(), wrong), sample.method(), path, t,
            BadRequests.set(body, field.path(), wrong), 400, "invalid-field"));
      }
      if (field.kind() == Kind.STRING || field.kind() == Kind.STRINGS) {
        // Written after the body is put together: a JSON library would not write half a surrogate pair as an escape.
        String value = field.kind() == Kind.STRING ? "\"lone SURROGATE\"" : "[\"bob\",\"SURROGATE\"]";
        for (String half : List.of("\\ud800", "\\udc00")) {
          cases.add(requests.json("field %s with %s alone".formatted(field.path(), half), sample.method(), path, t,
              BadRequests.set(body, field.path(), value).replace("SURROGATE", half), 400, "invalid-field"));
        }
      }
      if (field.required()) {
        cases.add(requests.json("missing " + field.path(), sample.method(), path, t, BadRequests.remove(body, field.path()), 400,
            "missing-field"));
        cases.add(requests.json("null " + field.path(), sample.method(), path, t, BadRequests.set(body, field.path(), "null"), 400,
            "missing-field"));
      }
      if (field.kind() == Kind.OBJECT) {
        cases.add(requests.json("unknown field in " + field.path(), sample.method(), path, t,
            BadRequests.set(body, field.path() + ".bogus", "true"), 400, "unknown-field"));
      }
    }
    return cases;
  }

  private static List<String> wrongValues(Kind kind) {
    return switch (kind) {
      case STRING -> List.of("42", "true", "[\"a\"]", "{\"a\":1}");
      case STRINGS -> List.of("\"bob\"", "42", "[42]", "[\"bob\",null]", "[[\"bob\"]]", "{}");
      case CHOICE -> List.of("42", "\"bogus\"", "\"EVERYONE\"", "[]");
      case BOOLEAN -> List.of("\"true\"", "1", "{}");
      case OBJECT -> List.of("\"x\"", "[]", "7");
    };
  }

  private static List<Case> pathCases(Sample sample) {
    List<Case> cases = new ArrayList<>();
    String t = sample.token();
    if (sample.path().contains("{h}")) {
      for (String handle : List.of("Bob", "bo", "b".repeat(41), "bob_", "nobody-here", "%C3%A9l%C3%A8ve", "bob%20",
          "%00", "-".repeat(3))) {
        cases.add(new Case("handle " + handle, requests.request(sample.method(),
            sample.path().replace("{h}", handle), t, sample.body()), 404, "member-not-found"));
      }
    }
    if (sample.route().contains("{slug}")) {
      for (String slug : List.of("nothing-like-it", "%3Cb%3E", "Weekly-Invitation-Limit", "x".repeat(300))) {
        cases.add(new Case("problem type " + slug, requests.request(sample.method(), "/problems/" + slug, t, sample.body()),
            404, "not-found"));
      }
    }
    if (sample.path().contains("{post}")) {
      // P2, B2: a post one may not see is answered as one that does not exist.
      for (String id : List.of("abc", "-5", "99999999999999999999999", "12345", carolsHiddenPost)) {
        cases.add(new Case("post " + id, requests.request(sample.method(), validPath(sample).replace(bobsPost, id), t,
            sample.body()), 404, "post-not-found"));
      }
    }
    if (sample.path().contains("{comment}")) {
      for (String id : List.of("abc", "12345", bobsPost)) {
        cases.add(new Case("comment " + id, requests.request(sample.method(), validPath(sample).replace(alicesComment, id), t,
            sample.body()), 404, "comment-not-found"));
      }
    }
    if (sample.path().contains("{id}")) {
      boolean withdraw = sample.path().endsWith("/withdraw");
      for (String id : List.of("abc", "-5", "1.5", "0x10", "99999999999999999999999", "12345", daveToCarol,
          withdraw ? carolToAlice : aliceToErin)) {
        String type = RouteSamples.notFoundTypeOfId(sample);
        cases.add(new Case("id " + id, requests.request(sample.method(), sample.path().replace("{id}", id), t,
            sample.body()), 404, type));
      }
    }
    return cases;
  }

  private static List<Case> queryCases(Sample sample) {
    String base = validPath(sample);
    String join = base.contains("?") ? "&" : "?";
    List<Case> cases = new ArrayList<>();
    for (String unknown : List.of("bogus=1", "Limit=5", "limit%00=5", "cursor2=x")) {
      cases.add(new Case("query " + unknown, requests.request(sample.method(), base + join + unknown, sample.token(),
          sample.body()), 400, "unknown-parameter"));
    }
    if (!sample.method().equals("GET") || !isList(sample.route())) {
      return cases;
    }
    for (String limit : List.of("0", "201", "-1", "abc", "1e3", "99999999999", "2.5")) {
      cases.add(new Case("limit " + limit, requests.request("GET", base + join + "limit=" + limit, sample.token(),
          Optional.empty()), 400, "invalid-page"));
    }
    for (String cursor : List.of("garbage", "x".repeat(600), "0", "-1", "Zm9v")) {
      cases.add(new Case("cursor " + cursor, requests.request("GET", base + join + "cursor=" + cursor, sample.token(),
          Optional.empty()), 400, "invalid-cursor"));
    }
    cases.add(new Case("cursor of invalid UTF-8", requests.request("GET", base + join + "cursor=%FF%FE", sample.token(),
        Optional.empty()), 400, null));
    if (sample.route().equals("GET /v1/me/invitations")) {
      cases.add(new Case("box", requests.request("GET", "/v1/me/invitations?box=outbox", sample.token(), Optional.empty()),
          400, "invalid-query"));
      cases.add(new Case("state", requests.request("GET", "/v1/me/invitations?state=open", sample.token(), Optional.empty()),
          400, "invalid-query"));
    }
    return cases;
  }

  private static boolean isList(String route) {
    if (!route.contains(" /v1/")) {
      return false; // the web app's pages share some of these endings
    }
    return route.equals("GET /v1/members") || route.endsWith("/followers") || route.endsWith("/following") || route.endsWith("connections")
        || route.endsWith("/invitations") || route.endsWith("/blocks") || route.endsWith("/notifications")
        || route.endsWith("/posts") || route.endsWith("/reactions") || route.endsWith("/comments") || route.endsWith("/feed")
        || route.endsWith("/companies") || route.endsWith("/recommendations") || route.endsWith("/given");
  }

  private static List<Case> routingCases() {
    String alice = token("alice");
    return List.of(
        new Case("unknown route", requests.request("GET", "/v1/articles", alice, Optional.empty()), 404, "not-found"),
        new Case("unknown sub-route", requests.request("GET", "/v1/members/bob/articles", alice, Optional.empty()), 404,
            "not-found"),
        new Case("no such page", requests.request("GET", "/nothing-here", null, Optional.empty()), 404, "not-found"),
        new Case("trailing slash", requests.request("GET", "/v1/me/", alice, Optional.empty()), 404, "not-found"),
        new Case("upper case", requests.request("GET", "/V1/ME", alice, Optional.empty()), 404, "not-found"),
        new Case("dot segments", requests.request("GET", "/v1/members/%2e%2e/bob", alice, Optional.empty()), 404, null),
        new Case("encoded slash", requests.request("GET", "/v1/members/a%2Fb", alice, Optional.empty()), 404, null),
        new Case("wrong method", requests.request("DELETE", "/v1/members", ADMIN, Optional.empty()), 405,
            "method-not-allowed"),
        new Case("wrong method with body", requests.request("PUT", "/v1/invitations", alice, Optional.of("{}")), 405,
            "method-not-allowed"),
        new Case("options", requests.request("OPTIONS", "/v1/me", alice, Optional.empty()), 405, "method-not-allowed"),
        new Case("put health", requests.request("PUT", "/health", null, Optional.empty()), 405, "method-not-allowed"),
        new Case("unknown method", requests.request("BREW", "/v1/me", alice, Optional.empty()), 405, "method-not-allowed"));
  }

  /** Malformed escapes and broken framing, written on a socket. */
  private static List<RawCase> rawCases() {
    String auth = "Authorization: Bearer " + token("alice");
    byte[] none = new byte[0];
    byte[] small = "{\"to\":\"dave\"}".getBytes(StandardCharsets.UTF_8);
    return List.of(
        new RawCase("bad escape in a path", "GET /v1/members/%zz HTTP/1.1\nHost: localhost\n" + auth
            + "\nConnection: close", none, 0, null),
        new RawCase("bad escape in a query", "GET /v1/members/bob/followers?limit=%zz HTTP/1.1\nHost: localhost\n"
            + auth + "\nConnection: close", none, 0, null),
        new RawCase("NUL in a path", "GET /v1/members/bo%00b HTTP/1.1\nHost: localhost\n" + auth
            + "\nConnection: close", none, 0, null),
        new RawCase("garbage request line", "HELLO THERE\nConnection: close", none, 0, null),
        new RawCase("unknown protocol", "GET /health HTTP/3\nHost: localhost\nConnection: close", none, 400,
            "bad-request"),
        new RawCase("address too long", "GET /v1/members/" + "a".repeat(20_000) + " HTTP/1.1\nHost: localhost\n"
            + auth + "\nConnection: close", none, 414, "uri-too-long"),
        new RawCase("headers too large", "GET /v1/me HTTP/1.1\nHost: localhost\n" + auth + "\nX-Padding: "
            + "p".repeat(40_000) + "\nConnection: close", none, 0, null),
        new RawCase("header without a colon", "GET /v1/me HTTP/1.1\nHost: localhost\n" + auth
            + "\nNot a header\nConnection: close", none, 400, null),
        new RawCase("Content-Length not a number", "POST /v1/invitations HTTP/1.1\nHost: localhost\n" + auth
            + "\nContent-Type: application/json\nContent-Length: abc\nConnection: close", small, 400, null),
        new RawCase("Content-Length and chunked", "POST /v1/invitations HTTP/1.1\nHost: localhost\n" + auth
            + "\nContent-Type: application/json\nContent-Length: 14\nTransfer-Encoding: chunked\nConnection: close",
            small, 400, null),
        new RawCase("bad chunk size", "POST /v1/invitations HTTP/1.1\nHost: localhost\n" + auth
            + "\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close",
            "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 400, "unreadable-body"),
        new RawCase("Content-Length far over the limit", "POST /v1/invitations HTTP/1.1\nHost: localhost\n" + auth
            + "\nContent-Type: application/json\nContent-Length: 50000000\nConnection: close", small, 413,
            "payload-too-large"),
        new RawCase("body shorter than Content-Length", "POST /v1/invitations HTTP/1.1\nHost: localhost\n" + auth
            + "\nContent-Type: application/json\nContent-Length: 70000\nConnection: close", small, 400,
            "unreadable-body"));
  }

  // ---- the observable state -------------------------------------------------------------------

  /** Everything a member can read, as every member, plus the event log: equal means nothing changed. */
  private static String snapshot() {
    StringBuilder state = new StringBuilder();
    server.server.store().eventsAfter(0, 1_000_000).forEach(e -> state.append(e).append('\n'));
    List<String> handles = new ArrayList<>(tokens.keySet());
    handles.add("acme");
    for (Map.Entry<String, String> viewer : tokens.entrySet()) {
      String t = viewer.getValue();
      for (String path : List.of("/v1/me", "/v1/me/limits", "/v1/me/blocks?limit=200",
          "/v1/me/notifications?limit=200", "/v1/me/invitations?limit=200", "/v1/me/invitations?box=sent&limit=200")) {
        state.append(viewer.getKey()).append(' ').append(path).append(' ').append(api.get(path, t)).append('\n');
      }
      for (String state1 : List.of("pending", "ignored", "accepted", "withdrawn", "canceled")) {
        for (String box : List.of("sent", "received")) {
          String path = "/v1/me/invitations?limit=200&box=%s&state=%s".formatted(box, state1);
          state.append(viewer.getKey()).append(' ').append(path).append(' ').append(api.get(path, t)).append('\n');
        }
      }
      for (String other : handles) {
        for (String suffix : List.of("", "/followers?limit=200", "/following?limit=200", "/connections?limit=200")) {
          String path = "/v1/members/" + other + suffix;
          state.append(viewer.getKey()).append(' ').append(path).append(' ').append(api.get(path, t)).append('\n');
        }
      }
    }
    return state.toString();
  }

  // ---- building requests ----------------------------------------------------------------------

  private static String token(String handle) {
    return tokens.get(handle);
  }

  private static String invite(String from, String to) {
    ApiClient.Answer sent = api.post("/v1/invitations", token(from), "{\"to\":\"%s\"}".formatted(to));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.json().get("invitation").get("id").asText();
  }

}
