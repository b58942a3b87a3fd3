package dev.rapport.server;

import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Policy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messaging on the live stream over real HTTP on SQLite (acceptance 3 of issue 18, MS1-MS4): with
 * the streams held open, a message (and its notification), a read receipt, a request's answer and typing each arrive
 * within 200 ms of the write's answer; after a dropped connection and after a restart,
 * {@code Last-Event-ID} gives exactly the missed messages, those sent from another tab too; nothing
 * crosses a block (B2) (docs/decisions/0040-messages-and-receipts-on-the-live-stream.md).
 */
class MessagingStreamIT {
  private static final Duration WITHIN = Duration.ofMillis(200);
  private static final Duration QUIET = Duration.ofMillis(400);
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir
  Path dataDir;

  private TestServer start() {
    ServerConfig defaults = ServerConfig.defaults();
    return TestServer.start(defaults.withPort(0).withDataDir(dataDir).withAdminToken(TestServer.ADMIN)
        .withDevClock(true).withPolicy(Policy.defaults()), io.github.bucket4j.TimeMeter.SYSTEM_NANOTIME);
  }

  private static String json(String field, String value) {
    return ApiClient.MAPPER.createObjectNode().put(field, value).toString();
  }

  private static void connect(TestServer server, String fromToken, String toHandle, String toToken) {
    String invitation = server.api.post("/v1/invitations", fromToken, json("to", toHandle)).json().path("invitation")
        .path("id").asText();
    assertThat(server.api.post("/v1/invitations/" + invitation + "/accept", toToken).status()).isEqualTo(200);
  }

  /** Sends a message and gives its conversation's id. */
  private static String send(TestServer server, String token, String to, String text) {
    ApiClient.Answer answer = server.api.post("/v1/messages", token, "{\"to\":\"%s\",\"text\":\"%s\"}".formatted(to,
        text));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().path("conversationId").asText();
  }

  /** Runs a write, checks it succeeded, and gives the time its answer came. */
  private static long acknowledged(Supplier<ApiClient.Answer> write) {
    ApiClient.Answer answer = write.get();
    assertThat(answer.status()).as(answer.toString()).isBetween(200, 204);
    return System.nanoTime();
  }

  private static EventStreamClient.Frame arrivesWithin(EventStreamClient stream, long acknowledged, String name)
      throws Exception {
    EventStreamClient.Frame frame = stream.expect(name, WAIT);
    assertThat(Duration.ofNanos(frame.arrivedNanos() - acknowledged)).as(name).isLessThanOrEqualTo(WITHIN);
    return frame;
  }

