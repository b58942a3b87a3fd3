package dev.rapport.server;

import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.kernel.Policy;
import dev.rapport.server.accounts.AccountsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NT2's live stream over real HTTP on SQLite (acceptance 3 of issue 18): what others do arrives
 * within 200 ms of its write's answer; after a dropped connection, and after a restart of the
 * server, reconnecting with {@code Last-Event-ID} gives exactly the missed events; heartbeats; the
 * stream ends when its token is revoked; muted kinds are not streamed.
 */
class LiveStreamIT {
  private static final Duration WITHIN = Duration.ofMillis(200);
  private static final Duration QUIET = Duration.ofMillis(400);

  @TempDir
  Path dataDir;

  private TestServer start(Duration heartbeat) {
    ServerConfig defaults = ServerConfig.defaults();
    return TestServer.start(defaults.withPort(0).withDataDir(dataDir).withAdminToken(TestServer.ADMIN)
        .withDevClock(true).withPolicy(Policy.defaults())
        .withListener(defaults.listener().withHeartbeat(heartbeat)), io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME);
  }

  private static String json(String field, String value) {
    return ApiClient.MAPPER.createObjectNode().put(field, value).toString();
  }

  /** Runs a write, checks it succeeded, and gives the time its answer came. */
  private static long acknowledged(Supplier<ApiClient.Answer> write) {
    ApiClient.Answer answer = write.get();
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
    return System.nanoTime();
  }

  private static void arrivesWithin(EventStreamClient stream, long acknowledged, String kind) throws Exception {
    EventStreamClient.Frame frame = stream.expect("notification", Duration.ofSeconds(5));
    assertThat(frame.data().get("kind").asText()).isEqualTo(kind);
    assertThat(Duration.ofNanos(frame.arrivedNanos() - acknowledged)).as(kind).isLessThanOrEqualTo(WITHIN);
    assertThat(frame.id()).isPresent();
  }

