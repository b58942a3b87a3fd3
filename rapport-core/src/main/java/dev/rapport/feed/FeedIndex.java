package dev.rapport.feed;

import dev.rapport.kernel.Event;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.store.ContentReads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * The feed's memory (P3, DESIGN decision 5: fan-out on read): each author's posts as a {@link
 * Timeline} of ids and creation times, and what each member reacted to or commented on lately.
 * A post is one change here whatever its author's follower count; a feed merges the timelines of
 * whom its viewer follows. Loaded from the store at start, then fed the event log by the graph
 * index's {@code Network}, which shows it every event it applies (docs/decisions/0025-posts-and-the-feed-index.md).
 *
 * <p>One thread applies events ({@link #apply}); any number read at once without waiting. Thread safe.
 */
public final class FeedIndex {
  private final FeedPolicy policy;
  private final ConcurrentHashMap<Long, Timeline> timelines = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Engaged[]> engagements = new ConcurrentHashMap<>();
  /** Events up to this position are in what the load read; until the load, every event is. */
  private volatile long loadedAt = Long.MAX_VALUE;

  /** A post in a feed, before the store gives its text and counts. */
  public record Entry(long postId, long authorId, long createdMillis) {}

  /** A post of a {@code top} ranking: its score and why it is there. */
  public record Ranked(Entry entry, FeedReason reason, double score) {}

  public FeedIndex(FeedPolicy policy) {
    this.policy = policy;
  }

  public FeedPolicy policy() {
    return policy;
  }

  /**
   * Loads every post, and what members engaged with since the policy's window before {@code now},
   * as one snapshot; events up to the position it reflects are then ignored. Before any reader or
   * {@link #apply}: not thread safe itself. Linear in the posts.
   */
  public void load(ContentReads reads, Instant now) {
    Map<Long, List<Engaged>> engaged = new HashMap<>();
    TimelineLoad posts = new TimelineLoad(engaged);
    long position = reads.forEachContent(now.minus(policy.engagementWindow()), posts);
    posts.flush();
    engaged.forEach((member, list) -> {
      Map<Long, Engaged> byPost = new HashMap<>();
      for (Engaged e : list) {
        byPost.merge(e.postId(), e, FeedIndex::merged);
      }
      engagements.put(member, bounded(byPost.values().toArray(Engaged[]::new), Long.MIN_VALUE));
    });
    loadedAt = position;
  }

  /** Takes the load's posts in author order into timelines, one author at a time, and its engagements. */
  private final class TimelineLoad implements ContentReads.ContentSink {
    private final Map<Long, List<Engaged>> engaged;
    private long author = -1;
    private long[] ids = new long[16];
    private long[] times = new long[16];
    private int size;

    TimelineLoad(Map<Long, List<Engaged>> engaged) {
      this.engaged = engaged;
    }

    @Override
    public void post(long authorId, long postId, long createdAtMillis, PostVisibility visibility) {
      if (authorId != author) {
        flush();
        author = authorId;
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        times = Arrays.copyOf(times, size * 2);
      }
      ids[size] = visibility == PostVisibility.CONNECTIONS ? postId | Timeline.CONNECTIONS_ONLY : postId;
      times[size++] = createdAtMillis;
    }

    /** Puts the author's timeline in place, exactly sized, and starts the next. */
    void flush() {
      if (size > 0) {
        timelines.put(author, new Timeline(Arrays.copyOf(ids, size), Arrays.copyOf(times, size), size));
      }
      size = 0;
    }

    @Override
    public void engaged(long memberId, long postId, long authorId, long atMillis, boolean comment) {
      engaged.computeIfAbsent(memberId, m -> new ArrayList<>()).add(comment
          ? new Engaged(postId, authorId, Engaged.NONE, 1, atMillis)
          : new Engaged(postId, authorId, atMillis, 0, Engaged.NONE));
    }
  }

  private static Engaged merged(Engaged a, Engaged b) {
    return new Engaged(a.postId(), a.authorId(), Math.max(a.reactedAt(), b.reactedAt()), a.comments() + b.comments(),
        Math.max(a.commentedAt(), b.commentedAt()));
  }

  /**
   * Applies one event of the log, on the thread that applies the log, in log order. A post reads
   * its visibility from the store, and a deleted comment its writer's remaining comments. {@code then}
   * is shown the event first (the remembered reads' stamps).
   */
  public void apply(Event event, ContentReads reads, java.util.function.Consumer<Event> then) {
    then.accept(event);
    if (event.seq() <= loadedAt) {
      return;
    }
    long at = event.at().toEpochMilli();
    switch (event.type()) {
      case POSTED -> reads.post(event.refId()).ifPresent(this::add);
      case POST_DELETED -> timelines.computeIfPresent(event.subjectId(), (a, t) -> t.without(event.refId()));
      case REACTED, REACTION_CHANGED -> engage(event.actorId(), event.refId(), event.subjectId(),
          e -> new Engaged(e.postId(), e.authorId(), at, e.comments(), e.commentedAt()), at);
      case REACTION_REMOVED -> engage(event.actorId(), event.refId(), event.subjectId(),
          e -> new Engaged(e.postId(), e.authorId(), Engaged.NONE, e.comments(), e.commentedAt()), at);
      case COMMENTED -> engage(event.actorId(), event.refId(), event.subjectId(),
          e -> new Engaged(e.postId(), e.authorId(), e.reactedAt(), e.comments() + 1, Math.max(at, e.commentedAt())), at);
      case COMMENT_DELETED -> {
        // The event's subject is the comment's writer: what they still have on the post is read back.
        long[] left = reads.commentTimes(event.refId(), event.subjectId());
        engage(event.subjectId(), event.refId(), 0, e -> new Engaged(e.postId(), e.authorId(), e.reactedAt(), left.length,
            left.length == 0 ? Engaged.NONE : left[left.length - 1]), at);
      }
      default -> { }
    }
  }

  /** For tests: the index as if loaded from an empty store at this log position. */
  FeedIndex loadedAt(long position) {
    loadedAt = position;
    return this;
  }

  void add(Post post) {
    timelines.compute(post.authorId(), (a, t) -> (t == null ? Timeline.EMPTY : t)
        .with(post.id(), post.createdAt().toEpochMilli(), post.visibility() == PostVisibility.CONNECTIONS));
  }

  private void engage(long memberId, long postId, long authorId, java.util.function.UnaryOperator<Engaged> change,
      long now) {
    engagements.compute(memberId, (m, list) -> {
      Engaged[] current = list == null ? new Engaged[0] : list;
      Engaged[] next = new Engaged[current.length + 1];
      int n = 0;
      Engaged found = null;
      for (Engaged e : current) {
        if (e.postId() == postId) {
          found = e;
        } else {
          next[n++] = e;
        }
      }
      if (found == null && authorId == 0) {
        return list; // nothing kept of it: gone from the window already
      }
      Engaged changed = change.apply(found != null ? found
          : new Engaged(postId, authorId, Engaged.NONE, 0, Engaged.NONE));
      if (!changed.isEmpty()) {
        next[n++] = changed;
      }
      Engaged[] kept = bounded(Arrays.copyOf(next, n), now - policy.engagementWindow().toMillis());
      return kept.length == 0 ? null : kept;
    });
  }

  /** The newest engagements at or after {@code since}, at most the policy's number. */
  private Engaged[] bounded(Engaged[] all, long since) {
    Engaged[] recent = Arrays.stream(all).filter(e -> e.at() >= since)
        .sorted(Comparator.comparingLong(Engaged::at).reversed()).limit(policy.engagementsPerMember())
        .toArray(Engaged[]::new);
    return recent;
  }

  /**
   * P3 {@code recent}: up to {@code limit} posts of these authors, newest first (by creation time,
   * then id), that sort below ({@code belowTime}, {@code belowId}); connections-only posts only of
   * authors whose {@code seesConnectionsOnly} is set. A k-way merge: about log(authors) per post
   * given, after a binary search of each author's timeline.
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
   * docs/decisions/XX-top-scores-the-posts-engaged-with-most-lately.md).
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
    Timeline timeline = null;
    long author = 0;
    for (int slot : engagedOnly) {
      if (timeline == null || tally.author(slot) != author) {
        author = tally.author(slot);
        timeline = hidden.test(author) ? Timeline.EMPTY : timelines.getOrDefault(author, Timeline.EMPTY);
      }
      int at = timeline.find(tally.post(slot));
      if (at < 0 || Timeline.connectionsOnly(timeline.ids[at]) && author != viewerId && !connected.test(author)) {
        continue;
      }
      FeedReason.Kind kind = tally.lastIsComment(slot) ? FeedReason.Kind.CONNECTION_COMMENTED
          : FeedReason.Kind.CONNECTION_REACTED;
      all.add(tally.post(slot), author, timeline.times[at], kind, tally.lastBy(slot),
          score.of(kind, timeline.times[at], tally.count(slot)));
    }
    return all.ranked();
  }

  /** What connections engaged with in the window before {@code nowMillis}, by post. */
  private EngagementTally engagedBy(long[] connections, long nowMillis) {
    long since = nowMillis - policy.engagementWindow().toMillis();
    Engaged[][] lists = new Engaged[connections.length][];
    int most = 0;
    for (int c = 0; c < connections.length; c++) {
      lists[c] = engagements.get(connections[c]);
      most += lists[c] == null ? 0 : lists[c].length;
    }
    EngagementTally tally = new EngagementTally(most);
    for (int c = 0; c < connections.length; c++) {
      if (lists[c] == null) {
        continue;
      }
      for (Engaged e : lists[c]) {
        long at = e.at();
        if (at >= since && at <= nowMillis) {
          tally.add(e.postId(), e.authorId(), at, connections[c], e.lastIsComment());
        }
      }
    }
    return tally;
  }

  /** The post's author and creation time if the index holds it. */
  public Optional<Entry> find(long authorId, long postId) {
    Timeline timeline = timelines.get(authorId);
    int at = timeline == null ? -1 : timeline.indexOf(postId);
    return at < 0 ? Optional.empty() : Optional.of(new Entry(postId, authorId, timeline.times[at]));
  }

  /** How many posts the index holds. Linear in the authors. */
  public long postCount() {
    return timelines.values().stream().mapToLong(t -> t.size).sum();
  }

  /** The bytes of the timelines' arrays (16 a post, and slack). Linear in the authors. */
  public long footprintBytes() {
    return timelines.values().stream().mapToLong(Timeline::footprintBytes).sum();
  }
}