  /** The next event of this name, skipping others (such as notifications). */
  private static EventStreamClient.Frame next(EventStreamClient stream, String name) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      Optional<EventStreamClient.Frame> frame = stream.next(Duration.ofNanos(end - System.nanoTime()));
      if (frame.isPresent() && frame.get().name().equals(name)) {
        return frame.get();
      }
    }
    throw new AssertionError("no '" + name + "' event within " + WAIT);
  }

  private static List<String> texts(List<EventStreamClient.Frame> frames) {
    return frames.stream().filter(f -> f.name().equals("message"))
        .map(f -> f.data().get("message").get("text").asText()).toList();
  }

  @Test
  void MS1_MS4_aMessage_aReceipt_andTyping_eachArriveWithin200ms_onBothSidesStreams() throws Exception {
    try (TestServer server = start()) {
      String ada = unique("ada");
      String adaToken = server.member(ada);
      String bob = unique("bob");
      String bobToken = server.member(bob);
      connect(server, bobToken, ada, adaToken);
      try (EventStreamClient adaStream = EventStreamClient.open(server.server.port(), adaToken, Optional.empty());
          EventStreamClient bobStream = EventStreamClient.open(server.server.port(), bobToken, Optional.empty())) {
        adaStream.expect("ready", WAIT);
        bobStream.expect("ready", WAIT);

        ApiClient.Answer sent = server.api.post("/v1/messages", bobToken,
            "{\"to\":\"%s\",\"text\":\"Lunch?\"}".formatted(ada));
        long acknowledged = System.nanoTime();
        assertThat(sent.status()).isEqualTo(201);
        String conversation = sent.json().path("conversationId").asText();
        String messageId = sent.json().path("message").path("id").asText();
        EventStreamClient.Frame received = next(adaStream, "message");
        assertThat(Duration.ofNanos(received.arrivedNanos() - acknowledged)).isLessThanOrEqualTo(WITHIN);
        assertThat(received.id()).isPresent();
        assertThat(received.data().get("conversationId").asText()).isEqualTo(conversation);
        assertThat(received.data().get("message")).isEqualTo(server.api.get("/v1/conversations/" + conversation
            + "/messages", adaToken).json().get("items").get(0));
        EventStreamClient.Frame notified = adaStream.expect("notification", WAIT);
        assertThat(Duration.ofNanos(notified.arrivedNanos() - acknowledged)).isLessThanOrEqualTo(WITHIN);
        assertThat(notified.data().get("kind").asText()).isEqualTo("message-received");
        assertThat(notified.data().get("conversationId").asText()).isEqualTo(conversation);
        EventStreamClient.Frame own = bobStream.expect("message", WAIT);
        assertThat(own.data().get("message").get("id").asText()).isEqualTo(messageId);
        assertThat(own.data().get("message").get("senderIsMe").asBoolean()).as("from another tab").isTrue();

        long typed = acknowledged(() -> server.api.post("/v1/conversations/" + conversation + "/typing", bobToken));
        EventStreamClient.Frame typing = arrivesWithin(adaStream, typed, "typing");
        assertThat(typing.id()).as("live only").isEmpty();
        assertThat(typing.data().get("conversationId").asText()).isEqualTo(conversation);
        assertThat(typing.data().get("from").get("handle").asText()).isEqualTo(bob);
        assertThat(server.api.post("/v1/conversations/" + conversation + "/typing", bobToken).status())
            .isEqualTo(204);
        assertThat(adaStream.drain(QUIET)).as("a second relay within the second")
            .noneMatch(f -> f.name().equals("typing"));
        assertThat(bobStream.drain(Duration.ZERO)).as("one's own typing").noneMatch(f -> f.name().equals("typing"));

        long read = acknowledged(() -> server.api.post("/v1/conversations/" + conversation + "/read", adaToken));
        EventStreamClient.Frame receipt = arrivesWithin(bobStream, read, "read");
        assertThat(receipt.id()).isPresent();
        assertThat(receipt.data().get("by").asText()).isEqualTo(ada);
        assertThat(receipt.data().get("upTo").asText()).isEqualTo(messageId);
        assertThat(receipt.data().get("conversationId").asText()).isEqualTo(conversation);
      }
    }
  }

  @Test
  void MS2_theAnswerToARequest_reachesItsSender_within200ms() throws Exception {
    try (TestServer server = start()) {
      String pro = unique("pro");
      String proToken = server.member(pro, "premium");
      String ada = unique("ada");
      String adaToken = server.member(ada);
      String cyd = unique("cyd");
      String cydToken = server.member(cyd);
      String toAda = send(server, proToken, ada, "A job");
      String toCyd = send(server, proToken, cyd, "A job");
      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), proToken, Optional.empty())) {
        stream.expect("ready", WAIT);
        EventStreamClient.Frame accepted = arrivesWithin(stream, acknowledged(() -> server.api.post(
            "/v1/conversations/" + toAda + "/accept", adaToken)), "request-accepted");
        assertThat(accepted.data().get("conversationId").asText()).isEqualTo(toAda);
        assertThat(accepted.data().get("by").asText()).isEqualTo(ada);
        EventStreamClient.Frame declined = arrivesWithin(stream, acknowledged(() -> server.api.post(
            "/v1/conversations/" + toCyd + "/decline", cydToken)), "request-declined");
        assertThat(declined.data().get("conversationId").asText()).isEqualTo(toCyd);
        assertThat(declined.data().get("by").asText()).isEqualTo(cyd);
        assertThat(accepted.id()).isPresent();
        assertThat(declined.id()).isPresent();
      }
    }
  }

  @Test
  void NT2_afterADroppedConnection_andAfterARestart_lastEventIdResumesWithExactlyTheMissedMessages()
      throws Exception {
    String ada = unique("ada");
    String bob = unique("bob");
    String adaToken;
    String bobToken;
    String lastId;
    try (TestServer server = start()) {
      adaToken = server.member(ada);
      bobToken = server.member(bob);
      connect(server, bobToken, ada, adaToken);
      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), adaToken, Optional.empty())) {
        stream.expect("ready", WAIT);
        send(server, bobToken, ada, "one");
        lastId = next(stream, "message").id().orElseThrow();
      } // dropped
      send(server, bobToken, ada, "two");
      send(server, adaToken, bob, "three"); // from another tab
      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), adaToken, Optional.of(lastId))) {
        assertThat(stream.expect("ready", WAIT).id()).contains(lastId);
        List<EventStreamClient.Frame> resumed = stream.drain(QUIET);
        assertThat(texts(resumed)).containsExactly("two", "three");
        lastId = resumed.getLast().id().orElseThrow();
      }
      send(server, bobToken, ada, "four"); // missed: written before the restart
    }
    try (TestServer restarted = start()) {
      send(restarted, bobToken, ada, "five"); // missed: written after it
      try (EventStreamClient stream = EventStreamClient.open(restarted.server.port(), adaToken, Optional.of(lastId))) {
        stream.expect("ready", WAIT);
        List<EventStreamClient.Frame> resumed = stream.drain(QUIET);
        assertThat(texts(resumed)).as("exactly the missed ones, in order").containsExactly("four", "five");
        assertThat(resumed).extracting(f -> f.id().orElseThrow()).doesNotHaveDuplicates();
        ApiClient.Answer sixth = restarted.api.post("/v1/messages", bobToken, "{\"to\":\"%s\",\"text\":\"six\"}"
            .formatted(ada));
        long acknowledged = System.nanoTime();
        assertThat(sixth.status()).isEqualTo(201);
        EventStreamClient.Frame frame = next(stream, "message");
        assertThat(Duration.ofNanos(frame.arrivedNanos() - acknowledged)).isLessThanOrEqualTo(WITHIN);
        assertThat(frame.data().get("message").get("text").asText()).isEqualTo("six");
      }
    }
  }

  @Test
  void B2_aConversationABlockHides_isNeverStreamed_andTypingInItIsNotFound() throws Exception {
    try (TestServer server = start()) {
      String ada = unique("ada");
      String adaToken = server.member(ada);
      String bob = unique("bob");
      String bobToken = server.member(bob);
      connect(server, bobToken, ada, adaToken);
      String conversation = send(server, bobToken, ada, "before");
      String lastId;
      try (EventStreamClient stream = EventStreamClient.open(server.server.port(), adaToken, Optional.empty())) {
        lastId = stream.expect("ready", WAIT).id().orElseThrow();
      }
      send(server, bobToken, ada, "missed, then hidden");
      assertThat(server.api.put("/v1/me/blocks/" + bob, adaToken).status()).isEqualTo(200);
      try (EventStreamClient ada1 = EventStreamClient.open(server.server.port(), adaToken, Optional.of(lastId));
          EventStreamClient bob1 = EventStreamClient.open(server.server.port(), bobToken, Optional.empty())) {
        ada1.expect("ready", WAIT);
        bob1.expect("ready", WAIT);
        assertThat(texts(ada1.drain(QUIET))).as("the resumed stream leaves the hidden conversation out").isEmpty();
        ApiClient.Answer typing = server.api.post("/v1/conversations/" + conversation + "/typing", bobToken);
        assertThat(typing.status()).isEqualTo(404);
        assertThat(typing.json().get("type").asText()).endsWith("/conversation-not-found");
        assertThat(server.api.post("/v1/conversations/" + conversation + "/typing", adaToken).status())
            .isEqualTo(404);
        assertThat(ada1.drain(QUIET)).isEmpty();
        assertThat(bob1.drain(Duration.ZERO)).isEmpty();
      }
    }
  }
}
