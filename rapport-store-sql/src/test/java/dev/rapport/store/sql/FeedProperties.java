package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.content.PostView;
import dev.rapport.feed.FeedItem;
import dev.rapport.feed.FeedOrder;
import dev.rapport.feed.FeedPolicy;
import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.problem.RapportException;
import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import dev.rapport.testing.seeded.SeededProperty;
import dev.rapport.time.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * P3 (acceptance 2 of issue 17): both feed orders equal {@link ContentReference}'s on random sequences of
 * follows, connections, blocks, posts, edits, deletions, reactions and comments, page by page, with
 * commands run between the pages of one reading: no duplicate, no gap. The same sequences check P4's
 * counts and who may react and comment (P2, B2). On SQLite; the feed index is the same on PostgreSQL.
 */
class FeedProperties {
  private static final int MEMBERS = 6;
  /** The last member is a company page: followed, never connected; it posts. */
  private static final int PAGE = MEMBERS - 1;
  private static final FeedPolicy POLICY = new FeedPolicy(Duration.ofMinutes(30), 1_000, 10_000, Duration.ofHours(1),
      0.8, 1.0, 0.7, 0.8, 0.6, 100_000);

  /** One step: member {@code a} does {@code kind} about member {@code b} or post {@code n}; {@code read} > 0 reads a page. */
  record Step(int kind, int a, int b, int n, int read) {}

