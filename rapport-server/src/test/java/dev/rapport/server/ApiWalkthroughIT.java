package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;
import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the API over real HTTP, as a client would use it: members and tokens, profiles
 * with their relationship and actions, settings, following, invitations and their transitions,
 * connections, blocks, limits, notifications, paged lists, the dev clock and authentication.
 */
class ApiWalkthroughIT {
  /** A small tier so that limits are reached in a few calls. */
  private static final Tier TINY = new Tier("tiny", 2, 2, 1, 40, 0, 0, false);

  @TempDir
  static Path dataDir;

  private static TestServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, true, Policy.defaults().withTier(TINY));
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
    connect(aToken, bToken, b);
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

  // ---- invitations -----------------------------------------------------------------------------

  @Test
  void C1_C3_inviteAndAccept_connectsNotifiesAndLists() {
    String a = unique("ia");
    String b = unique("ib");
    String aToken = server.member(a);
    String bToken = server.member(b);

    ApiClient.Answer sent = api.post("/v1/invitations", aToken, "{\"to\":\"%s\",\"note\":\"Hello!\"}".formatted(b));
    assertThat(sent.status()).isEqualTo(201);
    assertThat(sent.json().get("connected").asBoolean()).isFalse();
    JsonNode invitation = sent.json().get("invitation");
    assertThat(invitation.get("id").isTextual()).isTrue();
    assertThat(invitation.get("from").asText()).isEqualTo(a);
    assertThat(invitation.get("to").asText()).isEqualTo(b);
    assertThat(invitation.get("state").asText()).isEqualTo("pending");
    assertThat(invitation.get("note").asText()).isEqualTo("Hello!");
    assertThat(Instant.parse(invitation.get("sentAt").asText())).isEqualTo(Instant.parse(invitation.get("updatedAt").asText()));
    String id = invitation.get("id").asText();

    JsonNode received = api.get("/v1/me/invitations", bToken).json();
    assertThat(received.get("items")).hasSize(1);
    assertThat(received.get("items").get(0)).isEqualTo(invitation);
    assertThat(received.get("next").isNull()).isTrue();
    assertThat(api.get("/v1/me/invitations?box=sent", aToken).json().get("items").get(0)).isEqualTo(invitation);
    assertThat(api.get("/v1/me/notifications", bToken).json().get("items").get(0).get("kind").asText())
        .isEqualTo("invitation-received");

    ApiClient.Answer accepted = api.post("/v1/invitations/" + id + "/accept", bToken);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.json().get("connected").asBoolean()).isTrue();
    assertThat(accepted.json().get("invitation").get("state").asText()).isEqualTo("accepted");
    assertThat(accepted.json().get("invitation").get("from").asText()).isEqualTo(a);
    assertThat(accepted.json().get("invitation").get("to").asText()).isEqualTo(b);

    JsonNode connections = api.get("/v1/members/" + a + "/connections", aToken).json();
    assertThat(handles(connections)).containsExactly(b);
    assertThat(connections.get("items").get(0).get("connectedAt").asText())
        .as("C3: when the invitation was accepted").isEqualTo(accepted.json().get("invitation").get("updatedAt").asText());
    assertThat(handles(api.get("/v1/members/" + b + "/connections", aToken).json())).containsExactly(a);
    assertThat(handles(api.get("/v1/members/" + a + "/followers", aToken).json())).containsExactly(b);
    JsonNode acceptedNotification = api.get("/v1/me/notifications", aToken).json().get("items").get(0);
    assertThat(acceptedNotification.get("kind").asText()).isEqualTo("invitation-accepted");
    assertThat(acceptedNotification.get("invitationId").asText()).isEqualTo(id);
    assertThat(api.get("/v1/me/invitations?box=sent&state=accepted", aToken).json().get("items").get(0)
        .get("state").asText()).isEqualTo("accepted");
    assertThat(api.get("/v1/me/invitations?box=sent", aToken).json().get("items")).isEmpty();
    assertProblem(api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)), 409, "already-connected");
  }

  @Test
  void C4_crossingInvitations_connectAtOnce() {
    String a = unique("ca");
    String b = unique("cb");
    String aToken = server.member(a);
    String bToken = server.member(b);
    String id = api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)).json()
        .get("invitation").get("id").asText();

    ApiClient.Answer crossing = api.post("/v1/invitations", bToken, "{\"to\":\"%s\"}".formatted(a));

    assertThat(crossing.status()).isEqualTo(200);
    assertThat(crossing.json().get("connected").asBoolean()).isTrue();
    JsonNode invitation = crossing.json().get("invitation");
    assertThat(invitation.get("id").asText()).isEqualTo(id);
    assertThat(invitation.get("from").asText()).isEqualTo(a);
    assertThat(invitation.get("to").asText()).isEqualTo(b);
    assertThat(invitation.get("state").asText()).isEqualTo("accepted");
    JsonNode connected = api.get("/v1/members/" + a, bToken).json().get("relationship");
    assertThat(connected.get("connected").asBoolean()).isTrue();
    assertThat(connected.get("degree").asInt()).isEqualTo(1); // PR1's degree comes from the graph index
    assertThat(connected.get("mutualCount").asInt()).isZero();
  }

  @Test
  void N1_degrees_N2_mutualConnections_N3_networkSize_N4_suggestions_overHttp() {
    String a = unique("na");
    String b = unique("nb");
    String c = unique("nc");
    String aToken = server.member(a);
    String bToken = server.member(b);
    String cToken = server.member(c);
    for (String[] pair : new String[][] {{aToken, b, bToken}, {cToken, b, bToken}}) {
      String id = api.post("/v1/invitations", pair[0], "{\"to\":\"%s\"}".formatted(pair[1])).json()
          .get("invitation").get("id").asText();
      assertThat(api.post("/v1/invitations/" + id + "/accept", pair[2]).status()).isEqualTo(200);
    }
    JsonNode mutual = api.get("/v1/members/" + c + "/mutual-connections", aToken).json();
    assertThat(handles(mutual)).containsExactly(b);
    assertThat(mutual.get("total").asInt()).isEqualTo(1);
    JsonNode network = api.get("/v1/me/network", aToken).json();
    assertThat(network.get("first").asInt()).isEqualTo(1);
    assertThat(network.get("second").asInt()).isEqualTo(1);
    assertThat(network.get("third").asInt()).isZero();
    JsonNode profile = api.get("/v1/members/" + c, aToken).json().get("relationship");
    assertThat(profile.get("degree").asInt()).isEqualTo(2);
    assertThat(profile.get("mutualCount").asInt()).isEqualTo(1);
    assertThat(profile.get("firstMutuals").get(0).get("handle").asText()).isEqualTo(b);

    JsonNode degrees = api.post("/v1/me/degrees", aToken,
        "{\"handles\":[\"%s\",\"%s\",\"%s\",\"nobody-has-this\",\"%s\"]}".formatted(b, c, a, b)).json()
        .get("degrees");
    assertThat(degrees.size()).as("a handle named twice is answered once").isEqualTo(4);
    assertThat(degrees.get(b).asInt()).isEqualTo(1);
    assertThat(degrees.get(c).asInt()).isEqualTo(2);
    assertThat(degrees.get(a).isNull()).isTrue();
    assertThat(degrees.get("nobody-has-this").isNull()).isTrue();

    JsonNode suggestions = api.get("/v1/me/suggestions", aToken).json();
    assertThat(handles(suggestions)).containsExactly(c);
    assertThat(suggestions.get("items").get(0).get("mutualCount").asInt()).isEqualTo(1);
    assertThat(api.delete("/v1/me/suggestions/" + c, aToken).status()).isEqualTo(204);
    assertThat(handles(api.get("/v1/me/suggestions", aToken).json())).isEmpty();
    assertThat(handles(api.get("/v1/me/suggestions", cToken).json())).containsExactly(a);
  }

  @Test
  void C5_ignore_looksPendingToTheSender_andCanStillBeAccepted() {
    String a = unique("ga");
    String b = unique("gb");
    String aToken = server.member(a);
    String bToken = server.member(b);
    String id = api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)).json()
        .get("invitation").get("id").asText();

    ApiClient.Answer ignored = api.post("/v1/invitations/" + id + "/ignore", bToken);

    assertThat(ignored.status()).isEqualTo(200);
    assertThat(ignored.json().get("invitation").get("state").asText()).isEqualTo("ignored");
    assertThat(api.get("/v1/me/invitations?box=sent", aToken).json().get("items").get(0).get("state").asText())
        .isEqualTo("pending");
    assertThat(api.get("/v1/me/invitations", bToken).json().get("items")).isEmpty();
    assertThat(api.get("/v1/me/invitations?state=ignored", bToken).json().get("items").get(0).get("id").asText())
        .isEqualTo(id);
    assertThat(api.post("/v1/invitations/" + id + "/accept", bToken).json().get("connected").asBoolean()).isTrue();
  }

  @Test
  void C6_withdraw_thenTheCooldown_thenTheDevClockLetsTimePass() {
    String a = unique("wa");
    String b = unique("wb");
    String aToken = server.member(a);
    server.member(b);
    String id = api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)).json()
        .get("invitation").get("id").asText();

    ApiClient.Answer withdrawn = api.post("/v1/invitations/" + id + "/withdraw", aToken);
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.json().get("invitation").get("state").asText()).isEqualTo("withdrawn");

    ApiClient.Answer cooldown = api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b));
    assertProblem(cooldown, 429, "invitation-cooldown");
    Instant retryAt = Instant.parse(cooldown.json().get("retryAt").asText());
    long retryAfter = Long.parseLong(cooldown.header("Retry-After").orElseThrow());
    assertThat(Duration.ofSeconds(retryAfter)).isBetween(Duration.ofDays(20), Duration.ofDays(21).plusMinutes(1));

    ApiClient.Answer advanced = api.post("/v1/admin/clock", ADMIN, "{\"advance\":\"P22D\"}");
    assertThat(advanced.status()).isEqualTo(200);
    assertThat(Instant.parse(advanced.json().get("now").asText())).isAfter(retryAt);
    assertThat(api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)).status()).isEqualTo(201);
  }

  @Test
  void C7_report_ignoresAndStaysPendingForTheSender() {
    String a = unique("ra");
    String b = unique("rb");
    String aToken = server.member(a);
    String bToken = server.member(b);
    String id = api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)).json()
        .get("invitation").get("id").asText();

    ApiClient.Answer reported = api.post("/v1/invitations/" + id + "/report", bToken);

    assertThat(reported.status()).isEqualTo(200);
    assertThat(reported.json().get("invitation").get("state").asText()).isEqualTo("ignored");
    assertThat(api.get("/v1/me/invitations?box=sent", aToken).json().get("items").get(0).get("state").asText())
        .isEqualTo("pending");
  }

  @Test
  void C9_whoCanInviteEmail_needsTheRecipientsEmail() {
    String b = unique("guarded");
    String bToken = server.member(b);
    String aToken = server.member(unique("knower"));
    api.patch("/v1/me", bToken, "{\"settings\":{\"whoCanInvite\":\"email\"}}");

    assertProblem(api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)), 403, "email-required");
    assertProblem(api.post("/v1/invitations", aToken, "{\"to\":\"%s\",\"email\":\"x@example.com\"}".formatted(b)),
        403, "email-mismatch");
    ApiClient.Answer sent = api.post("/v1/invitations", aToken,
        "{\"to\":\"%s\",\"email\":\"%s\"}".formatted(b, (b + "@EXAMPLE.com")));
    assertThat(sent.status()).isEqualTo(201);
  }

  @Test
  void C8_notes_tooLongOrOverTheMonthlyAllowance_areRefused() {
    String a = server.member(unique("noter"), TINY.name());
    String b = unique("nb");
    String c = unique("nc");
    server.member(b);
    server.member(c);

    ApiClient.Answer tooLong = api.post("/v1/invitations", a,
        "{\"to\":\"%s\",\"note\":\"%s\"}".formatted(b, "n".repeat(TINY.noteMaxLength() + 1)));
    assertProblem(tooLong, 400, "note-too-long");
    assertThat(tooLong.json().get("limit").asInt()).isEqualTo(TINY.noteMaxLength());
    assertThat(tooLong.json().get("used").asInt()).isEqualTo(TINY.noteMaxLength() + 1);

    assertThat(api.post("/v1/invitations", a, "{\"to\":\"%s\",\"note\":\"hi\"}".formatted(b)).status()).isEqualTo(201);
    ApiClient.Answer overMonthly = api.post("/v1/invitations", a, "{\"to\":\"%s\",\"note\":\"hi\"}".formatted(c));
    assertProblem(overMonthly, 429, "monthly-note-limit");
    assertThat(overMonthly.header("Retry-After")).isPresent();
    assertThat(api.post("/v1/invitations", a, "{\"to\":\"%s\"}".formatted(c)).status()).isEqualTo(201);
  }

  // ---- limits (L2, L6) -------------------------------------------------------------------------

  @Test
  void L6_limits_showEveryLimitItsUseAndWhenItFreesUp() {
    String a = server.member(unique("lim"));
    String b = unique("lb");
    server.member(b);
    api.post("/v1/invitations", a, "{\"to\":\"%s\",\"note\":\"hello\"}".formatted(b));

    ApiClient.Answer limits = api.get("/v1/me/limits", a);

    assertThat(limits.status()).isEqualTo(200);
    JsonNode json = limits.json();
    assertThat(json.get("tier").asText()).isEqualTo("basic");
    assertThat(json.get("weeklyInvitations").get("limit").asInt()).isEqualTo(Tier.BASIC.newAccountWeeklyInvitations());
    assertThat(json.get("weeklyInvitations").get("used").asInt()).isEqualTo(1);
    assertThat(Instant.parse(json.get("weeklyInvitations").get("resetsAt").asText())).isAfter(Instant.now());
    assertThat(json.get("monthlyNotes").get("limit").asInt()).isEqualTo(Tier.BASIC.notesPerMonth());
    assertThat(json.get("monthlyNotes").get("used").asInt()).isEqualTo(1);
    assertThat(json.get("noteMaxLength").asInt()).isEqualTo(Tier.BASIC.noteMaxLength());
    assertThat(json.get("pendingInvitations").get("limit").asInt()).isEqualTo(Policy.defaults().maxPendingSent());
    assertThat(json.get("pendingInvitations").get("used").asInt()).isEqualTo(1);
    assertThat(json.get("pendingInvitations").get("resetsAt").isNull()).isTrue();
    assertThat(json.get("connections").get("limit").asInt()).isEqualTo(Policy.defaults().maxConnections());
    assertThat(json.get("connections").get("used").asInt()).isZero();
    assertThat(json.get("restriction").isNull()).isTrue();
  }

  @Test
  void L2_weeklyLimit_refusesWithTheNextSlotAndRetryAfter() {
    String a = server.member(unique("busy"), TINY.name());
    List<String> others = new ArrayList<>();
    for (int i = 0; i <= TINY.weeklyInvitations(); i++) {
      others.add(unique("target"));
      server.member(others.get(i));
    }
    for (int i = 0; i < TINY.weeklyInvitations(); i++) {
      assertThat(api.post("/v1/invitations", a, "{\"to\":\"%s\"}".formatted(others.get(i))).status()).isEqualTo(201);
    }

    ApiClient.Answer refused = api.post("/v1/invitations", a, "{\"to\":\"%s\"}".formatted(others.getLast()));

    assertProblem(refused, 429, "weekly-invitation-limit");
    assertThat(refused.json().get("limit").asInt()).isEqualTo(TINY.weeklyInvitations());
    assertThat(refused.json().get("used").asInt()).isEqualTo(TINY.weeklyInvitations());
    assertThat(Instant.parse(refused.json().get("retryAt").asText())).isAfter(Instant.now());
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(api.get("/v1/me/limits", a).json().get("weeklyInvitations").get("used").asInt())
        .isEqualTo(TINY.weeklyInvitations());
  }

  // ---- connections and blocks ------------------------------------------------------------------

  @Test
  void C10_removeConnection_isSilentAndRemovesBothFollows() {
    String a = unique("xa");
    String b = unique("xb");
    String aToken = server.member(a);
    String bToken = server.member(b);
    connect(aToken, bToken, b);

    ApiClient.Answer removed = api.delete("/v1/me/connections/" + b, aToken);

    assertThat(removed.status()).isEqualTo(204);
    assertThat(removed.body()).isEmpty();
    assertThat(handles(api.get("/v1/members/" + a + "/connections", aToken).json())).isEmpty();
    assertThat(handles(api.get("/v1/members/" + a + "/followers", aToken).json())).isEmpty();
    assertThat(handles(api.get("/v1/members/" + a + "/following", aToken).json())).isEmpty();
    assertProblem(api.delete("/v1/me/connections/" + b, aToken), 409, "not-connected");
  }

  @Test
  void P1_onlyMe_hidesTheConnectionListFromOthers() {
    String a = unique("hider");
    String aToken = server.member(a);
    String b = unique("friend");
    String bToken = server.member(b);
    connect(aToken, bToken, b);
    String stranger = server.member(unique("curious"));
    api.patch("/v1/me", aToken, "{\"settings\":{\"connectionsVisibility\":\"only-me\"}}");

    assertThat(handles(api.get("/v1/members/" + a + "/connections", aToken).json())).containsExactly(b);
    assertThat(handles(api.get("/v1/members/" + a + "/connections", stranger).json())).isEmpty();
  }

  @Test
  void B1_B2_block_hidesBothWaysAndUnblockRestoresNothing() {
    String a = unique("ba");
    String b = unique("bb");
    String aToken = server.member(a);
    String bToken = server.member(b);
    connect(aToken, bToken, b);

    ApiClient.Answer blocked = api.put("/v1/me/blocks/" + b, aToken);
    assertThat(blocked.status()).isEqualTo(200);
    assertThat(blocked.json().toString()).isEqualTo("{\"blocked\":true,\"changed\":true}");
    assertThat(api.put("/v1/me/blocks/" + b, aToken).json().get("changed").asBoolean()).isFalse();
    assertThat(handles(api.get("/v1/me/blocks", aToken).json())).containsExactly(b);
    assertProblem(api.get("/v1/members/" + a, bToken), 404, "member-not-found");
    assertProblem(api.get("/v1/members/" + b, aToken), 404, "member-not-found");
    assertProblem(api.put("/v1/me/following/" + a, bToken), 404, "member-not-found");
    assertProblem(api.put("/v1/me/following/" + b, aToken), 409, "member-blocked");
    assertThat(handles(api.get("/v1/members/" + a + "/connections", aToken).json())).isEmpty();

    ApiClient.Answer unblocked = api.delete("/v1/me/blocks/" + b, aToken);
    assertThat(unblocked.status()).isEqualTo(200);
    assertThat(unblocked.json().toString()).isEqualTo("{\"blocked\":false,\"changed\":true}");
    assertThat(handles(api.get("/v1/me/blocks", aToken).json())).isEmpty();
    JsonNode again = api.get("/v1/members/" + b, aToken).json();
    assertThat(relationship(again)).isEqualTo("following=false followedBy=false connected=false invitation=null");
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

  // ---- helpers ---------------------------------------------------------------------------------

  private static void connect(String aToken, String bToken, String b) {
    String id = api.post("/v1/invitations", aToken, "{\"to\":\"%s\"}".formatted(b)).json()
        .get("invitation").get("id").asText();
    assertThat(api.post("/v1/invitations/" + id + "/accept", bToken).status()).isEqualTo(200);
  }

  static void assertProblem(ApiClient.Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.get("type").asText()).isEqualTo("/problems/" + type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  private static List<String> kinds(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("kind").asText()).toList();
  }

  private static List<String> handles(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("handle").asText()).toList();
  }

  private static String relationship(JsonNode profile) {
    JsonNode r = profile.get("relationship");
    return "following=%s followedBy=%s connected=%s invitation=%s".formatted(r.get("following").asBoolean(),
        r.get("followedBy").asBoolean(), r.get("connected").asBoolean(),
        r.get("invitation").isNull() ? "null" : r.get("invitation").toString());
  }

  private static String actions(JsonNode profile) {
    JsonNode actions = profile.get("actions");
    List<String> more = StreamSupport.stream(actions.get("more").spliterator(), false).map(JsonNode::asText).toList();
    return actions.get("primary").asText() + " " + more.toString();
  }
}
