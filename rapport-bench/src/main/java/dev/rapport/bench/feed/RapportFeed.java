package dev.rapport.bench.feed;

import dev.rapport.Rapport;
import dev.rapport.feed.FeedIndex;
import dev.rapport.feed.FeedItem;
import dev.rapport.feed.FeedOrder;
import dev.rapport.feed.FeedPolicy;
import dev.rapport.feed.FeedReason;
import dev.rapport.feed.Ranking;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rapport's side of the feed benchmarks, on the workload in its own SQLite store ({@link
 * FeedStore}), two ways: the whole page through the facade ({@code Rapport.content().feed}: whom
 * the viewer follows from the remembered reads, the feed index's merge, then the page's posts with
 * their text and counts from the store), and the feed index alone ({@link FeedIndex#recent} and
 * {@link FeedIndex#top}, the in-memory part, given whom the viewer follows as the facade would).
 * The clock stands at the workload's end, so that {@code top}'s week of engagement is the
 * workload's last week.
 *
 * <p>Opening prints what a start costs: the facade's build (graph index, then feed index, from the
 * store), and the feed index loaded alone as a start loads it (from the store's copy if it has
 * one) with the heap it took and its own accounting.
 */
final class RapportFeed implements AutoCloseable {
  private final FeedWorkload workload;
  private final Store store;
  private final Rapport rapport;
  private final FeedIndex index;
  /** The copy of the store this opened, deleted on close; null when it reads the kept store. */
  private final Path copy;

  private RapportFeed(FeedWorkload workload, Store store, Rapport rapport, FeedIndex index, Path copy) {
    this.workload = workload;
    this.store = store;
    this.rapport = rapport;
    this.index = index;
    this.copy = copy;
  }

  /**
   * Rapport on the workload's store: the facade if {@code facade}, the feed index alone if {@code
   * index}, each loaded from the store and timed.
   */
  static RapportFeed open(FeedWorkload workload, boolean facade, boolean index) {
    Path data = FeedStore.dataDir(workload);
    Store store = SqliteStore.open(data.resolve("rapport.db"));
    Rapport rapport = null;
    if (facade) {
      long started = System.nanoTime();
      rapport = Rapport.builder().store(store).clock(InstantSource.fixed(workload.end())).build();
      System.out.printf("Rapport started on the store (graph index, then feed index) in %.2f s%n",
          (System.nanoTime() - started) / 1e9);
    }
    return new RapportFeed(workload, store, rapport, index ? startIndex(store, FeedPolicy.defaults(), workload) : null,
        null);
  }

  /**
   * The facade on a copy of the workload's store, for benchmarks that write: its clock starts at
   * the workload's end and moves with the system's, so new posts are the newest.
   */
  static RapportFeed openCopy(FeedWorkload workload) {
    Path kept = FeedStore.dataDir(workload);
    try {
      Path copy = Files.createTempDirectory("rapport-feed-copy");
      long started = System.nanoTime();
      try (Stream<Path> files = Files.list(kept)) {
        for (Path file : files.filter(f -> f.getFileName().toString().startsWith("rapport.db")).toList()) {
          Files.copy(file, copy.resolve(file.getFileName()));
        }
      }
      Store store = SqliteStore.open(copy.resolve("rapport.db"));
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), workload.end()));
      Rapport rapport = Rapport.builder().store(store).clock(clock).build();
      System.out.printf("Rapport started on a copy of the store in %.2f s%n", (System.nanoTime() - started) / 1e9);
      return new RapportFeed(workload, store, rapport, null, copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A feed index rebuilt from the store's tables, saying how long it took and the heap it holds. */
  static FeedIndex loadIndex(Store store, FeedPolicy policy, FeedWorkload workload) {
    return measured("rebuilt from the tables", policy, index -> index.rebuild(store.content(), workload.end()));
  }

  /** A feed index loaded as a start loads it: from the store's copy if it has one, saying how. */
  static FeedIndex startIndex(Store store, FeedPolicy policy, FeedWorkload workload) {
    FeedIndex.Loaded[] how = new FeedIndex.Loaded[1];
    FeedIndex index = measured("loaded at start", policy,
        i -> how[0] = i.load(store, workload.end(), store.lastPosition()));
    System.out.println("  the start's load: " + how[0]);
    return index;
  }

  /** Loads a feed index, saying how long it took, the heap it holds and what it holds. */
  private static FeedIndex measured(String how, FeedPolicy policy, java.util.function.Consumer<FeedIndex> load) {
    long before = usedHeapAfterGc();
    long started = System.nanoTime();
    FeedIndex index = new FeedIndex(policy);
    load.accept(index);
    long loadNanos = System.nanoTime() - started;
    long heap = usedHeapAfterGc() - before;
    long posts = index.postCount();
    long engagements = index.engagementCount();
    System.out.printf("feed index (engagement window %s) %s: %,d posts and %,d engagements in %.2f s; heap %,d"
        + " bytes more (%.1f bytes a post); its own count %,d bytes (%.1f bytes a post)%n", policy.engagementWindow(),
        how, posts, engagements, loadNanos / 1e9, heap, heap / (double) posts, index.footprintBytes(),
        index.footprintBytes() / (double) posts);
    return index;
  }

  static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** What viewer {@code v} (an index into the workload's viewers) asks the feed index with. */
  record Viewer(long id, long[] authors, boolean[] seesConnectionsOnly, FeedReason.Kind[] relations,
      long[] connections) {}

  Viewer viewer(int v) {
    int[] followed = workload.followedBy(v);
    int[] connections = workload.connectionsOf(v);
    long[] authors = new long[followed.length + 1];
    boolean[] sees = new boolean[authors.length];
    FeedReason.Kind[] relations = new FeedReason.Kind[authors.length];
    authors[0] = FeedStore.memberId(workload.viewers()[v]);
    sees[0] = true;
    relations[0] = FeedReason.Kind.OWN;
    for (int i = 0; i < followed.length; i++) {
      authors[i + 1] = FeedStore.memberId(followed[i]);
      boolean connected = Arrays.binarySearch(connections, followed[i]) >= 0;
      sees[i + 1] = connected;
      relations[i + 1] = connected ? FeedReason.Kind.CONNECTION : FeedReason.Kind.FOLLOWING;
    }
    long[] connectionIds = Arrays.stream(connections).mapToLong(FeedStore::memberId).toArray();
    return new Viewer(authors[0], authors, sees, relations, connectionIds);
  }

  /** The page's post ids, newest first, through the feed index alone. */
  long[] indexRecent(Viewer viewer, int limit) {
    List<FeedIndex.Entry> page = index.recent(viewer.authors(), viewer.seesConnectionsOnly(), Long.MAX_VALUE,
        Long.MAX_VALUE, limit);
    long[] ids = new long[page.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = page.get(i).postId();
    }
    return ids;
  }

  /** Every candidate of the viewer's {@code top} feed, scored and ranked, by the feed index alone. */
  Ranking indexTop(Viewer viewer) {
    long[] connections = viewer.connections();
    return index.top(viewer.id(), viewer.authors(), viewer.relations(), connections, member -> false,
        member -> Arrays.binarySearch(connections, member) >= 0, workload.end().toEpochMilli());
  }

  /** The first page of the viewer's feed through the facade, as the HTTP route asks it. */
  Page<FeedItem> page(long viewerId, FeedOrder order, int limit) {
    return rapport.content().feed(viewerId, order, PageRequest.first(limit));
  }

  /** A post of {@code authorId}'s, visible to anyone, through the facade; its id. */
  long post(long authorId, String text) {
    return rapport.content().post(authorId, text, PostVisibility.ANYONE).post().id();
  }

  static long[] ids(Page<FeedItem> page) {
    List<FeedItem> items = page.items();
    long[] ids = new long[items.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = items.get(i).post().post().id();
    }
    return ids;
  }

  @Override
  public void close() {
    store.close();
    if (copy != null) {
      try (Stream<Path> files = Files.walk(copy)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