  static List<Step> steps(RandomGenerator random) {
    // One sequence in 20 is a single step (decision 0006); the others are long enough for pages to run past each other.
    int size = random.nextInt(20) == 0 ? 1 : random.nextInt(20, 100);
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      // Half the steps connect, post, react or comment, so that feeds fill and connections engage.
      int kind = random.nextBoolean() ? random.nextInt(14) : new int[] {3, 6, 7, 10, 11, 13, 13}[random.nextInt(7)];
      steps.add(new Step(kind, random.nextInt(MEMBERS), random.nextInt(MEMBERS), random.nextInt(64),
          random.nextInt(3) == 0 ? random.nextInt(1, 5) : 0));
    }
    return steps;
  }

  /** What the tries reached, so that a run that never pages, engages or refuses fails (decision 0006). */
  private static final Map<String, Integer> REACHED = new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void P3_bothFeedOrders_equalTheReference_acrossPages_asPostsComeAndGo() {
    REACHED.clear();
    SeededProperty property = SeededProperty.tries(30);
    property.forAll(FeedProperties::steps, FeedProperties::feedsAgree);
    if (!property.replaying()) {
      assertThat(REACHED).as("outcomes reached").containsKeys("recent page after the first", "top page after the first",
          "connection-reacted", "connection-commented", "refused", "connections post", "page");
    }
  }

  /** A reading of one member's feed in one order, a page at a time between other steps. */
  private static final class Reading {
    final long viewer;
    final FeedOrder order;
    final int limit;
    Optional<String> cursor = Optional.empty();
    final Set<Long> shown = new HashSet<>();
    /** For top: the ranking as of the first page, and how far the pages went in it. */
    List<ContentReference.Item> ranking;
    int position;
    long lastCreated = Long.MAX_VALUE;
    long lastId = Long.MAX_VALUE;
    boolean done;

    Reading(long viewer, FeedOrder order, int limit) {
      this.viewer = viewer;
      this.order = order;
      this.limit = limit;
    }
  }

  private static void feedsAgree(List<Step> steps) throws Exception {
    AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-06-01T08:00:00Z"));
    try (Store store = SqliteStore.open(TestDatabases.freshSqliteFile())) {
      Rapport rapport = Rapport.builder().store(store).clock(clock).feedPolicy(POLICY).build();
      long[] ids = new long[MEMBERS];
      Map<Long, Boolean> companies = new HashMap<>();
      for (int i = 0; i < MEMBERS; i++) {
        MemberKind kind = i == PAGE ? MemberKind.COMPANY : MemberKind.PERSON;
        ids[i] = rapport.createMember(new NewMember(Handle.of("member-" + i), kind, "Member " + i, "",
            Optional.empty(), Optional.empty())).member().id();
        companies.put(ids[i], i == PAGE);
      }
      ContentReference reference = new ContentReference(store::pair, companies, POLICY);
      List<Long> postIds = new ArrayList<>();
      List<Reading> readings = new ArrayList<>();
      SeededProperty.eachStep(steps, step -> {
        clock.advance(Duration.ofSeconds(1 + step.n() % 3 * 60L));
        act(rapport, reference, ids, postIds, step, clock.millis());
        if (step.read() > 0) {
          Reading reading = readings.stream().filter(r -> !r.done && r.viewer == ids[step.a()]).findFirst()
              .orElse(null);
          if (reading == null) {
            reading = new Reading(ids[step.a()], step.n() % 2 == 0 ? FeedOrder.RECENT : FeedOrder.TOP, step.read());
            readings.add(reading);
          }
          readPage(rapport, reference, ids, reading, clock.millis());
        }
      });
    }
  }

  private static void act(Rapport rapport, ContentReference reference, long[] ids, List<Long> postIds, Step step,
      long now) {
    long a = ids[step.a()];
    long b = ids[step.b()];
    Handle hb = Handle.of("member-" + step.b());
    Long post = postIds.isEmpty() ? null : postIds.get(step.n() % postIds.size());
    ContentReference.Post known = post == null ? null : reference.posts.get(post);
    try {
      switch (step.kind()) {
        case 0, 1 -> rapport.follow(a, hb);
        case 2 -> rapport.unfollow(a, hb);
        case 3 -> {
          InvitationOutcome outcome = rapport.invitations().invite(a, new SendInvitation(hb, Optional.empty(), Optional.empty()));
          if (outcome instanceof InvitationOutcome.Sent) {
            rapport.invitations().accept(b, outcome.invitation().id());
          }
        }
        case 4 -> rapport.removeConnection(a, hb);
        case 5 -> {
          if (step.n() % 4 == 0) {
            rapport.unblock(a, hb);
          } else if (step.n() % 4 == 1) {
            rapport.block(a, hb);
          }
        }
        case 6, 7 -> {
          PostVisibility visibility = step.n() % 3 == 0 ? PostVisibility.CONNECTIONS : PostVisibility.ANYONE;
          PostView made = rapport.content().post(a, "Post " + step.n(), visibility);
          postIds.add(made.post().id());
          reference.posts.put(made.post().id(), new ContentReference.Post(made.post().id(), a, visibility, now));
        }
        case 8 -> {
          if (post != null) {
            checkRefusal(known != null && known.author() == a, () -> rapport.content().edit(a, post, "Edited"));
          }
        }
        case 9 -> {
          if (post != null) {
            checkRefusal(known != null && known.author() == a, () -> rapport.content().delete(a, post));
            if (known != null && known.author() == a) {
              reference.delete(post);
            }
          }
        }
        case 10, 11 -> {
          if (post != null) {
            ReactionKind kind = ReactionKind.values()[step.b()];
            boolean visible = known != null && reference.sees(a, known);
            Object[] before = visible ? reference.reactions.getOrDefault(post, Map.of()).get(a) : null;
            checkRefusal(visible, () -> rapport.content().react(a, post, kind));
            if (visible && (before == null || before[0] != kind)) {
              reference.react(post, a, kind, now);
            }
          }
        }
        case 12 -> {
          if (post != null) {
            boolean visible = known != null && reference.sees(a, known);
            checkRefusal(visible, () -> rapport.content().unreact(a, post));
            if (visible) {
              reference.unreact(post, a);
            }
          }
        }
        default -> {
          if (post != null) {
            boolean visible = known != null && reference.sees(a, known);
            List<ContentReference.Comment> theirs = reference.comments.values().stream()
                .filter(c -> c.post() == post).toList();
            if (step.b() % 2 == 0 || theirs.isEmpty()) {
              long[] made = new long[1];
              checkRefusal(visible, () -> made[0] = rapport.content().comment(a, post, "Comment").comment().id());
              if (visible) {
                reference.comments.put(made[0], new ContentReference.Comment(made[0], post, a, now));
              }
            } else {
              ContentReference.Comment comment = theirs.get(step.n() % theirs.size());
              boolean may = visible && (comment.writer() == a || known.author() == a);
              checkRefusal(may, () -> rapport.content().deleteComment(a, post, comment.id()));
              if (may) {
                reference.comments.remove(comment.id());
              }
            }
          }
        }
      }
    } catch (RapportException refusedByGraphRules) {
      // Follows, invitations and blocks the rules refuse change nothing; the reference reads their state from the store.
    }
  }

  /** Runs a command on a post that the reference expects to succeed, or to be refused. */
  private static void checkRefusal(boolean expected, Runnable command) {
    try {
      command.run();
      assertThat(expected).as("the engine took a command on a post the reference refuses").isTrue();
    } catch (RapportException e) {
      assertThat(expected).as("the engine refused a command on a post the reference takes: " + e.type()).isFalse();
      REACHED.merge("refused", 1, Integer::sum);
      assertThat(e.type()).isIn("post-not-found", "not-post-author", "not-comment-writer", "comment-not-found");
    }
  }

  /** The wire name of a reason: {@code CONNECTION_REACTED} is {@code connection-reacted}. */
  private static final class Representations {
    static String wire(Enum<?> value) {
      return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private static void readPage(Rapport rapport, ContentReference reference, long[] ids, Reading reading, long now) {
    Page<FeedItem> page = rapport.content().feed(reading.viewer, reading.order,
        new PageRequest(reading.limit, reading.cursor));
    List<ContentReference.Item> expected;
    if (reading.order == FeedOrder.RECENT) {
      expected = reference.recent(reading.viewer).stream().filter(i -> {
        ContentReference.Post p = reference.posts.get(i.post());
        return p.created() < reading.lastCreated || p.created() == reading.lastCreated && p.id() < reading.lastId;
      }).limit(reading.limit).toList();
    } else {
      if (reading.ranking == null) {
        reading.ranking = reference.top(reading.viewer, now, ids);
      }
      expected = new ArrayList<>();
      int at = reading.position;
      while (expected.size() < reading.limit && at < reading.ranking.size()) {
        ContentReference.Item item = reading.ranking.get(at++);
        ContentReference.Post p = reference.posts.get(item.post());
        if (p != null && reference.sees(reading.viewer, p)) {
          // B2: a ranking kept from the first page no longer names a connection blocked since.
          expected.add(item.by() != 0 && reference.hidden(reading.viewer, item.by())
              ? new ContentReference.Item(item.post(), item.reason(), 0, item.score()) : item);
          reading.position = at;
        }
      }
      if (expected.size() < reading.limit) {
        reading.position = reading.ranking.size();
      }
    }
    List<ContentReference.Item> actual = page.items().stream().map(i -> new ContentReference.Item(
        i.post().post().id(), i.reason(), i.by().map(m -> m.id()).orElse(0L),
        i.score().isPresent() ? i.score().getAsDouble() : Double.NaN)).toList();
    assertThat(actual).as("page of %s for %d", reading.order, reading.viewer).isEqualTo(expected);
    if (reading.cursor.isPresent() && !actual.isEmpty()) {
      REACHED.merge(reading.order == FeedOrder.RECENT ? "recent page after the first" : "top page after the first", 1,
          Integer::sum);
    }
    for (ContentReference.Item item : actual) {
      REACHED.merge(Representations.wire(item.reason()), 1, Integer::sum);
      if (reference.posts.get(item.post()).visibility() == PostVisibility.CONNECTIONS) {
        REACHED.merge("connections post", 1, Integer::sum);
      }
    }
    for (FeedItem item : page.items()) {
      long id = item.post().post().id();
      assertThat(reading.shown.add(id)).as("shown once: " + id).isTrue();
      int[] counts = reference.counts(reading.viewer, id);
      assertThat(new int[] {item.post().post().counts().reactionTotal(), item.post().post().counts().comments()})
          .as("counts of " + id).containsExactly(counts);
    }
    if (!page.items().isEmpty()) {
      ContentReference.Post last = reference.posts.get(page.items().getLast().post().post().id());
      reading.lastCreated = last.created();
      reading.lastId = last.id();
    }
    reading.cursor = page.next();
    reading.done = page.next().isEmpty();
  }
}
