package dev.rapport.bench.feed;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Comment;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.Reaction;
import dev.rapport.model.ReactionKind;
import dev.rapport.model.Settings;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.Store;
import dev.rapport.store.sql.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A {@link FeedWorkload} in Rapport's own store, SQLite, as a server's data directory
 * ({@code rapport.db}): written through the store's commits ({@link Store#commit}) in batches of
 * {@value #BATCH} changes, as an import writes (docs/decisions/0004), without the events a member's
 * command would add: what the benchmarks read is what a start loads from the tables. Member
 * {@code m} of the workload is member id {@code m + 1}, handle {@code member-m}; posts and comments
 * keep the workload's time-ordered ids.
 *
 * <p>Kept in a folder between forks and runs, as {@link FeedTables} keeps PostgreSQL's, since
 * writing it would dominate a fork: {@code -Drapport.feed.stores=<folder>}, named by the workload and
 * {@link #FORMAT}, counted only once its {@code loaded} marker is written.
 */
final class FeedStore {
  static final int FORMAT = 1;
  private static final int BATCH = 20_000;
  private static final String MARKER = "loaded";
  private static final String[] WORDS = {"team", "hiring", "launch", "growth", "data", "product", "design",
      "engineers", "customers", "learned", "today", "proud", "announce", "role", "remote", "open", "source",
      "conference", "talk", "market", "sales", "strategy", "leadership", "career", "thanks", "week", "new"};

  private FeedStore() {}

  static long memberId(int m) {
    return m + 1L;
  }

  static Handle handle(int m) {
    return Handle.of("member-" + m);
  }

  /** The data directory holding the workload, written by this call unless an earlier one left it. */
  static Path dataDir(FeedWorkload workload) {
    Path folder = FeedTables.root().resolve("sqlite-feed-%d-%d-%d-v%d".formatted(workload.members(), workload.posts(),
        workload.seed(), FORMAT));
    try {
      if (Files.exists(folder.resolve(MARKER))) {
        return folder;
      }
      if (Files.exists(folder)) {
        delete(folder); // an interrupted load is of no use
      }
      Files.createDirectories(folder);
      long started = System.nanoTime();
      try (Store store = SqliteStore.open(folder.resolve("rapport.db"))) {
        fill(store, workload);
      }
      Files.writeString(folder.resolve(MARKER), "");
      System.out.printf("wrote the feed workload into Rapport's SQLite store in %.1f s (kept in %s)%n",
          (System.nanoTime() - started) / 1e9, folder);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes every member, connection, follow, post, reaction and comment of the workload. */
  static void fill(Store store, FeedWorkload w) {
    Batches batches = new Batches(store);
    Instant joined = w.end().minus(Duration.ofDays(w.days() + 30L));
    String tier = Policy.defaults().defaultTier();
    for (int m = 0; m < w.members(); m++) {
      batches.add(new Change.AddMember(new Member(memberId(m), handle(m), MemberKind.PERSON, "Member " + m, "",
          Optional.empty(), tier, joined, Settings.DEFAULTS, 0, 0)));
    }
    batches.flush("members");
    int[] viewers = w.viewers();
    Set<Long> pairs = new HashSet<>();
    for (int v = 0; v < viewers.length; v++) {
      for (int other : w.connectionsOf(v)) {
        long a = Math.min(viewers[v], other);
        long b = Math.max(viewers[v], other);
        if (pairs.add(a * w.members() + b)) {
          batches.add(new Change.AddConnection(memberId((int) a), memberId((int) b), joined));
        }
      }
    }
    batches.flush("connections");
    for (int i = 0; i < w.follows(); i++) {
      batches.add(new Change.AddFollow(memberId(w.follower(i)), memberId(w.followee(i)), joined));
    }
    batches.flush("follows");
    SplittableRandom words = new SplittableRandom(w.seed());
    for (int p = 0; p < w.posts(); p++) {
      PostVisibility visibility = w.visibility(p) == FeedWorkload.ANYONE ? PostVisibility.ANYONE
          : PostVisibility.CONNECTIONS;
      batches.add(new Change.AddPost(new Post(w.postId(p), memberId(w.author(p)), text(words, 80, 400), visibility,
          w.postedAt(p), Optional.empty(), null)));
    }
    batches.flush("posts");
    ReactionKind[] kinds = ReactionKind.values();
    for (int i = 0; i < w.reactions(); i++) {
      batches.add(new Change.SetReaction(new Reaction(w.postId(w.reactionPost(i)), memberId(w.reactionMember(i)),
          kinds[w.reactionKind(i)], w.reactedAt(i))));
    }
    batches.flush("reactions");
    for (int i = 0; i < w.comments(); i++) {
      Instant at = w.commentedAt(i);
      long id = (at.toEpochMilli() - 1_735_689_600_000L) << 22 | i;
      batches.add(new Change.AddComment(new Comment(id, w.postId(w.commentPost(i)), memberId(w.commentMember(i)),
          text(words, 20, 200), at)));
    }
    batches.flush("comments");
  }

  /** Commits changes {@value #BATCH} at a time and says how long each kind took. */
  private static final class Batches {
    private final Store store;
    private final List<Change> pending = new ArrayList<>(BATCH);
    private long started = System.nanoTime();
    private long written;

    Batches(Store store) {
      this.store = store;
    }

    void add(Change change) {
      pending.add(change);
      if (pending.size() == BATCH) {
        commit();
      }
    }

    private void commit() {
      if (!pending.isEmpty()) {
        if (store.commit(new Commit(Map.of(), pending, List.of())) instanceof CommitOutcome.Conflict conflict) {
          throw new IllegalStateException("the store refused a batch of the workload: " + conflict.reason());
        }
        written += pending.size();
        pending.clear();
      }
    }

    void flush(String what) {
      commit();
      System.out.printf("  %,d %s in %.1f s%n", written, what, (System.nanoTime() - started) / 1e9);
      written = 0;
      started = System.nanoTime();
    }
  }

  private static String text(SplittableRandom words, int shortest, int longest) {
    int length = shortest + words.nextInt(longest - shortest);
    StringBuilder out = new StringBuilder(length + 16);
    while (out.length() < length) {
      out.append(WORDS[words.nextInt(WORDS.length)]).append(' ');
    }
    return out.toString().strip();
  }

  private static void delete(Path path) throws IOException {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
