package dev.rapport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.rapport.web.FeedIT.post;
import static dev.rapport.web.FeedIT.postFromTheFeed;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No session acts on another member's post (P2, P4): each change Ada's page makes to her post and to
 * the comments on it (edit, delete a comment on her post, delete the post) is first sent again with
 * Cyd's session (his cookie and his own CSRF token), who sees the post but wrote neither it nor the
 * comment, and with no session at all; both are refused and the post is as it was, before Ada's own
 * call goes on.
 */
class PostCallsReplayedIT extends WebFixture {
  private final HttpClient http = HttpClient.newHttpClient();

  private record Answer(int status, String body) {}

  private Answer replay(Request call, Optional<String> cookie, Optional<String> csrf) {
    String body = call.postData();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url())).method(call.method(),
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    Optional.ofNullable(call.headers().get("content-type")).ifPresent(type -> request.header("Content-Type", type));
    request.header("Accept", "application/json, application/problem+json");
    cookie.ifPresent(c -> request.header("Cookie", c));
    csrf.ifPresent(c -> request.header("X-CSRF-Token", c));
    try {
      HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(answer.statusCode(), answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The post and its comments as Ada's token reads them. */
  private String stateOf(WebServer.Member ada, String postId) {
    return server.call("GET", "/v1/posts/" + postId, ada.token(), null, 200) + "\n"
        + server.call("GET", "/v1/posts/" + postId + "/comments?limit=100", ada.token(), null, 200);
  }

  @Test
  void P2_P4_adasChangesToHerPost_replayedWithAnotherSessionOrNone_areRefused_andChangeNothing() {
    MemberBrowser ada = browser("ada", "Ada Lovelace");
    MemberBrowser cyd = browser("cyd", "Cyd Charisse");
    WebServer.Member bob = server.member(WebServer.unique("bob"), "Bob Babbage");
    connect(ada.member, bob);
    ada.open("/feed");
    postFromTheFeed(ada, "A post only Ada may change.", "Anyone");
    String postId = ada.page.locator("main article.post").first().getAttribute("id").replace("post-", "");
    server.call("POST", "/v1/posts/" + postId + "/comments", bob.token(), "{\"text\":\"Bob's comment.\"}", 201);
    String cydsCookie = "rapport_session=" + cyd.context.cookies().stream()
        .filter(c -> c.name.equals("rapport_session")).findFirst().orElseThrow().value;
    String cydsCsrf = (String) cyd.page.evaluate(
        "fetch('/v1/sessions/current').then(r => r.json()).then(s => s.csrfToken)");

    List<String> replayed = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    ada.page.route("**/v1/posts/**", (Route route) -> {
      Request call = route.request();
      String what = call.method() + " " + URI.create(call.url()).getRawPath();
      try {
        if (call.method().equals("GET")) {
          return;
        }
        String before = stateOf(ada.member, postId);
        Answer asCyd = replay(call, Optional.of(cydsCookie), Optional.of(cydsCsrf));
        Answer asNobody = replay(call, Optional.empty(), Optional.empty());
        replayed.add(what + " -> Cyd " + asCyd.status() + ", nobody " + asNobody.status());
        if (asCyd.status() != 403) {
          failures.add(what + " as Cyd answered " + asCyd.status() + ": " + asCyd.body());
        }
        if (asNobody.status() != 401) {
          failures.add(what + " without a session answered " + asNobody.status() + ": " + asNobody.body());
        }
        if (!stateOf(ada.member, postId).equals(before)) {
          failures.add(what + " as Cyd or nobody changed Ada's post");
        }
      } catch (RuntimeException e) {
        failures.add(what + ": " + e);
      } finally {
        route.resume();
      }
    });

    Locator mine = post(ada, "only Ada may change");
    mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
    ada.page.getByLabel("Edit your post").fill("A post only Ada may change, and did.");
    ada.click("Save");
    assertThat(mine.locator(".edited")).hasText("Edited");
    mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Comment").setExact(true)).click();
    mine.getByLabel("Delete comment by Bob Babbage").click();
    ada.confirm("Delete");
    assertThat(mine.locator(".comment")).hasCount(0);
    mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete").setExact(true)).click();
    ada.confirm("Delete");
    assertThat(post(ada, "only Ada may change")).hasCount(0);
    ada.page.unrouteAll();

    assertThat(failures).isEmpty();
    assertThat(replayed).hasSize(3).anyMatch(r -> r.startsWith("PATCH /v1/posts/" + postId))
        .anyMatch(r -> r.startsWith("DELETE /v1/posts/" + postId + "/comments/"))
        .anyMatch(r -> r.equals("DELETE /v1/posts/" + postId + " -> Cyd 403, nobody 401"));
  }
}
