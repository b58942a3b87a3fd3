package dev.rapport.bench.feed;

import dev.rapport.feed.FeedIndex;
import dev.rapport.feed.FeedPolicy;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.lang.ref.Reference;
import java.time.Duration;

/**
 * The feed index's memory and start on the issue 17 workload (a million posts), from Rapport's
 * SQLite store ({@link FeedStore}), {@code rounds} times: rebuilt from the tables with the default
 * policy (a week of engagement kept for {@code top}) and with no engagement kept, so that the
 * posts' share of the heap shows apart from the engagements'; then a copy of the default index
 * saved in the store, and the index loaded as a start loads it, from that copy, under both policies.
 * Each line gives the load's time, the heap it took (used heap after full collections, before and
 * after) and the index's own count; the last lines the heap per post and per engagement.
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
        long before = RapportFeed.usedHeapAfterGc();
        FeedIndex posts = check(RapportFeed.loadIndex(store, postsOnly, workload), workload);
        long postsHeap = RapportFeed.usedHeapAfterGc() - before;
        Reference.reachabilityFence(posts);
        posts = null;
        before = RapportFeed.usedHeapAfterGc();
        FeedIndex all = check(RapportFeed.loadIndex(store, defaults, workload), workload);
        long allHeap = RapportFeed.usedHeapAfterGc() - before;
        Reference.reachabilityFence(all);
        System.out.printf("  heap: %.1f bytes a post with posts only; %.1f bytes an engagement beyond them (%,d)%n",
            postsHeap / (double) workload.posts(), (allHeap - postsHeap) / (double) all.engagementCount(),
            all.engagementCount());
        long started = System.nanoTime();
        all.save(store);
        long savedSize = store.savedFeedIndex().orElseThrow().parts().stream().mapToLong(p -> p.length).sum();
        System.out.printf("  its copy saved in %.2f s: %,d bytes%n", (System.nanoTime() - started) / 1e9, savedSize);
        all = null;
        for (FeedPolicy policy : new FeedPolicy[] {postsOnly, defaults}) {
          check(RapportFeed.startIndex(store, policy, workload), workload);
        }
      }
    }
  }

  private static FeedIndex check(FeedIndex index, FeedWorkload workload) {
    if (index.postCount() != workload.posts()) {
      throw new IllegalStateException("the index holds " + index.postCount() + " posts");
    }
    return index;
  }
}
