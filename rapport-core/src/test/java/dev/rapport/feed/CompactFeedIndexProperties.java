package dev.rapport.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.testing.seeded.SeededProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The compact feed index (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md) against
 * the plain answer: after seeded random adds and removals (tied times, posts arriving out of order,
 * connections-only ones), every page of {@code recent} walked by its cursor equals the posts sorted
 * by hand; and readers that run while the one writer appends see whole, sorted pages.
 */
class CompactFeedIndexProperties {
  private static final int AUTHORS = 7;

  /** Adds post {@code id} by {@code author} at {@code minute}, or removes a post added before. */
  record Op(boolean add, int author, long id, int minute, boolean connectionsOnly) {}

  static List<Op> ops(RandomGenerator random) {
    int size = random.nextInt(20) == 0 ? 1 : random.nextInt(10, 120);
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ops.add(new Op(random.nextInt(5) != 0, random.nextInt(AUTHORS), 1 + random.nextInt(60), random.nextInt(15),
          random.nextInt(4) == 0));
    }
    return ops;
  }

  private record Held(long author, long id, long time, boolean connectionsOnly) {}

  @Test
  void P3_recentPages_walkedByTheirCursor_equalThePostsSortedByHand() {
    SeededProperty.tries(300).forAll(CompactFeedIndexProperties::ops, ops -> {
      FeedIndex index = new FeedIndex(FeedPolicy.defaults()).loadedAt(0);
      List<Held> held = new ArrayList<>();
      SeededProperty.eachStep(ops, op -> {
        long author = 1 + op.author();
        if (op.add()) {
          if (held.stream().noneMatch(h -> h.id() == op.id())) {
            index.add(new dev.rapport.model.Post(op.id(), author, "text", op.connectionsOnly()
                ? dev.rapport.model.PostVisibility.CONNECTIONS : dev.rapport.model.PostVisibility.ANYONE,
                Instant.ofEpochSecond(60L * op.minute()), java.util.Optional.empty(), null));
            held.add(new Held(author, op.id(), 60_000L * op.minute(), op.connectionsOnly()));
          }
        } else {
          Held gone = held.stream().filter(h -> h.id() == op.id()).findFirst().orElse(null);
          if (gone != null) {
            index.apply(new Event(Long.MAX_VALUE - 1, EventType.POST_DELETED, Instant.EPOCH, gone.author(),
                gone.author(), gone.id()), null, e -> { });
            held.remove(gone);
          }
        }
        long[] authors = {1, 3, 4, 6, 7, 9};
        boolean[] sees = {true, false, true, false, true, true};
        List<Held> expected = held.stream()
            .filter(h -> {
              int at = java.util.Arrays.binarySearch(authors, h.author());
              return at >= 0 && (sees[at] || !h.connectionsOnly());
            })
            .sorted(Comparator.comparingLong(Held::time).thenComparingLong(Held::id).reversed()).toList();
        List<Long> walked = new ArrayList<>();
        long belowTime = Long.MAX_VALUE;
        long belowId = Long.MAX_VALUE;
        for (int page = 0; page < 100; page++) {
          List<FeedIndex.Entry> entries = index.recent(authors, sees, belowTime, belowId, 1 + op.minute() % 4);
          if (entries.isEmpty()) {
            break;
          }
          entries.forEach(e -> walked.add(e.postId()));
          belowTime = entries.getLast().createdMillis();
          belowId = entries.getLast().postId();
        }
        assertThat(walked).isEqualTo(expected.stream().map(Held::id).toList());
        assertThat(index.postCount()).isEqualTo(held.size());
      });
    });
  }

  @Test
  void P3_readersWhileTheWriterAppends_seeWholeSortedPages_ofPublishedPostsOnly() throws Exception {
    FeedIndex index = new FeedIndex(FeedPolicy.defaults()).loadedAt(0);
    long[] authors = new long[100];
    boolean[] sees = new boolean[authors.length];
    for (int a = 0; a < authors.length; a++) {
      authors[a] = a + 1;
      sees[a] = a % 2 == 0;
    }
    AtomicLong published = new AtomicLong();
    AtomicLong adding = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch readers = new CountDownLatch(3);
    for (int r = 0; r < 3; r++) {
      Thread.ofPlatform().start(() -> {
        try {
          while (!done.get()) {
            long before = published.get();
            List<FeedIndex.Entry> page = index.recent(authors, sees, Long.MAX_VALUE, Long.MAX_VALUE, 20);
            long after = adding.get();
            assertThat(page.size()).isBetween((int) Math.min(20, before), (int) Math.min(20, after));
            assertThat(page.isEmpty() || page.getFirst().postId() >= before).as("the newest post published before").isTrue();
            for (int i = 0; i < page.size(); i++) {
              FeedIndex.Entry e = page.get(i);
              assertThat(e.postId()).isBetween(1L, after);
              assertThat(e.createdMillis()).isEqualTo(e.postId() * 10);
              assertThat(i == 0 || page.get(i - 1).postId() > e.postId()).isTrue();
            }
          }
        } catch (Throwable t) {
          failures.add(t);
        } finally {
          readers.countDown();
        }
      });
    }
    for (long id = 1; id <= 60_000; id++) {
      adding.set(id);
      index.add(new dev.rapport.model.Post(id, authors[(int) (id * 7 % authors.length)], "text",
          dev.rapport.model.PostVisibility.ANYONE, Instant.ofEpochMilli(id * 10), java.util.Optional.empty(), null));
      published.set(id);
    }
    done.set(true);
    readers.await();
    assertThat(failures).isEmpty();
    assertThat(index.postCount()).isEqualTo(60_000);
  }
}
