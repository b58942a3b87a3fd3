package dev.rapport.store.sql;

import dev.rapport.feed.FeedPolicy;
import dev.rapport.feed.FeedReason;
import dev.rapport.kernel.PairState;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A naive model of posts, reactions, comments and both feed orders (P2, P3, P4, B2), written from
 * the rules' words with plain maps and full scans, to hold the feed index's answers to. What is
 * between two members (follows, connections, blocks) it reads from the store's pairs; what is on
 * posts it keeps itself, from the commands the engine took.
 */
final class ContentReference {
  record Post(long id, long author, PostVisibility visibility, long created) {}

  record Comment(long id, long post, long writer, long at) {}

  /** An expected feed item: its post, reason, the connection who engaged last (0: none) and score (NaN: none). */
  record Item(long post, FeedReason.Kind reason, long by, double score) {}

  final Map<Long, Post> posts = new LinkedHashMap<>();
  /** By post, then member: the kind and when. */
  final Map<Long, Map<Long, Object[]>> reactions = new HashMap<>();
  final Map<Long, Comment> comments = new LinkedHashMap<>();
  private final BiFunction<Long, Long, PairState> pair;
  private final Map<Long, Boolean> companies;
  private final FeedPolicy policy;

  ContentReference(BiFunction<Long, Long, PairState> pair, Map<Long, Boolean> companies, FeedPolicy policy) {
    this.pair = pair;
    this.companies = companies;
    this.policy = policy;
  }

  boolean sees(long viewer, Post post) {
    if (viewer == post.author()) {
      return true;
    }
    PairState p = pair.apply(viewer, post.author());
    return !p.blockedEitherWay() && (post.visibility() == PostVisibility.ANYONE || p.connected());
  }

  void react(long post, long member, ReactionKind kind, long at) {
    reactions.computeIfAbsent(post, p -> new HashMap<>()).put(member, new Object[] {kind, at});
  }

  void unreact(long post, long member) {
    reactions.getOrDefault(post, new HashMap<>()).remove(member);
  }

  void delete(long post) {
    posts.remove(post);
    Map<Long, Object[]> reacted = reactions.remove(post);
    goneReactions.put(post, reacted == null ? Map.of() : reacted);
    comments.values().stream().filter(c -> c.post() == post).forEach(goneComments::add);
    comments.values().removeIf(c -> c.post() == post);
  }

  /** The reactions and comments of deleted posts: the feed index still remembers them, and they count towards top's cut. */
  private final Map<Long, Map<Long, Object[]>> goneReactions = new HashMap<>();
  private final List<Comment> goneComments = new ArrayList<>();

  /** Reactions and comments as the viewer counts them: without members blocked either way with them. */
  int[] counts(long viewer, long post) {
    int reacted = 0;
    for (long member : reactions.getOrDefault(post, Map.of()).keySet()) {
      reacted += hidden(viewer, member) ? 0 : 1;
    }
    int commented = 0;
    for (Comment c : comments.values()) {
      commented += c.post() == post && !hidden(viewer, c.writer()) ? 1 : 0;
    }
    return new int[] {reacted, commented};
  }

  /** B2: whether a block either way hides the member from the viewer. */
  boolean hidden(long viewer, long member) {
    return viewer != member && pair.apply(viewer, member).blockedEitherWay();
  }

  /** What the author is to the viewer in the feed, or null if their posts are not in it. */
  private FeedReason.Kind relation(long viewer, long author) {
    if (viewer == author) {
      return FeedReason.Kind.OWN;
    }
    PairState p = pair.apply(viewer, author);
    if (!p.actorFollowsOther() || p.blockedEitherWay()) {
      return null;
    }
    return p.connected() ? FeedReason.Kind.CONNECTION
        : companies.getOrDefault(author, false) ? FeedReason.Kind.PAGE : FeedReason.Kind.FOLLOWING;
  }

  private static final Comparator<Post> NEWEST = Comparator.comparingLong(Post::created).thenComparingLong(Post::id)
      .reversed();

  /** P3 recent: every post the viewer sees by themself or whom they follow, newest first. */
  List<Item> recent(long viewer) {
    return posts.values().stream().filter(p -> relation(viewer, p.author()) != null && sees(viewer, p))
        .sorted(NEWEST).map(p -> new Item(p.id(), relation(viewer, p.author()), 0, Double.NaN)).toList();
  }