  @Test
  void NT2_followInviteAcceptReactCommentEndorseRecommend_eachArriveWithin200ms() throws Exception {
    try (TestServer server = start(Duration.ofSeconds(15))) {
      ApiClient api = server.api;
      String ada = unique("ada");
      String adaToken = server.member(ada);
      String bob = unique("bob");
      String bobToken = server.member(bob);
      String cyd = unique("cyd");
      String cydToken = server.member(cyd);
      String postId = api.post("/v1/posts", adaToken, json("text", "hello")).json().get("id").asText();
      api.withBody("PUT", "/v1/me/skills", adaToken, "{\"skills\":[\"Java\"]}");

      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), adaToken, Optional.empty())) {
        stream.expect("ready", Duration.ofSeconds(5));
        arrivesWithin(stream, acknowledged(() -> api.put("/v1/me/following/" + ada, cydToken)), "followed");
        long invited = acknowledged(() -> api.post("/v1/invitations", bobToken, json("to", ada)));
        arrivesWithin(stream, invited, "invitation-received");

        JsonNode adaToCyd = api.post("/v1/invitations", adaToken, json("to", cyd)).json();
        arrivesWithin(stream, acknowledged(() -> api.post("/v1/invitations/" + adaToCyd.get("invitation").get("id").asText()
            + "/accept", cydToken)), "invitation-accepted");
        arrivesWithin(stream, acknowledged(() -> api.withBody("PUT", "/v1/posts/" + postId + "/reactions/me",
            bobToken, json("kind", "like"))), "reacted");
        arrivesWithin(stream, acknowledged(() -> api.post("/v1/posts/" + postId + "/comments", bobToken,
            json("text", "well said"))), "commented");
        arrivesWithin(stream, acknowledged(() -> api.post("/v1/members/" + ada + "/endorsements", cydToken,
            json("skill", "Java"))), "endorsed");
        arrivesWithin(stream, acknowledged(() -> api.post("/v1/members/" + ada + "/recommendations", cydToken,
            json("text", "Ada ships."))), "recommended");
        assertThat(stream.drain(QUIET)).as("nothing else").isEmpty();
      }
    }
  }

  @Test
  void NT2_afterADroppedConnection_andAfterARestart_lastEventIdResumesWithExactlyTheMissedOnes() throws Exception {
    String ada = unique("ada");
    String adaToken;
    List<String> followers = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    String lastId;
    try (TestServer server = start(Duration.ofSeconds(15))) {
      adaToken = server.member(ada);
      for (int i = 0; i < 6; i++) {
        followers.add(unique("fan"));
        tokens.add(server.member(followers.get(i)));
      }
      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), adaToken, Optional.empty())) {
        stream.expect("ready", Duration.ofSeconds(5));
        server.api.put("/v1/me/following/" + ada, tokens.get(0));
        lastId = stream.expect("notification", Duration.ofSeconds(5)).id().orElseThrow();
      } // dropped

      server.api.put("/v1/me/following/" + ada, tokens.get(1));
      server.api.put("/v1/me/following/" + ada, tokens.get(2));
      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), adaToken, Optional.of(lastId))) {
        assertThat(stream.expect("ready", Duration.ofSeconds(5)).id()).contains(lastId);
        List<EventStreamClient.Frame> resumed = stream.drain(QUIET);
        assertThat(actors(resumed)).containsExactly(followers.get(1), followers.get(2));
        lastId = resumed.getLast().id().orElseThrow();
      }
      server.api.put("/v1/me/following/" + ada, tokens.get(3)); // missed: written before the restart
    }
    try (TestServer restarted = start(Duration.ofSeconds(15))) {
      restarted.api.put("/v1/me/following/" + ada, tokens.get(4)); // missed: written after it
      try (EventStreamClient stream = EventStreamClient.open(restarted.server.port(), adaToken, Optional.of(lastId))) {
        stream.expect("ready", Duration.ofSeconds(5));
        List<EventStreamClient.Frame> resumed = stream.drain(QUIET);
        assertThat(actors(resumed)).as("exactly the missed ones, in order").containsExactly(followers.get(3),
            followers.get(4));
        long acknowledged = acknowledged(() -> restarted.api.put("/v1/me/following/" + ada, tokens.get(5)));
        arrivesWithin(stream, acknowledged, "followed");
      }
    }
  }

  private static List<String> actors(List<EventStreamClient.Frame> frames) {
    assertThat(frames).allSatisfy(f -> assertThat(f.name()).isEqualTo("notification"));
    return frames.stream().map(f -> f.data().get("actor").get("handle").asText()).toList();
  }

  @Test
  void NT2_aQuietStream_getsHeartbeats() throws Exception {
    try (TestServer server = start(Duration.ofMillis(100))) {
      String token = server.member(unique("ada"));
      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), token, Optional.empty())) {
        stream.expect("ready", Duration.ofSeconds(5));
        assertThat(stream.drain(Duration.ofMillis(600))).isEmpty();
        assertThat(stream.heartbeats()).isGreaterThanOrEqualTo(2);
      }
    }
  }

  @Test
  void NT2_theStreamEnds_whenItsTokenIsRevoked() throws Exception {
    try (TestServer server = start(Duration.ofSeconds(15))) {
      String ada = unique("ada");
      String first = server.member(ada);
      JsonNode second = server.api.post("/v1/me/tokens", first, json("name", "laptop")).json();
      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), second.get("token").asText(),
          Optional.empty())) {
        stream.expect("ready", Duration.ofSeconds(5));
        assertThat(server.api.delete("/v1/me/tokens/" + second.get("id").asText(), first).status()).isEqualTo(204);
        EventStreamClient.Frame end = stream.expect("end", Duration.ofSeconds(5));
        assertThat(end.data().get("reason").asText()).contains("revoked");
        assertThat(stream.ended(Duration.ofSeconds(5))).isTrue();
      }
    }
  }

  /** No event tells of a session's end: the stream ends at it all the same, long before its next heartbeat. */
  @Test
  void A2_NT2_theStreamEnds_whenItsSessionExpires_atItsEnd() throws Exception {
    AccountsConfig d = AccountsConfig.defaults();
    AccountsConfig twoSecondSessions = new AccountsConfig(d.signUp(), d.membersMayInvite(), d.inviteLifetime(),
        Duration.ofSeconds(2), d.behindTls(), d.argon2(), d.failedSignInsPerAccount(), d.failedSignInsPerAddress());
    ServerConfig defaults = ServerConfig.defaults();
    try (TestServer server = TestServer.start(defaults.withPort(0).withDataDir(dataDir).withAdminToken(TestServer.ADMIN)
        .withAccounts(twoSecondSessions).withListener(defaults.listener().withHeartbeat(Duration.ofSeconds(30))),
        io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME)) {
      Browser browser = new Browser(server.api);
      String ada = unique("ada");
      ApiClient.Answer signedUp = browser.signUp(ada, ada + "@example.com", "correct horse battery staple");
      assertThat(signedUp.status()).isEqualTo(201);
      Instant expires = Instant.parse(signedUp.json().get("expiresAt").asText());
      try (EventStreamClient stream = EventStreamClient.openSignedIn(server.server.port(), browser.sessionToken())) {
        stream.expect("ready", Duration.ofSeconds(5));
        EventStreamClient.Frame end = stream.expect("end", Duration.ofSeconds(10));
        Instant arrived = Instant.now().minusNanos(System.nanoTime() - end.arrivedNanos());
        assertThat(end.data().get("reason").asText()).contains("expired");
        assertThat(arrived).isAfterOrEqualTo(expires.minusMillis(50)).isBefore(expires.plusSeconds(2));
        assertThat(stream.ended(Duration.ofSeconds(5))).isTrue();
      }
    }
  }

  @Test
  void NT2_mutedKinds_areNotStreamed() throws Exception {
    try (TestServer server = start(Duration.ofSeconds(15))) {
      String ada = unique("ada");
      String adaToken = server.member(ada);
      String bobToken = server.member(unique("bob"));
      String cydToken = server.member(unique("cyd"));
      assertThat(server.api.withBody("PUT", "/v1/me/notification-settings", adaToken, "{\"muted\":[\"followed\"]}")
          .json().get("muted")).hasSize(1);
      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), adaToken, Optional.empty())) {
        stream.expect("ready", Duration.ofSeconds(5));
        server.api.put("/v1/me/following/" + ada, bobToken);
        server.api.post("/v1/invitations", cydToken, json("to", ada));
        List<EventStreamClient.Frame> frames = stream.drain(QUIET);
        assertThat(frames).extracting(f -> f.data().get("kind").asText()).containsExactly("invitation-received");
      }
    }
  }
}
