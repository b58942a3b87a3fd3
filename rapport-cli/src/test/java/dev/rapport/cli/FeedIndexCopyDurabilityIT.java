package dev.rapport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.contract.FeedIndexCopyContract;
import dev.rapport.feed.FeedIndex;
import dev.rapport.feed.FeedPolicy;
import dev.rapport.model.Handle;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed index's saved copy across a SIGKILL (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md):
 * the packaged service saves the copy at a clean stop; started again, it takes posts, reactions,
 * comments and a deletion and is killed with SIGKILL. A start on what it left restores the copy,
 * replays the log past it, and gives every feed a rebuilt index gives.
 */
class FeedIndexCopyDurabilityIT {
  private static final String ADMIN_TOKEN = "feed-copy-durability-admin";
  private static final int MEMBERS = 5;
  private static final int SIGKILL_EXIT = 128 + 9;

  private static String handle(int i) {
    return "poster-" + i;
  }

  @Test
  void P3_theFeedIndexCopy_savedAtACleanStop_isRestoredAndCaughtUp_afterASigkill(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    List<String> tokens = new ArrayList<>();
    List<String> posts = new ArrayList<>();
    try (ServiceProcess first = ServiceProcess.serve(data, ADMIN_TOKEN).awaitHealthy()) {
      Api api = new Api(first.port());
      for (int i = 0; i < MEMBERS; i++) {
        tokens.add(api.createMember(ADMIN_TOKEN, handle(i), "Poster " + i));
      }
      engage(api, tokens, posts, 0);
    }
    try (Store store = SqliteStore.open(data.resolve("rapport.db"))) {
      assertThat(store.savedFeedIndex()).as("the copy saved at the clean stop").isPresent();
    }
    try (ServiceProcess second = ServiceProcess.serve(data, ADMIN_TOKEN).awaitHealthy()) {
      Api api = new Api(second.port());
      engage(api, tokens, posts, 1);
      api.ok("DELETE", "/v1/posts/" + posts.getFirst(), tokens.getFirst(), null);
      second.process().destroyForcibly();
      assertThat(second.exitsWithin(Duration.ofSeconds(30))).isTrue();
      assertThat(second.process().exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
    }
    try (Store store = SqliteStore.open(data.resolve("rapport.db"))) {
      long[] members = new long[MEMBERS];
      for (int i = 0; i < MEMBERS; i++) {
        members[i] = store.member(Handle.of(handle(i))).orElseThrow().id();
      }
      assertThat(store.savedFeedIndex().orElseThrow().position()).as("the log went on past the copy")
          .isLessThan(store.lastPosition());
      Instant now = Instant.now();
      FeedIndex restored = new FeedIndex(FeedPolicy.defaults());
      assertThat(restored.load(store, now, store.lastPosition())).isEqualTo(FeedIndex.Loaded.RESTORED);
      FeedIndex rebuilt = new FeedIndex(FeedPolicy.defaults());
      rebuilt.rebuild(store.content(), now);
      assertThat(rebuilt.postCount()).isEqualTo(2L * MEMBERS * 3 - 1);
      FeedIndexCopyContract.assertSameFeeds(restored, rebuilt, members, now.toEpochMilli());
    }
  }

  /** Each member posts three times; each reacts to and comments on the posts of the member after them. */
  private static void engage(Api api, List<String> tokens, List<String> posts, int round) throws Exception {
    int from = posts.size();
    for (int i = 0; i < MEMBERS; i++) {
      for (int p = 0; p < 3; p++) {
        posts.add(api.ok("POST", "/v1/posts", tokens.get(i), Map.of("text", "Round %d, post %d".formatted(round, p)))
            .path("id").asText());
      }
    }
    for (int i = 0; i < MEMBERS; i++) {
      String post = posts.get(from + 3 * ((i + 1) % MEMBERS) + round);
      api.ok("PUT", "/v1/posts/" + post + "/reactions/me", tokens.get(i), Map.of("kind", "like"));
      api.ok("POST", "/v1/posts/" + post + "/comments", tokens.get(i), Map.of("text", "Comment " + round));
    }
  }
}