  /** How the viewer's connections engaged with a post in the window: how many, who last, whether by a comment. */
  private record Engagement(int connections, long lastAt, long lastBy, boolean lastIsComment) {}

  private Engagement engagement(long viewer, long post, Map<Long, Object[]> reacted, List<Comment> commented,
      long now, long[] members) {
    int engaged = 0;
    long lastAt = Long.MIN_VALUE;
    long lastBy = 0;
    boolean lastIsComment = false;
    for (long member : members) {
      if (member == viewer || !pair.apply(viewer, member).connected()) {
        continue;
      }
      Object[] reaction = reacted.get(member);
      long reactedAt = reaction == null ? Long.MIN_VALUE : (long) reaction[1];
      long commentedAt = commented.stream().filter(c -> c.post() == post && c.writer() == member)
          .mapToLong(Comment::at).max().orElse(Long.MIN_VALUE);
      long at = Math.max(reactedAt, commentedAt);
      if (at == Long.MIN_VALUE || at < now - policy.engagementWindow().toMillis() || at > now) {
        continue;
      }
      engaged++;
      if (at > lastAt || at == lastAt && member > lastBy) {
        lastAt = at;
        lastBy = member;
        lastIsComment = commentedAt != Long.MIN_VALUE && commentedAt >= reactedAt;
      }
    }
    return new Engagement(engaged, lastAt, lastBy, lastIsComment);
  }

  /**
   * P3 top as of {@code now}: the policy's number of newest posts of followed authors, and of the
   * other posts connections engaged with (deleted ones too, as the feed index remembers them) those
   * whose last engagement is at or after the same number's newest such time, the ones the viewer sees
   * (docs/decisions/0033-top-scores-the-posts-engaged-with-most-lately.md).
   */
  List<Item> top(long viewer, long now, long[] members) {
    List<Comment> allComments = new ArrayList<>(comments.values());
    List<Item> items = new ArrayList<>();
    java.util.Set<Long> followed = new java.util.HashSet<>();
    for (Post post : posts.values().stream().sorted(NEWEST)
        .filter(p -> sees(viewer, p) && relation(viewer, p.author()) != null).limit(policy.topCandidates()).toList()) {
      followed.add(post.id());
      FeedReason.Kind relation = relation(viewer, post.author());
      Engagement e = engagement(viewer, post.id(), reactions.getOrDefault(post.id(), Map.of()), allComments, now,
          members);
      items.add(new Item(post.id(), relation, 0, policy.score(relation, post.created(), now, e.connections())));
    }
    Map<Long, Engagement> others = new HashMap<>();
    for (Post post : posts.values()) {
      Engagement e = engagement(viewer, post.id(), reactions.getOrDefault(post.id(), Map.of()), allComments, now,
          members);
      if (!followed.contains(post.id()) && e.connections() > 0) {
        others.put(post.id(), e);
      }
    }
    List<Long> lastAts = new ArrayList<>(others.values().stream().map(Engagement::lastAt).toList());
    goneReactions.forEach((post, reacted) -> {
      Engagement e = engagement(viewer, post, reacted, goneComments, now, members);
      if (e.connections() > 0) {
        lastAts.add(e.lastAt());
      }
    });
    lastAts.sort(Comparator.reverseOrder());
    long cut = lastAts.size() > policy.topCandidates() ? lastAts.get(policy.topCandidates() - 1) : Long.MIN_VALUE;
    others.forEach((id, e) -> {
      Post post = posts.get(id);
      if (e.lastAt() >= cut && sees(viewer, post)) {
        FeedReason.Kind kind = e.lastIsComment() ? FeedReason.Kind.CONNECTION_COMMENTED
            : FeedReason.Kind.CONNECTION_REACTED;
        items.add(new Item(id, kind, e.lastBy(), policy.score(kind, post.created(), now, e.connections())));
      }
    });
    Map<Long, Post> byId = posts;
    items.sort(Comparator.comparingDouble(Item::score).reversed()
        .thenComparing(Comparator.comparingLong((Item i) -> byId.get(i.post()).created()).reversed())
        .thenComparing(Comparator.comparingLong(Item::post).reversed()));
    return items;
  }
}
