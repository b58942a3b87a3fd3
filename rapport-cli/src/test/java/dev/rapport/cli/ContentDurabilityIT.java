package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.contract.ContentConcurrencyContract;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * P4's counts never drift across a crash (issue 17, acceptance 3): clients react, change and take
 * back reactions and comment over HTTP on the packaged service; it is killed with SIGKILL mid-stream.
 * The restarted service shows every acknowledged reaction and comment, and each post's counts equal
 * the rows, over HTTP and in the store.
 */
class ContentDurabilityIT {
  private static final String ADMIN_TOKEN = "content-durability-admin";
  private static final int CLIENTS = 8;
  /** Each client acts as members of its own, so that a member's requests come one at a time. */
  private static final int MEMBERS_PER_CLIENT = 2;
  private static final int POSTS = 3;
  private static final int KILL_AFTER = 200;
  private static final int SIGKILL_EXIT = 128 + 9;
  private static final String[] KINDS = {"like", "celebrate", "support", "love", "insightful", "funny"};

  private static String handle(int i) {
    return "reader-%02d".formatted(i);
  }

  /** What a member's reaction to a post is after their last acknowledged request, and after the one in flight. */
  private record Reacted(String acknowledged, String inFlight) {}

  @Test
  void P4_countsEqualTheRows_andAcknowledgedEngagementSurvives_aSigkill(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    int members = CLIENTS * MEMBERS_PER_CLIENT;
    Map<Integer, String> tokens = new HashMap<>();
    List<String> posts = new ArrayList<>();
    Map<String, Reacted> reactions = new ConcurrentHashMap<>();
    Set<String> comments = ConcurrentHashMap.newKeySet();
    try (ServiceProcess first = ServiceProcess.serve(data, ADMIN_TOKEN).awaitHealthy()) {
      Api api = new Api(first.port());
      for (int i = 0; i <= members; i++) {
        tokens.put(i, api.createMember(ADMIN_TOKEN, handle(i), "Reader " + i));
      }
      for (int p = 0; p < POSTS; p++) {
        posts.add(api.ok("POST", "/v1/posts", tokens.get(members), Map.of("text", "Post " + p)).path("id").asText());
      }
      CountDownLatch killPoint = new CountDownLatch(KILL_AFTER);
      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        running.add(clients.submit(() -> {
          engage(api, tokens, posts, client, reactions, comments, killPoint, killed);
          return null;
        }));
      }
      assertThat(killPoint.await(120, TimeUnit.SECONDS)).as("%d writes acknowledged", KILL_AFTER).isTrue();
      killed.set(true);
      first.process().destroyForcibly();
      assertThat(first.exitsWithin(Duration.ofSeconds(30))).isTrue();
      assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      for (Future<?> client : running) {
        client.get();
      }
    }

    try (ServiceProcess second = ServiceProcess.serve(data, ADMIN_TOKEN).awaitHealthy()) {
      Api api = new Api(second.port());
      String viewer = tokens.get(members);
      Set<String> commentIds = new HashSet<>();
      for (String post : posts) {
        JsonNode counts = api.ok("GET", "/v1/posts/" + post, viewer, null).path("counts");
        List<JsonNode> reacted = api.all("/v1/posts/" + post + "/reactions", viewer);
        List<JsonNode> commented = api.all("/v1/posts/" + post + "/comments", viewer);
        Map<String, Integer> byKind = new HashMap<>();
        Map<String, String> kindOf = new HashMap<>();
        for (JsonNode r : reacted) {
          byKind.merge(r.path("kind").asText(), 1, Integer::sum);
          kindOf.put(r.path("member").path("handle").asText(), r.path("kind").asText());
        }
        for (String kind : KINDS) {
          assertThat(counts.path("reactions").path(kind).asInt()).as("%s of %s", kind, post)
              .isEqualTo(byKind.getOrDefault(kind, 0));
        }
        assertThat(counts.path("comments").asInt()).as("comments of " + post).isEqualTo(commented.size());
        commented.forEach(c -> commentIds.add(c.path("id").asText()));
        for (int m = 0; m < members; m++) {
          Reacted expected = reactions.get(handle(m) + " " + post);
          if (expected != null) {
            String actual = kindOf.getOrDefault(handle(m), "none");
            assertThat(actual).as("%s's reaction to %s after the restart", handle(m), post)
                .isIn(expected.acknowledged(), expected.inFlight());
          }
        }
      }
      assertThat(commentIds).as("every acknowledged comment").containsAll(comments);
      System.out.printf("ContentDurabilityIT: %d acknowledged comments and %d reactions survived SIGKILL%n",
          comments.size(), reactions.size());
    }
    try (Store store = SqliteStore.open(data.resolve("rapport.db"))) {
      long viewer = store.member(dev.rapport.model.Handle.of(handle(members))).orElseThrow().id();
      ContentConcurrencyContract.assertCountsEqualRows(store, posts.stream().map(Long::parseLong).toList(), viewer);
    }
  }

  private static void engage(Api api, Map<Integer, String> tokens, List<String> posts, int client,
      Map<String, Reacted> reactions, Set<String> comments, CountDownLatch killPoint, AtomicBoolean killed)
      throws IOException {
    SplittableRandom random = new SplittableRandom(31L * client + 7);
    try {
      while (!killed.get()) {
        int member = client * MEMBERS_PER_CLIENT + random.nextInt(MEMBERS_PER_CLIENT);
        String token = tokens.get(member);
        String post = posts.get(random.nextInt(posts.size()));
        String key = handle(member) + " " + post;
        Reacted before = reactions.getOrDefault(key, new Reacted("none", "none"));
        int what = random.nextInt(10);
        if (what < 5) {
          String kind = KINDS[random.nextInt(KINDS.length)];
          reactions.put(key, new Reacted(before.acknowledged(), kind));
          Api.Response answer = api.send("PUT", "/v1/posts/" + post + "/reactions/me", token, Map.of("kind", kind));
          assertThat(answer.status()).as("react: " + answer.body()).isEqualTo(200);
          reactions.put(key, new Reacted(kind, kind));
        } else if (what < 7) {
          reactions.put(key, new Reacted(before.acknowledged(), "none"));
          Api.Response answer = api.send("DELETE", "/v1/posts/" + post + "/reactions/me", token, null);
          assertThat(answer.status()).as("unreact: " + answer.body()).isEqualTo(200);
          reactions.put(key, new Reacted("none", "none"));
        } else {
          Api.Response answer = api.send("POST", "/v1/posts/" + post + "/comments", token,
              Map.of("text", "Comment by " + handle(member)));
          assertThat(answer.status()).as("comment: " + answer.body()).isEqualTo(201);
          comments.add(answer.body().path("id").asText());
        }
        killPoint.countDown();
      }
    } catch (IOException e) {
      if (!killed.get()) {
        throw e;
      }
    }
  }
}
