package dev.rapport.bench.feed;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Prints the handles of the feed workload's viewers, one a line, for {@code rapport-bench/feed-load.sh};
 * with {@code authors N}, the handles of N distinct members the viewers follow instead, drawn in turn
 * from each viewer's follows (seeded), for the posts the script writes while it reads.
 *
 * <p>{@code java -cp rapport-bench/target/benchmarks.jar dev.rapport.bench.feed.FeedViewers [authors N]}
 */
public final class FeedViewers {
  private FeedViewers() {}

  public static void main(String[] args) {
    FeedWorkload workload = FeedWorkload.issue17();
    if (args.length == 2 && args[0].equals("authors")) {
      int wanted = Integer.parseInt(args[1]);
      SplittableRandom random = new SplittableRandom(workload.seed());
      LinkedHashSet<Integer> authors = new LinkedHashSet<>();
      int viewers = workload.viewers().length;
      for (int v = 0; authors.size() < wanted; v = (v + 1) % viewers) {
        int[] followed = workload.followedBy(v);
        authors.add(followed[random.nextInt(followed.length)]);
      }
      System.out.println(authors.stream().map(m -> FeedStore.handle(m).value()).collect(Collectors.joining("\n")));
    } else {
      System.out.println(Arrays.stream(workload.viewers()).mapToObj(m -> FeedStore.handle(m).value())
          .collect(Collectors.joining("\n")));
    }
  }
}
