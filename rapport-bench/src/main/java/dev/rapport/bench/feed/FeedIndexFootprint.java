package dev.rapport.bench.feed;

import dev.rapport.feed.FeedIndex;
import dev.rapport.feed.FeedPolicy;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.time.Duration;

/**
 * The feed index's memory and load time on the issue 17 workload (a million posts), from
 * Rapport's SQLite store ({@link FeedStore}): loaded {@code rounds} times with the default policy
 * (a week of engagement kept for {@code top}) and as many with no engagement kept, so that the
 * posts' share of the heap shows apart from the engagements'. Each line gives the load's time, the
 * heap it took (used heap after full collections, before and after) and the index's own count.
 *
 * <p>{@code java -Xmx8g -cp rapport-bench/target/benchmarks.jar dev.rapport.bench.feed.FeedIndexFootprint 3}
 */
public final class FeedIndexFootprint {
  private FeedIndexFootprint() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    FeedWorkload workload = FeedWorkload.issue17();
    FeedPolicy defaults = FeedPolicy.defaults();
    FeedPolicy postsOnly = new FeedPolicy(Duration.ZERO, defaults.engagementsPerMember(), defaults.topCandidates(),
        defaults.halfLife(), defaults.ownWeight(), defaults.connectionWeight(), defaults.pageWeight(),
        defaults.followingWeight(), defaults.engagedWeight(), defaults.rankedPostsKept());
    try (Store store = SqliteStore.open(FeedStore.dataDir(workload).resolve("rapport.db"))) {
      for (int round = 0; round < rounds; round++) {
        for (FeedPolicy policy : new FeedPolicy[] {defaults, postsOnly}) {
          FeedIndex index = RapportFeed.loadIndex(store, policy, workload);
          if (index.postCount() != workload.posts()) {
            throw new IllegalStateException("the index holds " + index.postCount() + " posts");
          }
        }
      }
    }
  }
}
