package dev.rapport.server;

import static dev.rapport.server.HttpAnswers.assertProblem;
import static dev.rapport.server.HttpAnswers.connect;
import static dev.rapport.server.HttpAnswers.handles;
import static dev.rapport.server.HttpAnswers.relationship;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invitations and their transitions, limits, connections and blocks over real HTTP, as a client
 * would use them; the rest of the API is {@link ApiWalkthroughIT}'s.
 */
class InvitationsOverHttpIT {
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
    connect(api, aToken, bToken, b);

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
    connect(api, aToken, bToken, b);
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
    connect(api, aToken, bToken, b);

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
}
