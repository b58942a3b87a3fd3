package dev.rapport.feed;

import dev.rapport.copy.CopyParts;
import dev.rapport.kernel.Event;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.store.ContentReads;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.Store;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * The feed's memory (P3, DESIGN decision 5: fan-out on read): each author's posts as a timeline of
 * ids and creation times, and what each member reacted to or commented on lately, in primitive
 * arrays by member ({@link Timelines}, {@link Engagements}). A post is one change here whatever its
 * author's follower count; a feed merges the timelines of whom its viewer follows. Restored at
 * start from a copy the store keeps, or rebuilt from the tables, then fed the event log by the
 * graph index's {@code Network}, which shows it every event it applies
 * (docs/decisions/0025-posts-and-the-feed-index.md, docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md).
 *
 * <p>One thread applies events ({@link #apply}); any number read at once without waiting. Thread safe.
 */
public final class FeedIndex {
  private static final int EVENTS_PER_READ = 1_000;
  /** A copy this many events behind the log, or more, is not replayed... */
  private static final long REPLAY_AT_LEAST = 10_000;
  /** ... if it is also behind by more than a sixteenth of its posts: each replayed post is a read of the store. */
  private static final long POSTS_PER_REPLAYED_EVENT = 16;

  private final FeedPolicy policy;
  private final Timelines timelines = new Timelines();
  private final Engagements engagements = new Engagements();
  /** Held while the index changes or is copied: the log's one writer, a load, a save. */
  private final ReentrantLock writing = new ReentrantLock();
  /** Events up to this position are in what the load read; until the load, every event is. */
  private volatile long loadedAt = Long.MAX_VALUE;
  /** The log position the index reflects: every event up to it. */
  private volatile long position = -1;
  /** The position of the copy this process last saved or restored: no need to save it again. */
  private volatile long savedAt = -1;

  /** A post in a feed, before the store gives its text and counts. */
  public record Entry(long postId, long authorId, long createdMillis) {}

  /** A post of a {@code top} ranking: its score and why it is there. */
  public record Ranked(Entry entry, FeedReason reason, double score) {}

  /** How a load found the index. */
  public enum Loaded {
    /** From the store's copy, with the log's events since. */
    RESTORED,
    /** From the tables: there was no usable copy, or it was too far behind the log. */
    REBUILT
  }

  public FeedIndex(FeedPolicy policy) {
    this.policy = policy;
  }

  public FeedPolicy policy() {
    return policy;
  }

  /**
   * Loads the index at start, after the graph index: from the store's copy, replaying the log's
   * events after it up to {@code upTo} (the position the graph index reached, which shows this index
   * every later event), if the copy reads back whole and is not far behind; otherwise {@link
   * #rebuild}s it and saves a copy. Before any reader or {@link #apply}. Linear in the posts.
   *
   * @param now the start's time: engagements older than the policy's window are left out
   */
  public Loaded load(Store store, Instant now, long upTo) {
    Optional<SavedIndex> saved = store.savedFeedIndex();
    if (saved.isPresent() && restore(saved.get(), store, now, upTo)) {
      return Loaded.RESTORED;
    }
    rebuild(store.content(), now);
    if (timelines.postCount() > 0 || engagements.count() > 0) {
      try {
        save(store);
      } catch (RuntimeException e) {
        // The index is whole; only the next start is slower, and it rebuilds again.
      }
    }
    return Loaded.REBUILT;
  }

  /**
   * Builds the index from every post, and what members engaged with since the policy's window
   * before {@code now}, as one snapshot; events up to the position it reflects are then ignored.
   * On a new index, before any reader or {@link #apply}. Linear in the posts and the window's engagements.
   */
  public void rebuild(ContentReads reads, Instant now) {
    writing.lock();
    try {
      FeedLoad load = new FeedLoad(timelines);
      long since = now.minus(policy.engagementWindow()).toEpochMilli();
      long at = reads.forEachContent(now.minus(policy.engagementWindow()), load);
      load.finish(engagements, since, policy.engagementsPerMember());
      loadedAt = at;
      position = at;
    } finally {
      writing.unlock();
    }
  }

  /** Restores the copy and replays the log after it up to {@code upTo}; false if the copy is not to be used. */
  private boolean restore(SavedIndex saved, Store store, Instant now, long upTo) {
    if (saved.position() > store.lastPosition()) {
      return false; // a copy of a log this store does not have
    }
    long since = now.minus(policy.engagementWindow()).toEpochMilli();
    writing.lock();
    try {
      try {
        FeedCopy.read(saved.parts(), new FeedCopy.Sink() {
          @Override
          public void timeline(long authorId, long[] pairs, int size) {
            timelines.put(authorId, pairs, size);
          }

          @Override
          public void engaged(long memberId, long[] list, int count) {
            engagements.put(memberId, list, count, since, policy.engagementsPerMember());
          }
        });
      } catch (CopyParts.Unreadable e) {
        clear();
        return false;
      }
      if (upTo - saved.position() > Math.max(REPLAY_AT_LEAST, timelines.postCount() / POSTS_PER_REPLAYED_EVENT)) {
        clear();
        return false;
      }
      loadedAt = saved.position();
      position = saved.position();
      ContentReads reads = store.content();
      for (long from = saved.position(); from < upTo; ) {
        List<Event> events = store.eventsAfter(from, EVENTS_PER_READ);
        if (events.isEmpty()) {
          break;
        }
        for (Event event : events) {
          if (event.seq() <= upTo) {
            applyLocked(event, reads);
          }
          from = event.seq();
        }
      }
      loadedAt = Math.max(saved.position(), upTo);
      position = loadedAt;
      if (position == saved.position()) {
        savedAt = position;
      }
      return true;
    } finally {
      writing.unlock();
    }
  }

  /** Forgets what a copy that turned out unusable put in place, before a rebuild. */
  private void clear() {
    timelines.clear();
    engagements.clear();
  }

  /**
   * Saves a copy of the index in the store, as of the last event it was shown, for the next start
   * (docs/decisions/0032-a-compact-feed-index-and-its-saved-copy.md), unless this process saved or
   * restored that very copy. The log's writer waits while the copy is written out (readers do not);
   * the store's write comes after.
   */
  public void save(Store store) {
    SavedIndex copy;
    writing.lock();
    try {
      if (position == savedAt) {
        return;
      }
      copy = new SavedIndex(position, FeedCopy.write(timelines, engagements, CopyParts.PART_BYTES));
    } finally {
      writing.unlock();
    }
    store.saveFeedIndex(copy);
    savedAt = copy.position();
  }

  /**
   * Applies one event of the log, on the thread that applies the log, in log order. A post reads
   * its visibility from the store, and a deleted comment its writer's remaining comments. {@code then}
   * is shown the event first (the remembered reads' stamps).
   */
  public void apply(Event event, ContentReads reads, Consumer<Event> then) {
    then.accept(event);
    writing.lock();
    try {
      applyLocked(event, reads);
    } finally {
      writing.unlock();
    }
  }

  private void applyLocked(Event event, ContentReads reads) {
    if (event.seq() <= loadedAt) {
      return;
    }
    position = Math.max(position, event.seq());
    long at = event.at().toEpochMilli();
    long actor = event.actorId();
    long post = event.refId();
    switch (event.type()) {
      case POSTED -> reads.post(post).ifPresent(this::add);
      case POST_DELETED -> timelines.remove(event.subjectId(), post);
      case REACTED, REACTION_CHANGED -> engage(actor, post, event.subjectId(), at,
          engagements.commentedAt(actor, post), at);
      case REACTION_REMOVED -> engage(actor, post, event.subjectId(), Engagements.NONE,
          engagements.commentedAt(actor, post), at);
      case COMMENTED -> engage(actor, post, event.subjectId(), engagements.reactedAt(actor, post),
          Math.max(at, engagements.commentedAt(actor, post)), at);
      case COMMENT_DELETED -> {
        // The event's subject is the comment's writer: what they still have on the post is read back.
        long writer = event.subjectId();
        long[] left = reads.commentTimes(post, writer);
        engage(writer, post, 0, engagements.reactedAt(writer, post),
            left.length == 0 ? Engagements.NONE : left[left.length - 1], at);
      }
      default -> { }
    }
  }

  private void engage(long memberId, long postId, long authorId, long reactedAt, long commentedAt, long now) {
    engagements.set(memberId, postId, authorId, reactedAt, commentedAt, now - policy.engagementWindow().toMillis(),
        policy.engagementsPerMember());
  }

  /** For tests: the index as if loaded from an empty store at this log position. */
  FeedIndex loadedAt(long position) {
    loadedAt = position;
    this.position = position;
    return this;
  }

  void add(Post post) {
    timelines.add(post.authorId(), post.id(), post.createdAt().toEpochMilli(),
        post.visibility() == PostVisibility.CONNECTIONS);
  }

  /**
   * P3 {@code recent}: up to {@code limit} posts of these authors, newest first (by creation time,
   * then id), that sort below ({@code belowTime}, {@code belowId}); connections-only posts only of
   * authors whose {@code seesConnectionsOnly} is set. A k-way merge: about log(authors) per post
   * given, after a look-up of each author's timeline (and a binary search of it past the first page).
   */
  public List<Entry> recent(long[] authors, boolean[] seesConnectionsOnly, long belowTime, long belowId, int limit) {
    return new TimelineMerge(authors, seesConnectionsOnly, timelines, belowTime, belowId, limit).next(limit);
  }

  /**
   * P3 {@code top}: the newest of the policy's number of posts of these authors, with what they
   * are to the viewer, and of the other posts the viewer's connections reacted to or commented on
   * within the policy's window, as many again engaged with most lately (all those tied at the cut),
   * each once, scored as of {@code nowMillis} ({@link FeedPolicy#score}) and ranked best first (then
   * newest, then by id). Linear in the candidates and the connections' engagements, with a binary
   * search of its author's timeline for each post only engaged with (one lookup an author); the
   * ranking is put in order as its pages read it ({@link Ranking};
   * docs/decisions/0033-top-scores-the-posts-engaged-with-most-lately.md).
   *
   * @param relations what each author is to the viewer: own, connection, page or following
   * @param hidden authors blocked either way with the viewer (B2)
   * @param connected whether the viewer is connected to an author
   */
  public Ranking top(long viewerId, long[] authors, FeedReason.Kind[] relations, long[] connections,
      LongPredicate hidden, LongPredicate connected, long nowMillis) {
    boolean[] sees = new boolean[authors.length];
    for (int i = 0; i < authors.length; i++) {
      sees[i] = relations[i] == FeedReason.Kind.OWN || relations[i] == FeedReason.Kind.CONNECTION;
    }
    int wanted = policy.topCandidates();
    long[] ids = new long[Math.min(wanted, 1024)];
    long[] times = new long[ids.length];
    int[] authorIndexes = new int[ids.length];
    TimelineMerge merge = new TimelineMerge(authors, sees, timelines, Long.MAX_VALUE, Long.MAX_VALUE, wanted);
    int followed = 0;
    while (followed < wanted) {
      if (followed == ids.length) {
        int grown = Math.min(wanted, ids.length * 2);
        ids = Arrays.copyOf(ids, grown);
        times = Arrays.copyOf(times, grown);
        authorIndexes = Arrays.copyOf(authorIndexes, grown);
      }
      int got = merge.fill(ids.length - followed, ids, times, authorIndexes, followed);
      followed += got;
      if (got == 0) {
        break;
      }
    }
    EngagementTally tally = engagedBy(connections, nowMillis);
    int[] engagedFollowed = new int[followed];
    for (int i = 0; i < followed; i++) {
      engagedFollowed[i] = tally.take(ids[i]);
    }
    int[] engagedOnly = tally.untakenLatest(wanted);
    TopScore score = new TopScore(policy, nowMillis);
    Candidates all = new Candidates(followed + engagedOnly.length);
    for (int i = 0; i < followed; i++) {
      FeedReason.Kind kind = relations[authorIndexes[i]];
      all.add(ids[i], authors[authorIndexes[i]], times[i], kind, 0, score.of(kind, times[i], engagedFollowed[i]));
    }
    long[] line = null;
    int size = 0;
    long author = 0;
    for (int slot : engagedOnly) {
      if (line == null || tally.author(slot) != author) {
        author = tally.author(slot);
        line = hidden.test(author) ? null : timelines.line(author);
        size = line == null ? 0 : Timelines.size(line);
      }
      int at = line == null ? -1 : Timelines.find(line, size, tally.post(slot));
      if (at < 0 || Timelines.connectionsOnly(Timelines.storedId(line, at)) && author != viewerId
          && !connected.test(author)) {
        continue;
      }
      long created = Timelines.time(line, at);
      FeedReason.Kind kind = tally.lastIsComment(slot) ? FeedReason.Kind.CONNECTION_COMMENTED
          : FeedReason.Kind.CONNECTION_REACTED;
      all.add(tally.post(slot), author, created, kind, tally.lastBy(slot), score.of(kind, created, tally.count(slot)));
    }
    return all.ranked();
  }

  /** What connections engaged with in the window before {@code nowMillis}, by post. */
  private EngagementTally engagedBy(long[] connections, long nowMillis) {
    long since = nowMillis - policy.engagementWindow().toMillis();
    long[][] lists = new long[connections.length][];
    int most = 0;
    for (int c = 0; c < connections.length; c++) {
      lists[c] = engagements.of(connections[c]);
      most += lists[c].length / Engagements.WIDTH;
    }
    EngagementTally tally = new EngagementTally(most);
    for (int c = 0; c < connections.length; c++) {
      long[] list = lists[c];
      for (int i = 0; i < list.length / Engagements.WIDTH; i++) {
        long at = Engagements.at(list, i);
        if (at >= since && at <= nowMillis) {
          tally.add(Engagements.postId(list, i), Engagements.authorId(list, i), at, connections[c],
              Engagements.lastIsComment(list, i));
        }
      }
    }
    return tally;
  }

  /** The post's author and creation time if the index holds it. */
  public Optional<Entry> find(long authorId, long postId) {
    long[] line = timelines.line(authorId);
    int at = line == null ? -1 : Timelines.indexOf(line, Timelines.size(line), postId);
    return at < 0 ? Optional.empty() : Optional.of(new Entry(postId, authorId, Timelines.time(line, at)));
  }

  /** How many posts the index holds. Linear in the authors. */
  public long postCount() {
    return timelines.postCount();
  }

  /** How many engagements (a member's reaction and comments on one post) the index holds. Linear in the members. */
  public long engagementCount() {
    return engagements.count();
  }

  /**
   * The bytes of the index's arrays and tables by its own count: the timelines' (16 a post, some 40
   * an author, and slack) and the engagements' (32 each, some 40 a member). Linear in the members.
   */
  public long footprintBytes() {
    return timelines.footprintBytes() + engagements.footprintBytes();
  }
}
