package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several servers on one PostgreSQL, the first step of scaling out (docs/decisions/0012): members
 * write on any of three servers at random; each member reads their own writes on the server that
 * took them; and within one second of the last write, every server answers every query as a server
 * started afterwards answers it, from the store, with nothing remembered.
 */
class ServersSharingPostgresIT {
  private static final int SERVERS = 3;
  private static final int MEMBERS = 6;
  private static final int WRITES = 150;

  @TempDir
  Path dataDir;

  @Test
  void threeServers_agreeWithTheStore_withinOneSecondOfTheLastWrite() throws Exception {
    String url = TestDatabases.freshPostgresUrl();
    List<RapportServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < SERVERS; i++) {
        servers.add(RapportServer.start(config(url, i)));
      }
      List<ApiClient> apis = servers.stream().map(s -> new ApiClient(s.port())).toList();
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < MEMBERS; i++) {
        tokens.add(apis.get(i % SERVERS).post("/v1/members", ADMIN,
            "{\"handle\":\"%s\",\"name\":\"Member %d\"}".formatted(handle(i), i)).json().get("token").asText());
      }

      SplittableRandom random = new SplittableRandom(14);
      for (int w = 0; w < WRITES; w++) {
        ApiClient api = apis.get(random.nextInt(SERVERS));
        int a = random.nextInt(MEMBERS);
        int b = random.nextInt(MEMBERS);
        int kind = random.nextInt(7);
        int status = write(api, tokens.get(a), handle(b), kind, random.nextInt(2));
        if (kind <= 1 && status / 100 == 2) {
          // Read-your-writes: the server that took a follow or unfollow shows it at once.
          JsonNode following = api.get("/v1/members/" + handle(a) + "/following?limit=50", tokens.get(a)).json();
          assertThat(handles(following).contains(handle(b)))
              .as("write %d, on its server: %s follows %s", w, handle(a), handle(b)).isEqualTo(kind == 0);
        }
        // Fill the other servers' memories, so that they have answers to keep current.
        ApiClient other = apis.get(random.nextInt(SERVERS));
        other.get("/v1/members/" + handle(a), tokens.get(b));
        other.get("/v1/members/" + handle(b) + "/connections?limit=20", tokens.get(a));
      }
      long lastWrite = System.nanoTime();

      Map<String, String> truth;
      try (RapportServer fresh = RapportServer.start(config(url, SERVERS))) {
        truth = everyAnswer(new ApiClient(fresh.port()), tokens);
      }
      for (int s = 0; s < SERVERS; s++) {
        ApiClient api = apis.get(s);
        Map<String, String> answers = withinASecondOf(lastWrite, () -> everyAnswer(api, tokens), truth::equals);
        long agreedAfterMillis = (System.nanoTime() - lastWrite) / 1_000_000;
        assertThat(answers).as("server %d, %d ms after the last write", s, agreedAfterMillis).isEqualTo(truth);
      }
    } finally {
      servers.forEach(RapportServer::close);
    }
  }

  @Test
  void A2_aRevokedToken_stopsWorkingAtOnceOnItsServer_andWithinALogReadOnTheOther() throws Exception {
    String url = TestDatabases.freshPostgresUrl();
    try (RapportServer first = RapportServer.start(config(url, 0));
        RapportServer second = RapportServer.start(config(url, 1))) {
      ApiClient one = new ApiClient(first.port());
      ApiClient two = new ApiClient(second.port());
      String token = one.post("/v1/members", ADMIN, "{\"handle\":\"revoker\",\"name\":\"Revoker\"}").json()
          .get("token").asText();
      com.fasterxml.jackson.databind.JsonNode created = one.post("/v1/me/tokens", token, "{\"name\":\"cron\"}").json();
      String script = created.get("token").asText();
      // The other server remembers the token as good.
      assertThat(two.get("/v1/me", script).status()).isEqualTo(200);
      assertThat(two.get("/v1/me", script).status()).isEqualTo(200);

      assertThat(one.delete("/v1/me/tokens/" + created.get("id").asText(), token).status()).isEqualTo(204);
      long revoked = System.nanoTime();
      assertThat(one.responsesOnly().get("/v1/me", script).status()).isEqualTo(401);
      int status = withinASecondOf(revoked, () -> two.responsesOnly().get("/v1/me", script).status(),
          answer -> answer != 200);
      assertThat(status).as("the other server, within a second").isEqualTo(401);
    }
  }

  @Test
  void P3_aPost_isInItsAuthorsFeedAtOnce_andInAFollowersFeedOnAnotherServerWithinASecond() throws Exception {
    String url = TestDatabases.freshPostgresUrl();
    try (RapportServer first = RapportServer.start(config(url, 0));
        RapportServer second = RapportServer.start(config(url, 1))) {
      ApiClient one = new ApiClient(first.port());
      ApiClient two = new ApiClient(second.port());
      String author = one.post("/v1/members", ADMIN, "{\"handle\":\"poster\",\"name\":\"Poster\"}").json()
          .get("token").asText();
      String reader = one.post("/v1/members", ADMIN, "{\"handle\":\"reader\",\"name\":\"Reader\"}").json()
          .get("token").asText();
      assertThat(one.put("/v1/me/following/poster", reader).status()).isEqualTo(200);
      // The follower's server knows their feed, empty, before the post.
      assertThat(two.get("/v1/me/feed", reader).json().path("items").size()).isZero();

      String post = one.post("/v1/posts", author, "{\"text\":\"Across servers\"}").json().get("id").asText();
      long posted = System.nanoTime();
      assertThat(one.get("/v1/me/feed", author).json().path("items").get(0).path("post").path("id").asText())
          .as("its author's feed on the server that took it, at once").isEqualTo(post);
      String seen = withinASecondOf(posted, () -> {
        JsonNode items = two.get("/v1/me/feed", reader).json().path("items");
        return items.isEmpty() ? "" : items.get(0).path("post").path("id").asText();
      }, post::equals);
      assertThat(seen).as("the follower's feed on the other server, within a second").isEqualTo(post);
    }
  }

  /**
   * Asks again every 20 ms until the answer is the one awaited or a second has passed since
   * {@code sinceNanos}, and returns the last answer: another server reads the shared log on its own
   * schedule, so "within a second" can only be seen by asking.
   */
  private static <T> T withinASecondOf(long sinceNanos, Supplier<T> ask, Predicate<T> awaited)
      throws InterruptedException {
    T answer = ask.get();
    while (!awaited.test(answer) && System.nanoTime() - sinceNanos < 1_000_000_000L) {
      Thread.sleep(20);
      answer = ask.get();
    }
    return answer;
  }

  private ServerConfig config(String url, int server) {
    return ServerConfig.defaults().withPort(0).withDataDir(dataDir.resolve("server-" + server)).withAdminToken(ADMIN)
        .withPostgres(url);
  }

  private static String handle(int i) {
    return "member-" + i;
  }

  /**
   * One write by the member with {@code token} about {@code other}, and its status; a refusal is a
   * fine outcome.
   */
  private static int write(ApiClient api, String token, String other, int kind, int variant) {
    return switch (kind) {
      case 0 -> api.put("/v1/me/following/" + other, token).status();
      case 1 -> api.delete("/v1/me/following/" + other, token).status();
      case 2 -> api.post("/v1/invitations", token, "{\"to\":\"%s\"}".formatted(other)).status();
      case 3 -> {
        JsonNode received = api.get("/v1/me/invitations", token).json().path("items");
        yield received.isEmpty() ? 0
            : api.post("/v1/invitations/" + received.get(0).get("id").asText() + "/accept", token).status();
      }
      case 4 -> api.delete("/v1/me/connections/" + other, token).status();
      case 5 -> variant == 0 ? api.put("/v1/me/blocks/" + other, token).status()
          : api.delete("/v1/me/blocks/" + other, token).status();
      default -> api.patch("/v1/me", token, "{\"headline\":\"Headline %d\"}".formatted(variant)).status();
    };
  }

  /** Every query of every member about every member, by path: its status and body. */
  private static Map<String, String> everyAnswer(ApiClient api, List<String> tokens) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (int v = 0; v < MEMBERS; v++) {
      String token = tokens.get(v);
      List<String> paths = new ArrayList<>(List.of("/v1/me/network", "/v1/me/suggestions?limit=20"));
      for (int m = 0; m < MEMBERS; m++) {
        String member = "/v1/members/" + handle(m);
        paths.addAll(List.of(member, member + "/connections?limit=20", member + "/followers?limit=20",
            member + "/following?limit=20", member + "/mutual-connections?limit=20"));
      }
      for (String path : paths) {
        ApiClient.Answer answer = api.get(path, token);
        answers.put(handle(v) + " GET " + path, answer.status() + " " + answer.body());
      }
    }
    return answers;
  }

  private static List<String> handles(JsonNode page) {
    List<String> handles = new ArrayList<>();
    page.path("items").forEach(item -> handles.add(item.path("handle").asText()));
    return handles;
  }
}
