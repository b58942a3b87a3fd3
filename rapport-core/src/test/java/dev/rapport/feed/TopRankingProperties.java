package dev.rapport.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Post;
import dev.rapport.model.PostVisibility;
import dev.rapport.testing.seeded.SeededProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * P3 {@code top} from the feed index against a ranking written from the rule's words: the newest few
 * posts of followed authors, and as many again of the other posts connections engaged with, those
 * engaged with most lately (docs/decisions/0033-top-scores-the-posts-engaged-with-most-lately.md),
 * scored by {@link FeedPolicy#score} and sorted. Posts get ids out of their time order now and then, so that finding
 * an engaged post by its id must fall back; times are on few distinct minutes, so that scores tie.
 */
class TopRankingProperties {
  private static final long T0 = Instant.parse("2026-06-01T08:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;
  private static final int MEMBERS = 24;
  private static final long VIEWER = 1;

  /** A post: author, minute it was made, id, whether connections-only. */
  record Made(long author, long minute, long id, boolean connectionsOnly) {}

  /** An engagement in log order: member, post (an index into the posts), its kind, at minute. */
  record Act(long member, int post, EventType type, long minute) {}

  record Sample(List<Made> posts, List<Act> acts, Map<Long, FeedReason.Kind> followed, Set<Long> connections,
      Set<Long> hidden, Set<Integer> deleted, int topCandidates, long nowMinute) {}

  static Sample sample(RandomGenerator random) {
    int count = random.nextInt(20) == 0 ? 1 : random.nextInt(1, 300);
    List<Made> posts = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      long minute = random.nextInt(0, 40) * 30L;
      // Ids grow with time as TimeOrderedIds makes them, but one in five is made out of that order.
      long id = random.nextInt(5) == 0 ? random.nextLong(1, 1L << 40) : (minute << 12) + random.nextInt(4096) + 1;
      if (ids.add(id)) {
        posts.add(new Made(random.nextLong(1, MEMBERS + 1), minute, id, random.nextInt(4) == 0));
      }
    }
    List<Act> acts = new ArrayList<>();
    int actCount = random.nextInt(0, 600);
    long minute = 0;
    EventType[] types = {EventType.REACTED, EventType.REACTION_CHANGED, EventType.REACTION_REMOVED,
        EventType.COMMENTED, EventType.COMMENTED};
    for (int i = 0; i < actCount; i++) {
      minute += random.nextInt(3);
      acts.add(new Act(random.nextLong(1, MEMBERS + 1), random.nextInt(posts.size()),
          types[random.nextInt(types.length)], minute));
    }
    Map<Long, FeedReason.Kind> followed = new HashMap<>();
    Set<Long> connections = new HashSet<>();
    Set<Long> hidden = new HashSet<>();
    FeedReason.Kind[] relations = {FeedReason.Kind.CONNECTION, FeedReason.Kind.PAGE, FeedReason.Kind.FOLLOWING};
    for (long m = 2; m <= MEMBERS; m++) {
      int draw = random.nextInt(10);
      if (draw < 4) {
        FeedReason.Kind relation = relations[random.nextInt(relations.length)];
        followed.put(m, relation);
        if (relation == FeedReason.Kind.CONNECTION) {
          connections.add(m);
        }
      } else if (draw < 7) {
        connections.add(m);
      } else if (draw == 7) {
        hidden.add(m);
      }
    }
    Set<Integer> deleted = new HashSet<>();
    for (int i = 0; i < posts.size(); i++) {
      if (random.nextInt(10) == 0) {
        deleted.add(i);
      }
    }
    long now = Math.max(minute, 1_200) + random.nextInt(0, 2) * random.nextInt(0, 12_000);
    return new Sample(posts, acts, followed, connections, hidden, deleted, random.nextInt(1, 60), now);
  }

  @Test
  void P3_top_equalsTheRankingByTheRule_pageByPage() {
    SeededProperty.tries(300).forAll(TopRankingProperties::sample, TopRankingProperties::agrees);
  }

  private static void agrees(Sample s) {
    FeedPolicy policy = new FeedPolicy(Duration.ofHours(100), 10_000, s.topCandidates(), Duration.ofHours(3), 0.8,
        1.0, 0.7, 0.8, 0.6, 1_000_000);
    FeedIndex index = new FeedIndex(policy).loadedAt(0);
    for (Made p : s.posts()) {
      index.add(new Post(p.id(), p.author(), "text", p.connectionsOnly() ? PostVisibility.CONNECTIONS
          : PostVisibility.ANYONE, Instant.ofEpochMilli(T0 + p.minute() * MINUTE), Optional.empty(), null));
    }
    long seq = 0;
    for (Act a : s.acts()) {
      Made p = s.posts().get(a.post());
      index.apply(new Event(++seq, a.type(), Instant.ofEpochMilli(T0 + a.minute() * MINUTE), a.member(), p.author(),
          p.id()), null, e -> { });
    }
    for (int d : s.deleted()) {
      Made p = s.posts().get(d);
      index.apply(new Event(++seq, EventType.POST_DELETED, Instant.ofEpochMilli(T0), p.author(), p.author(), p.id()),
          null, e -> { });
    }
    List<Long> authorList = new ArrayList<>(List.of(VIEWER));
    List<FeedReason.Kind> relationList = new ArrayList<>(List.of(FeedReason.Kind.OWN));
    s.followed().forEach((author, relation) -> {
      authorList.add(author);
      relationList.add(relation);
    });
    long now = T0 + s.nowMinute() * MINUTE;
    Ranking ranking = index.top(VIEWER, authorList.stream().mapToLong(Long::longValue).toArray(),
        relationList.toArray(FeedReason.Kind[]::new), s.connections().stream().mapToLong(Long::longValue).toArray(),
        s.hidden()::contains, s.connections()::contains, now);
    List<FeedIndex.Ranked> expected = byTheRule(s, policy, now);
    assertThat(ranking.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(ranking.get(i)).as("rank %d", i).isEqualTo(expected.get(i));
    }
  }

  /** The ranking as P3 and decision 25 word it, by full scans. */
  private static List<FeedIndex.Ranked> byTheRule(Sample s, FeedPolicy policy, long now) {
    long since = now - policy.engagementWindow().toMillis();
    Map<Long, Made> live = new HashMap<>();
    for (int i = 0; i < s.posts().size(); i++) {
      if (!s.deleted().contains(i)) {
        live.put(s.posts().get(i).id(), s.posts().get(i));
      }
    }
    // Per post and member: the reaction's time, the comments and the newest comment's time.
    Map<Long, Map<Long, long[]>> engaged = new HashMap<>();
    for (Act a : s.acts()) {
      long[] e = engaged.computeIfAbsent(s.posts().get(a.post()).id(), p -> new HashMap<>())
          .computeIfAbsent(a.member(), m -> new long[] {Long.MIN_VALUE, 0, Long.MIN_VALUE});
      long at = T0 + a.minute() * MINUTE;
      switch (a.type()) {
        case REACTED, REACTION_CHANGED -> e[0] = at;
        case REACTION_REMOVED -> e[0] = Long.MIN_VALUE;
        default -> {
          e[1]++;
          e[2] = Math.max(e[2], at);
        }
      }
    }
    Comparator<Made> newest = Comparator.comparingLong(Made::minute).thenComparingLong(Made::id).reversed();
    List<Made> followedPosts = live.values().stream().filter(p -> {
      FeedReason.Kind relation = p.author() == VIEWER ? FeedReason.Kind.OWN : s.followed().get(p.author());
      return relation != null && (!p.connectionsOnly() || relation == FeedReason.Kind.OWN
          || relation == FeedReason.Kind.CONNECTION);
    }).sorted(newest).limit(s.topCandidates()).toList();
    Set<Long> kept = new HashSet<>();
    List<FeedIndex.Ranked> items = new ArrayList<>();
    for (Made p : followedPosts) {
      kept.add(p.id());
      FeedReason.Kind relation = p.author() == VIEWER ? FeedReason.Kind.OWN : s.followed().get(p.author());
      items.add(ranked(p, relation, 0, policy.score(relation, T0 + p.minute() * MINUTE, now,
          engagedBy(s, engaged, p, since, now).size())));
    }
    // Of the other posts engaged with (deleted ones too, as the index remembers them), those engaged with most lately.
    List<Long> lastAts = s.posts().stream().filter(p -> !kept.contains(p.id()))
        .map(p -> engagedBy(s, engaged, p, since, now)).filter(by -> !by.isEmpty())
        .map(by -> by.stream().mapToLong(e -> e[0]).max().orElseThrow()).sorted(Comparator.reverseOrder()).toList();
    long cut = lastAts.size() > s.topCandidates() ? lastAts.get(s.topCandidates() - 1) : Long.MIN_VALUE;
    for (Made p : live.values()) {
      List<long[]> by = engagedBy(s, engaged, p, since, now);
      if (kept.contains(p.id()) || by.isEmpty() || s.hidden().contains(p.author())
          || p.connectionsOnly() && p.author() != VIEWER && !s.connections().contains(p.author())) {
        continue;
      }
      long[] last = by.stream().max(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]))
          .orElseThrow();
      if (last[0] < cut) {
        continue;
      }
      FeedReason.Kind kind = last[2] == 1 ? FeedReason.Kind.CONNECTION_COMMENTED : FeedReason.Kind.CONNECTION_REACTED;
      items.add(ranked(p, kind, last[1], policy.score(kind, T0 + p.minute() * MINUTE, now, by.size())));
    }
    items.sort(Comparator.comparingDouble(FeedIndex.Ranked::score).reversed()
        .thenComparing(Comparator.comparingLong((FeedIndex.Ranked r) -> r.entry().createdMillis()).reversed())
        .thenComparing(Comparator.comparingLong((FeedIndex.Ranked r) -> r.entry().postId()).reversed()));
    return items;
  }

  /** The viewer's connections who engaged with the post in the window: when last, who, whether by a comment. */
  private static List<long[]> engagedBy(Sample s, Map<Long, Map<Long, long[]>> engaged, Made post, long since,
      long now) {
    List<long[]> by = new ArrayList<>();
    engaged.getOrDefault(post.id(), Map.of()).forEach((member, e) -> {
      long at = Math.max(e[0], e[2]);
      if (s.connections().contains(member) && (e[0] != Long.MIN_VALUE || e[1] > 0) && at >= since && at <= now) {
        by.add(new long[] {at, member, e[1] > 0 && e[2] >= e[0] ? 1 : 0});
      }
    });
    return by;
  }

  private static FeedIndex.Ranked ranked(Made p, FeedReason.Kind kind, long by, double score) {
    return new FeedIndex.Ranked(new FeedIndex.Entry(p.id(), p.author(), T0 + p.minute() * MINUTE),
        new FeedReason(kind, by), score);
  }
}
