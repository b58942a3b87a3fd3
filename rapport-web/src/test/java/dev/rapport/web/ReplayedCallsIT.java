package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import dev.rapport.server.RateLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2 of issue 16: one member's session cannot read or act on another's private data
 * through any call the app makes. Ada goes through every page and the changes the app offers, and
 * each API call her page makes is first sent again with Bob's session (cookie and his own CSRF
 * token) and with no session at all: no answer holds Ada's private data and Ada's state is the same
 * after each, before Ada's own call goes on.
 */
class ReplayedCallsIT extends WebFixture {
  private static final String NOTE_TO_ADA = "PRIVATE note for Ada from Dan";
  private static final String NOTE_FROM_ADA = "PRIVATE note from Ada to Eve";
  private final HttpClient http = HttpClient.newHttpClient();

  private record Answer(int status, String body) {}

  /** Ada's state is read a thousand times in a minute, past her token's budget; budgets are RateLimitsIT's to test. */
  @BeforeAll
  static void withoutRequestBudgets() {
    server.close();
    server = WebServer.start(dataDir, RateLimits.off());
  }

  /** Sends the call as the page made it, with this session cookie and CSRF token, or with neither. */
  private Answer replay(Request call, Optional<String> cookie, Optional<String> csrf) {
    String body = call.postData();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url())).method(call.method(),
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    Optional.ofNullable(call.headers().get("content-type")).ifPresent(type -> request.header("Content-Type", type));
    request.header("Accept", call.headers().getOrDefault("accept", "application/json, application/problem+json"));
    cookie.ifPresent(c -> request.header("Cookie", c));
    csrf.ifPresent(c -> request.header("X-CSRF-Token", c));
    boolean liveStream = URI.create(call.url()).getRawPath().equals("/v1/me/events");
    try {
      HttpResponse<Stream<String>> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> lines = answer.body()) {
        // The live stream stays open: its first event, or a refusal, is what a replay can read of it.
        return new Answer(answer.statusCode(),
            (liveStream ? lines.takeWhile(line -> !line.isEmpty()) : lines).collect(Collectors.joining("\n")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything of Ada's that is hers to see or change, read with her API token. */
  private String stateOf(WebServer.Member ada) {
    StringBuilder state = new StringBuilder();
    for (String path : List.of("/v1/me", "/v1/me/tokens", "/v1/me/invitations?box=received&limit=200",
        "/v1/me/invitations?box=sent&limit=200", "/v1/me/notifications?limit=200", "/v1/me/limits", "/v1/me/blocks",
        "/v1/me/suggestions?limit=200", "/v1/me/network", "/v1/members/" + ada.handle() + "/connections?limit=200",
        "/v1/members/" + ada.handle() + "/followers?limit=200", "/v1/members/" + ada.handle() + "/following?limit=200")) {
      state.append(path).append(' ').append(server.call("GET", path, ada.token(), null, 200)).append('\n');
    }
    return state.toString();
  }

  /** The ids of Ada's tokens and invitations, as her answers hold them. */
  private Set<String> privateIdsOf(WebServer.Member ada) {
    Set<String> ids = new LinkedHashSet<>();
    for (String path : List.of("/v1/me/tokens", "/v1/me/invitations?box=received&state=accepted",
        "/v1/me/invitations?box=received", "/v1/me/invitations?box=sent")) {
      server.call("GET", path, ada.token(), null, 200).get("items").forEach(item -> ids.add(item.get("id").asText()));
    }
    return ids;
  }

  @Test
  void A2_everyCallAdasPagesMake_replayedWithBobsSessionOrNone_neitherReadsNorChangesAdasData() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser bob = browser("bob", "Bob Babbage");
    WebServer.Member cyd = server.member(WebServer.unique("cyd"), "Cyd Charisse");
    WebServer.Member dan = server.member(WebServer.unique("dan"), "Dan Dare");
    WebServer.Member eve = server.member(WebServer.unique("eve"), "Eve Moneypenny");
    server.call("POST", "/v1/invitations", cyd.token(), "{\"to\":\"%s\"}".formatted(ada.member.handle()), 201);
    server.call("PUT", "/v1/me/following/" + ada.member.handle(), dan.token(), null, 200);
    server.call("POST", "/v1/invitations", dan.token(),
        "{\"to\":\"%s\",\"note\":\"%s\"}".formatted(ada.member.handle(), NOTE_TO_ADA), 201);
    server.call("POST", "/v1/invitations", ada.member.token(),
        "{\"to\":\"%s\",\"note\":\"%s\"}".formatted(eve.handle(), NOTE_FROM_ADA), 201);
    String bobsCookie = "rapport_session=" + bob.context.cookies().stream()
        .filter(c -> c.name.equals("rapport_session")).findFirst().orElseThrow().value;
    String bobsCsrf = (String) bob.page.evaluate(
        "fetch('/v1/sessions/current').then(r => r.json()).then(s => s.csrfToken)");
    String bobsLimits = server.call("GET", "/v1/me/limits", bob.member.token(), null, 200).toString();

    List<String> replayed = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    ada.page.route("**/v1/**", (Route route) -> {
      Request call = route.request();
      String what = call.method() + " " + URI.create(call.url()).getRawPath()
          + Optional.ofNullable(URI.create(call.url()).getRawQuery()).map(q -> "?" + q).orElse("");
      try {
        String before = stateOf(ada.member);
        Set<String> privateIds = privateIdsOf(ada.member);
        Answer asBob = replay(call, Optional.of(bobsCookie), Optional.of(bobsCsrf));
        Answer asNobody = replay(call, Optional.empty(), Optional.empty());
        replayed.add(what + " -> Bob " + asBob.status() + ", nobody " + asNobody.status());
        if (asNobody.status() != 401) {
          failures.add(what + " without a session answered " + asNobody.status() + ": " + asNobody.body());
        }
        String sent = Optional.ofNullable(call.postData()).orElse("");
        for (String secret : List.of(NOTE_TO_ADA, NOTE_FROM_ADA, ada.member.email())) {
          if (asBob.body().contains(secret) && !sent.contains(secret)) {
            failures.add(what + " as Bob answered Ada's " + secret + ": " + asBob.body());
          }
        }
        for (String id : privateIds) {
          if (asBob.body().contains("\"id\":\"" + id + "\"") || asBob.body().contains("Id\":\"" + id + "\"")) {
            failures.add(what + " as Bob answered Ada's item " + id + ": " + asBob.body());
          }
        }
        if ((what.equals("GET /v1/me") || what.equals("GET /v1/sessions/current"))
            && asBob.body().contains("\"handle\":\"" + ada.member.handle() + "\"")) {
          failures.add(what + " as Bob answered Ada's own profile or settings: " + asBob.body());
        }
        if (what.startsWith("GET /v1/me/limits") && !asBob.body().equals(bobsLimits)) {
          failures.add(what + " as Bob answered limits other than Bob's: " + asBob.body());
        }
        if (what.startsWith("GET /v1/me/notifications") && !asBob.body().contains("\"items\":[]")) {
          failures.add(what + " as Bob answered notifications Bob never had: " + asBob.body());
        }
        String after = stateOf(ada.member);
        if (!after.equals(before)) {
          failures.add(what + " as Bob or nobody changed Ada's state:\n" + before + "->\n" + after);
        }
      } catch (RuntimeException e) {
        failures.add(what + ": " + e);
      } finally {
        route.resume();
      }
    });

    for (String path : List.of("/mynetwork/invitations", "/mynetwork/suggestions", "/mynetwork/connections",
        "/mynetwork/followers", "/mynetwork/following", "/in/" + ada.member.handle(), "/in/" + dan.handle(),
        "/notifications", "/limits", "/settings", "/account", "/search?q=" + cyd.handle(), "/messaging",
        "/outreach")) {
      ada.open(path);
    }
    ada.open("/mynetwork/invitations");
    ada.page.getByLabel("Accept @" + cyd.handle()).click();
    assertThat(ada.page.locator("#status")).containsText("now connected");
    ada.open("/notifications");
    ada.click("Mark all as read");
    assertThat(ada.page.locator("#nav .count")).isHidden();
    ada.open("/account");
    for (String name : List.of("PRIVATE script one", "PRIVATE script two")) {
      ada.page.getByLabel("Name").fill(name);
      ada.click("Create token");
      ada.confirm("Done");
    }
    ada.page.getByLabel("Revoke PRIVATE script two").click();
    ada.confirm("Revoke");
    assertThat(ada.page.locator("#status")).containsText("revoked");
    ada.click("Create invite link");
    ada.confirm("Done");
    ada.open("/settings");
    ada.page.getByLabel("Only you (others see only connections you share)").check();
    ada.click("Save settings");
    assertThat(ada.page.locator("#status")).containsText("Settings saved.");
    ada.page.unrouteAll();

    assertThat(failures).isEmpty();
    assertThat(replayed).anyMatch(r -> r.startsWith("POST /v1/invitations/") && r.contains("/accept -> Bob 404"))
        .anyMatch(r -> r.startsWith("DELETE /v1/me/tokens/") && r.contains("-> Bob 404"))
        .anyMatch(r -> r.startsWith("GET /v1/me/tokens")).anyMatch(r -> r.startsWith("POST /v1/me/invites"))
        .anyMatch(r -> r.startsWith("PATCH /v1/me ")).anyMatch(r -> r.startsWith("POST /v1/me/notifications/read"))
        .anyMatch(r -> r.equals("GET /v1/me/events -> Bob 200, nobody 401"))
        .anyMatch(r -> r.startsWith("GET /v1/me/conversations")).anyMatch(r -> r.startsWith("GET /v1/me/analytics"));
    JsonNode adasTokens = server.call("GET", "/v1/me/tokens", ada.member.token(), null, 200).get("items");
    assertThat(adasTokens.toString()).contains("PRIVATE script one").doesNotContain("PRIVATE script two");
  }
}
