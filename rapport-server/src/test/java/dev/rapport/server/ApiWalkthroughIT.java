package dev.rapport.server;

import static dev.rapport.server.HttpAnswers.actions;
import static dev.rapport.server.HttpAnswers.assertProblem;
import static dev.rapport.server.HttpAnswers.connect;
import static dev.rapport.server.HttpAnswers.handles;
import static dev.rapport.server.HttpAnswers.kinds;
import static dev.rapport.server.HttpAnswers.relationship;
import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.kernel.Policy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the API over real HTTP, as a client would use it: members and tokens, profiles
 * with their relationship and actions, settings, following, paged lists, the dev clock and
 * authentication. Invitations, limits, connections and blocks are {@link InvitationsOverHttpIT}'s.
 */
class ApiWalkthroughIT {
  @TempDir
  static Path dataDir;

  private static TestServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
    api = server.api;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ---- operations and members ----------------------------------------------------------------

  @Test
  void health_saysUpAndNamesTheStore() {
    ApiClient.Answer health = api.get("/health", null);

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.contentType()).startsWith("application/json");
    assertThat(health.json().get("status").asText()).isEqualTo("up");
    assertThat(health.json().get("store").asText()).isEqualTo("sqlite");
  }

  @Test
  void M1_createMember_answersTheMemberAndAWorkingToken() {
    String handle = unique("ada");
    ApiClient.Answer created = api.post("/v1/members", ADMIN, """
        {"handle": "%s", "name": "Ada Lovelace", "headline": "Analyst", "email": "ada@example.com", "tier": "premium"}
        """.formatted(handle));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).hasValue("/v1/members/" + handle);
    JsonNode member = created.json();
    assertThat(member.get("handle").asText()).isEqualTo(handle);
    assertThat(member.get("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(member.get("headline").asText()).isEqualTo("Analyst");
    assertThat(member.get("email").asText()).isEqualTo("ada@example.com");
    assertThat(member.get("kind").asText()).isEqualTo("person");
    assertThat(member.get("tier").asText()).isEqualTo("premium");
    assertThat(Instant.parse(member.get("createdAt").asText())).isNotNull();
    assertThat(member.get("settings").get("whoCanFollow").asText()).isEqualTo("everyone");
    String token = member.get("token").asText();

    JsonNode me = api.get("/v1/me", token).json();
    assertThat(me.get("handle").asText()).isEqualTo(handle);
    assertThat(me.get("self").asBoolean()).isTrue();
    assertThat(me.get("relationship").isNull()).isTrue();
    assertThat(me.get("actions").get("primary").asText()).isEqualTo("edit");
    assertThat(me.get("actions").get("more")).isEmpty();
    assertThat(me.get("followerCount").asInt()).isZero();
    assertThat(me.get("email").asText()).isEqualTo("ada@example.com");
    assertThat(me.get("settings").get("connectionsVisibility").asText()).isEqualTo("connections");
  }

  @Test
  void M1_createMember_withATakenHandle_isRefused() {
    String handle = unique("taken");
    server.member(handle);

    ApiClient.Answer again = api.post("/v1/members", ADMIN, "{\"handle\":\"%s\",\"name\":\"Other\"}".formatted(handle));

    assertProblem(again, 409, "handle-taken");
  }

  @Test
  void tokens_anotherTokenActsAsTheSameMember() {
    String handle = unique("tok");
    String first = server.member(handle);

    ApiClient.Answer issued = api.post("/v1/members/" + handle + "/tokens", ADMIN);

    assertThat(issued.status()).isEqualTo(201);
    String second = issued.json().get("token").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(api.get("/v1/me", second).json().get("handle").asText()).isEqualTo(handle);
    assertThat(api.get("/v1/me", first).json().get("handle").asText()).isEqualTo(handle);
  }

  @Test
  void M3_patchMe_changesNameHeadlineAndSettings() {
    String handle = unique("pat");
    String token = server.member(handle);
    String viewer = server.member(unique("viewer"));

    ApiClient.Answer patched = api.patch("/v1/me", token, """
        {"name": "Pat Renamed", "headline": "New headline",
         "settings": {"followPrimary": true, "whoCanInvite": "email", "connectionsVisibility": "only-me"}}
        """);

    assertThat(patched.status()).isEqualTo(200);
    JsonNode me = patched.json();
    assertThat(me.get("name").asText()).isEqualTo("Pat Renamed");
    assertThat(me.get("headline").asText()).isEqualTo("New headline");
    assertThat(me.get("settings").get("followPrimary").asBoolean()).isTrue();
    assertThat(me.get("settings").get("whoCanInvite").asText()).isEqualTo("email");
    assertThat(me.get("settings").get("whoCanFollow").asText()).isEqualTo("everyone");
    assertThat(me.get("settings").get("connectionsVisibility").asText()).isEqualTo("only-me");
    assertThat(api.get("/v1/me", token).json()).isEqualTo(me);
    JsonNode seen = api.get("/v1/members/" + handle, viewer).json();
    assertThat(seen.get("name").asText()).isEqualTo("Pat Renamed");
    assertThat(seen.has("settings")).isFalse();
  }

  @Test
  void M3_openProfile_onlyWhereTheTierAllowsIt() {
    String basic = server.member(unique("basic"));
    String premium = server.member(unique("premium"), "premium");

    assertProblem(api.patch("/v1/me", basic, "{\"settings\":{\"openProfile\":true}}"), 403,
        "open-profile-not-allowed");
    ApiClient.Answer allowed = api.patch("/v1/me", premium, "{\"settings\":{\"openProfile\":true}}");
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.json().get("settings").get("openProfile").asBoolean()).isTrue();
  }

  // ---- profiles (PR1) --------------------------------------------------------------------------

  @Test
  void PR1_profile_carriesTheRelationshipAndTheActionsAsItChanges() {
    String a = unique("pa");
    String b = unique("pb");
    String aToken = server.member(a);
    String bToken = server.member(b);

    JsonNode stranger = api.get("/v1/members/" + b, aToken).json();
    assertThat(stranger.get("self").asBoolean()).isFalse();
    assertThat(stranger.get("kind").asText()).isEqualTo("person");
    assertThat(stranger.get("tier").asText()).isEqualTo("basic");
    assertThat(stranger.get("connectionCount").asInt()).isZero();
    assertThat(stranger.has("followerCount")).isFalse();
    assertThat(stranger.has("email")).isFalse();
    assertThat(relationship(stranger)).isEqualTo("following=false followedBy=false connected=false invitation=null");
    assertThat(actions(stranger)).isEqualTo("connect [follow, block]");

    String invitationId = api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b))
        .json().get("invitation").get("id").asText();
    JsonNode pending = api.get("/v1/members/" + b, aToken).json();
    assertThat(pending.get("relationship").get("following").asBoolean()).isTrue();
    assertThat(pending.get("relationship").get("invitation").get("id").asText()).isEqualTo(invitationId);
    assertThat(pending.get("relationship").get("invitation").get("direction").asText()).isEqualTo("sent");
    assertThat(pending.get("relationship").get("invitation").get("state").asText()).isEqualTo("pending");
    assertThat(actions(pending)).isEqualTo("pending [unfollow, block]");
    JsonNode received = api.get("/v1/members/" + a, bToken).json();
    assertThat(received.get("relationship").get("followedBy").asBoolean()).isTrue();
    assertThat(received.get("relationship").get("invitation").get("direction").asText()).isEqualTo("received");
    assertThat(actions(received)).isEqualTo("accept [follow, block]");

    api.post("/v1/invitations/" + invitationId + "/accept", bToken);
    JsonNode connected = api.get("/v1/members/" + b, aToken).json();
    assertThat(relationship(connected)).isEqualTo("following=true followedBy=true connected=true invitation=null");
    assertThat(actions(connected)).isEqualTo("message [unfollow, remove-connection, block]");
    assertThat(connected.get("connectionCount").asInt()).isEqualTo(1);
    assertThat(connected.get("email").asText()).isEqualTo(b + "@example.com");
  }

  @Test
  void PR1_creatorMode_makesFollowPrimaryAndShowsFollowers() {
    String creator = unique("creator");
    String creatorToken = server.member(creator);
    String fan = server.member(unique("fan"));
    api.patch("/v1/me", creatorToken, "{\"settings\":{\"followPrimary\":true}}");
    api.put("/v1/me/following/" + creator, fan);

    JsonNode profile = api.get("/v1/members/" + creator, fan).json();

    assertThat(actions(profile)).isEqualTo("unfollow [connect, block]");
    assertThat(profile.get("followerCount").asInt()).isEqualTo(1);
  }

  @Test
  void CP1_companyPage_isFollowedNeverConnected() {
    String company = unique("acme");
    server.company(company);
    String person = server.member(unique("emp"));

    JsonNode profile = api.get("/v1/members/" + company, person).json();
    assertThat(profile.get("kind").asText()).isEqualTo("company");
    assertThat(actions(profile)).isEqualTo("follow [block]");
    assertProblem(api.post("/v1/invitations", person, "{\"to\":\"%s\"}".formatted(company)), 409, "not-connectable");
    assertThat(api.put("/v1/me/following/" + company, person).json().get("following").asBoolean()).isTrue();
  }

  // ---- following -------------------------------------------------------------------------------

  @Test
  void F1_F3_F4_follow_isImmediateNotifiedAndIdempotent() {
    String a = unique("fa");
    String b = unique("fb");
    String aToken = server.member(a);
    String bToken = server.member(b);

    ApiClient.Answer follow = api.put("/v1/me/following/" + b, aToken);
    assertThat(follow.status()).isEqualTo(200);
    assertThat(follow.json().toString()).isEqualTo("{\"following\":true,\"changed\":true}");
    assertThat(api.put("/v1/me/following/" + b, aToken).json().get("changed").asBoolean()).isFalse();

    assertThat(handles(api.get("/v1/members/" + b + "/followers", bToken).json())).containsExactly(a);
    assertThat(handles(api.get("/v1/members/" + a + "/following", aToken).json())).containsExactly(b);
    JsonNode notification = api.get("/v1/me/notifications", bToken).json().get("items").get(0);
    assertThat(notification.get("kind").asText()).isEqualTo("followed");
    assertThat(notification.get("actor").get("handle").asText()).isEqualTo(a);
    assertThat(notification.get("actor").get("name").asText()).isEqualTo("Name of " + a);
    assertThat(notification.get("read").asBoolean()).isFalse();
    assertThat(Instant.parse(notification.get("at").asText())).isNotNull();
    assertThat(notification.get("id").isTextual()).isTrue();

    ApiClient.Answer unfollow = api.delete("/v1/me/following/" + b, aToken);
    assertThat(unfollow.json().toString()).isEqualTo("{\"following\":false,\"changed\":true}");
    assertThat(api.delete("/v1/me/following/" + b, aToken).json().get("changed").asBoolean()).isFalse();
    assertThat(handles(api.get("/v1/members/" + b + "/followers", bToken).json())).isEmpty();
  }

  @Test
  void NT1_followUnfollowFollowWithinADay_notifiesOnce_andADayLaterAgain() {
    String a = unique("nta");
    String b = unique("ntb");
    String aToken = server.member(a);
    String bToken = server.member(b);
    api.put("/v1/me/following/" + b, aToken);
    api.delete("/v1/me/following/" + b, aToken);
    assertThat(api.put("/v1/me/following/" + b, aToken).json().get("changed").asBoolean()).isTrue();
    assertThat(kinds(api.get("/v1/me/notifications", bToken).json())).containsExactly("followed");

    // The dev clock moves the one clock of this server; only this pair's quiet day matters here.
    assertThat(api.post("/v1/admin/clock", ADMIN, "{\"advance\":\"P1D\"}").status()).isEqualTo(200);
    api.delete("/v1/me/following/" + b, aToken);
    api.put("/v1/me/following/" + b, aToken);
    assertThat(kinds(api.get("/v1/me/notifications", bToken).json())).containsExactly("followed", "followed");
  }

  @Test
  void P5_listsOfFollows_areTheMembersOwnByDefault_andOpenToConnectionsByASetting() {
    String a = unique("p5a");
    String b = unique("p5b");
    String c = unique("p5c");
    String aToken = server.member(a);
    String bToken = server.member(b);
    String cToken = server.member(c);
    connect(api, aToken, bToken, b);
    api.put("/v1/me/following/" + a, cToken);

    assertProblem(api.get("/v1/members/" + a + "/followers", bToken), 403, "follows-hidden");
    assertProblem(api.get("/v1/members/" + a + "/following", cToken), 403, "follows-hidden");
    ApiClient.Answer opened = api.patch("/v1/me", aToken, "{\"settings\":{\"followsVisibility\":\"connections\"}}");
    assertThat(opened.json().get("settings").get("followsVisibility").asText()).isEqualTo("connections");
    assertThat(handles(api.get("/v1/members/" + a + "/followers", bToken).json())).containsExactlyInAnyOrder(b, c);
    assertProblem(api.get("/v1/members/" + a + "/followers", cToken), 403, "follows-hidden");

    // P1 wins: with the connections hidden, the lists of follows are hidden again.
    api.patch("/v1/me", aToken, "{\"settings\":{\"connectionsVisibility\":\"only-me\"}}");
    assertProblem(api.get("/v1/members/" + a + "/following", bToken), 403, "follows-hidden");
    assertProblem(api.responsesOnly().patch("/v1/me", aToken, "{\"settings\":{\"followsVisibility\":\"everyone\"}}"), 400,
        "invalid-field");
  }

  @Test
  void F5_whoCanFollowConnections_refusesOutsiders() {
    String b = unique("private");
    String bToken = server.member(b);
    String outsider = server.member(unique("outsider"));
    api.patch("/v1/me", bToken, "{\"settings\":{\"whoCanFollow\":\"connections\"}}");

    assertProblem(api.put("/v1/me/following/" + b, outsider), 403, "follow-restricted");
  }

  @Test
  void F6_removeFollower_withoutBlocking() {
    String a = unique("star");
    String aToken = server.member(a);
    String f = unique("follower");
    String fToken = server.member(f);
    api.put("/v1/me/following/" + a, fToken);

    ApiClient.Answer removed = api.delete("/v1/me/followers/" + f, aToken);

    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().toString()).isEqualTo("{\"followedBy\":false,\"changed\":true}");
    assertThat(handles(api.get("/v1/members/" + a + "/followers", aToken).json())).isEmpty();
    assertThat(api.put("/v1/me/following/" + a, fToken).json().get("changed").asBoolean()).isTrue();
  }

  @Test
  void F7_cannotFollowYourself() {
    String a = unique("narcissus");
    String token = server.member(a);

    assertProblem(api.put("/v1/me/following/" + a, token), 409, "cannot-follow-self");
  }

  // ---- lists -----------------------------------------------------------------------------------

  @Test
  void lists_arePagedWithLimitAndCursor() {
    String star = unique("popular");
    String starToken = server.member(star);
    List<String> fans = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String fan = unique("fan");
      fans.add(fan);
      api.put("/v1/me/following/" + star, server.member(fan));
    }

    List<String> seen = new ArrayList<>();
    String path = "/v1/members/" + star + "/followers?limit=2";
    int pages = 0;
    while (path != null) {
      JsonNode page = api.get(path, starToken).json();
      pages++;
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      for (JsonNode item : page.get("items")) {
        seen.add(item.get("handle").asText());
        assertThat(item.get("name").asText()).isEqualTo("Name of " + item.get("handle").asText());
        assertThat(item.get("headline").asText()).startsWith("Headline of");
      }
      path = page.get("next").isNull() ? null
          : "/v1/members/" + star + "/followers?limit=2&cursor=" + page.get("next").asText();
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(fans);
  }

  // ---- dev clock and authentication ------------------------------------------------------------

  @Test
  void devClock_isRefusedWhenTheServerRunsWithoutIt(@TempDir Path otherDir) {
    try (TestServer plain = TestServer.start(otherDir, false, Policy.defaults())) {
      ApiClient.Answer refused = plain.api.post("/v1/admin/clock", ADMIN, "{\"advance\":\"P1D\"}");

      assertProblem(refused, 403, "dev-clock-disabled");
      assertThat(plain.api.get("/health", null).status()).isEqualTo(200);
    }
  }

  @Test
  void auth_failuresAreProblemsWithABearerChallenge() {
    String member = server.member(unique("authy"));

    // Requests without a token break the contract on purpose: only the answers are checked.
    ApiClient.Answer none = api.responsesOnly().get("/v1/me", null);
    assertProblem(none, 401, "unauthenticated");
    assertThat(none.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    ApiClient.Answer unknown = api.get("/v1/me", "rpt_not-a-token");
    assertProblem(unknown, 401, "unauthenticated");
    assertThat(unknown.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    assertProblem(api.post("/v1/members", member, "{\"handle\":\"%s\",\"name\":\"X\"}".formatted(unique("x"))),
        403, "admin-only");
    assertProblem(api.post("/v1/admin/clock", member, "{\"advance\":\"P1D\"}"), 403, "admin-only");
    assertProblem(api.get("/v1/me", ADMIN), 403, "member-only");
    assertProblem(api.responsesOnly().post("/v1/members", null, "{}"), 401, "unauthenticated");
  }

  @Test
  void routing_unknownRouteIs404AndWrongMethodIs405() {
    // Addresses and methods the contract does not have: only the answers are checked.
    ApiClient outside = api.responsesOnly();
    assertProblem(outside.get("/v1/nothing-here", null), 404, "not-found");
    ApiClient.Answer wrongMethod = outside.delete("/v1/me/limits", null);
    assertProblem(wrongMethod, 405, "method-not-allowed");
    assertThat(wrongMethod.header("Allow")).hasValue("GET, HEAD");
    assertThat(outside.delete("/v1/me", null).header("Allow")).hasValue("GET, HEAD, PATCH");
    ApiClient.Answer postedToMetrics = outside.post("/metrics", null, "{}");
    assertProblem(postedToMetrics, 405, "method-not-allowed");
    assertThat(postedToMetrics.header("Allow")).as("/metrics is routed apart from the API").hasValue("GET, HEAD");
  }

  @Test
  void routing_headAnswersLikeGetWithoutABody() {
    String token = server.member(unique("header"));

    ApiClient.Answer health = api.send(api.request("/health").HEAD().build());
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.contentType()).startsWith("application/json");
    assertThat(health.body()).isEmpty();
    ApiClient.Answer me = api.send(api.request("/v1/me").header("Authorization", "Bearer " + token).HEAD().build());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body()).isEmpty();
    ApiClient.Answer unauthenticated = api.send(api.request("/v1/me").HEAD().build());
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.contentType()).startsWith("application/problem+json");
    assertThat(unauthenticated.body()).isEmpty();
    ApiClient.Answer missing = api.send(api.request("/v1/nothing").HEAD().build());
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEmpty();
    assertThat(api.get("/health", null).json().get("status").asText()).isEqualTo("up");
  }
}
