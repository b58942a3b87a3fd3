package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.kernel.EventType;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.NotificationKind;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * NT1 and NT2 on random sequences of follows, unfollows, blocks, unblocks, reactions, comments,
 * mutes, marking read and time passing (decision 0006): after every step, each member's list
 * (kinds and actors, newest first) and unread count equal a naive model's, which keeps every
 * notification and filters on read as the rules say (muted kinds, blocks either way); and every
 * notification is logged about its recipient once, for the live stream. On SQLite.
 */
class NotificationProperties {
  private static final int MEMBERS = 5;
  private static final NotificationKind[] MUTABLE = {NotificationKind.FOLLOWED, NotificationKind.REACTED,
      NotificationKind.COMMENTED};

  /** One step: member {@code a} does {@code kind} about member {@code b}; {@code n} picks a subset or a time. */
  record Step(int kind, int a, int b, int n) {}

  static List<Step> steps(RandomGenerator random) {
    // One sequence in 20 is a single step (decision 0006).
    int size = random.nextInt(20) == 0 ? 1 : random.nextInt(20, 80);
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      steps.add(new Step(random.nextInt(9), random.nextInt(MEMBERS), random.nextInt(MEMBERS), random.nextInt(8)));
    }
    return steps;
  }

  /** One notification as the model keeps it. */
  private static final class Notice {
    final int recipient;
    final NotificationKind kind;
    final int actor;
    boolean read;

    Notice(int recipient, NotificationKind kind, int actor) {
      this.recipient = recipient;
      this.kind = kind;
      this.actor = actor;
    }
  }

  /** The rules as plainly as they can be said. */
  private static final class Model {
    final List<Notice> notices = new ArrayList<>(); // oldest first
    final Set<List<Integer>> follows = new HashSet<>();
    final Set<List<Integer>> blocks = new HashSet<>();
    final Set<List<Integer>> reacted = new HashSet<>(); // (member, post's author)
    final Map<List<Integer>, Instant> followNoticed = new HashMap<>();
    final Map<Integer, Set<NotificationKind>> muted = new HashMap<>();

    boolean blockedEitherWay(int a, int b) {
      return blocks.contains(List.of(a, b)) || blocks.contains(List.of(b, a));
    }

    boolean shown(Notice n) {
      return !blockedEitherWay(n.recipient, n.actor) && !muted.getOrDefault(n.recipient, Set.of()).contains(n.kind);
    }

    List<String> list(int member) {
      return notices.reversed().stream().filter(n -> n.recipient == member && shown(n))
          .map(n -> n.kind + " by " + n.actor).toList();
    }

    int unread(int member) {
      return (int) notices.stream().filter(n -> n.recipient == member && shown(n) && !n.read).count();
    }
  }

  /** What the tries reached, so that a run that never notifies, hides or mutes fails (decision 0006). */
  private static final Map<String, Integer> REACHED = new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void NT1_NT2_listsAndUnreadCounts_equalANaiveModel_underRandomCommands() {
    REACHED.clear();
    SeededProperty property = SeededProperty.tries(40);
    property.forAll(NotificationProperties::steps, NotificationProperties::agree);
    if (!property.replaying()) {
      assertThat(REACHED).as("outcomes reached").containsKeys("followed", "reacted", "commented",
          "repeated follow within a day", "hidden by a block", "muted", "refused");
    }
  }

  private static void agree(List<Step> steps) throws Exception {
    AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-06-01T08:00:00Z"));
    try (Store store = SqliteStore.open(TestDatabases.freshSqliteFile())) {
      Rapport rapport = Rapport.builder().store(store).clock(clock).build();
      long[] ids = new long[MEMBERS];
      long[] posts = new long[MEMBERS];
      for (int m = 0; m < MEMBERS; m++) {
        ids[m] = rapport.createMember(NewMember.person("mem" + m, "Member " + m)).member().id();
        posts[m] = rapport.content().post(ids[m], "post of m" + m, PostVisibility.ANYONE).post().id();
      }
      Model model = new Model();
      SeededProperty.eachStep(steps, step -> {
        clock.advance(Duration.ofMinutes(1));
        act(rapport, model, ids, posts, step, clock);
        for (int m = 0; m < MEMBERS; m++) {
          List<String> listed = rapport.notifications().list(ids[m], PageRequest.first(200)).items().stream()
              .map(n -> n.notification().kind() + " by " + index(ids, n.notification().actorId())).toList();
          assertThat(listed).as("m%d's notifications", m).isEqualTo(model.list(m));
          assertThat(rapport.notifications().unread(ids[m])).as("m%d's unread count", m).isEqualTo(model.unread(m));
        }
        for (Notice n : model.notices) {
          if (!model.shown(n)) {
            REACHED.merge(model.blockedEitherWay(n.recipient, n.actor) ? "hidden by a block" : "muted", 1,
                Integer::sum);
          }
        }
      });
      long logged = store.eventsAfter(0, 100_000).stream().filter(e -> e.type() == EventType.NOTIFIED).count();
      assertThat(logged).as("one logged notice per notification").isEqualTo(model.notices.size());
    }
  }

  private static int index(long[] ids, long id) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    throw new AssertionError("unknown member " + id);
  }

  /** F1, F4, F7 and NT1's day: the follow notifies unless the same follow did within a day. */
  private static void follow(Rapport rapport, Model model, long[] ids, int a, int b, Instant now) {
    rapport.follow(ids[a], Handle.of("mem" + b));
    if (model.follows.add(List.of(a, b))) {
      Instant last = model.followNoticed.get(List.of(a, b));
      if (last == null || !last.plus(Duration.ofDays(1)).isAfter(now)) {
        model.notices.add(new Notice(b, NotificationKind.FOLLOWED, a));
        model.followNoticed.put(List.of(a, b), now);
        REACHED.merge("followed", 1, Integer::sum);
      } else {
        REACHED.merge("repeated follow within a day", 1, Integer::sum);
      }
    }
  }

  private static void act(Rapport rapport, Model model, long[] ids, long[] posts, Step step, AdjustableClock clock) {
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    int a = step.a();
    int b = step.b();
    Handle other = Handle.of("mem" + b);
    try {
      switch (step.kind()) {
        case 0, 1 -> follow(rapport, model, ids, a, b, now);
        case 2 -> {
          rapport.unfollow(ids[a], other);
          model.follows.remove(List.of(a, b));
          if (step.n() % 2 == 1) {
            // Following again at once: a follow repeated within the day (NT1).
            follow(rapport, model, ids, a, b, now);
          }
        }
        case 3 -> {
          rapport.block(ids[a], other);
          model.blocks.add(List.of(a, b));
          model.follows.remove(List.of(a, b));
          model.follows.remove(List.of(b, a));
        }
        case 4 -> {
          rapport.unblock(ids[a], other);
          model.blocks.remove(List.of(a, b));
        }
        case 5 -> {
          rapport.content().react(ids[a], posts[b], ReactionKind.values()[step.n() % 6]);
          if (model.reacted.add(List.of(a, b)) && a != b) {
            model.notices.add(new Notice(b, NotificationKind.REACTED, a));
            REACHED.merge("reacted", 1, Integer::sum);
          }
        }
        case 6 -> {
          rapport.content().comment(ids[a], posts[b], "comment " + step.n());
          if (a != b) {
            model.notices.add(new Notice(b, NotificationKind.COMMENTED, a));
            REACHED.merge("commented", 1, Integer::sum);
          }
        }
        case 7 -> {
          Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
          for (int k = 0; k < MUTABLE.length; k++) {
            if ((step.n() & (1 << k)) != 0 && step.n() > 4) {
              muted.add(MUTABLE[k]);
            }
          }
          rapport.notifications().mute(ids[a], muted);
          model.muted.put(a, muted);
        }
        default -> {
          if (step.n() < 4) {
            rapport.notifications().markRead(ids[a], OptionalLong.empty());
            model.notices.stream().filter(n -> n.recipient == a).forEach(n -> n.read = true);
          } else {
            // Time passes: 20 to 26 hours, so that a later follow notifies again or not (NT1); rarely
            // enough that a follow is often repeated within the day.
            clock.advance(Duration.ofHours(20L + 2L * (step.n() - 4)));
          }
        }
      }
    } catch (RapportException e) {
      REACHED.merge("refused", 1, Integer::sum);
    }
  }
}
