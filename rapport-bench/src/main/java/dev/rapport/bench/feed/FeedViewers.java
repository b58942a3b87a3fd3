package dev.rapport.bench.feed;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Prints the handles of the feed workload's viewers, one a line, for {@code rapport-bench/feed-load.sh}.
 *
 * <p>{@code java -cp rapport-bench/target/benchmarks.jar dev.rapport.bench.feed.FeedViewers}
 */
public final class FeedViewers {
  private FeedViewers() {}

  public static void main(String[] args) {
    System.out.println(Arrays.stream(FeedWorkload.issue17().viewers()).mapToObj(m -> FeedStore.handle(m).value())
        .collect(Collectors.joining("\n")));
  }
}
