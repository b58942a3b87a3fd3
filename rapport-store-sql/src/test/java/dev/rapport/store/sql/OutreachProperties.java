package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.Policy;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.outreach.AnalyticsPeriod;
import dev.rapport.outreach.InvitationFigures;
import dev.rapport.outreach.OutreachAnalytics;
import dev.rapport.outreach.Prospect;
import dev.rapport.outreach.WeekGrowth;
import dev.rapport.problem.RapportException;
import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import dev.rapport.testing.seeded.SeededProperty;
import dev.rapport.time.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * X1 and X2 (acceptance 4 of issue 18): analytics and prospects equal a naive recount from the stored
 * history, the event log replayed in order ({@link OutreachRecount}), on random sequences of follows,
 * unfollows, invitations and their answers, connections removed, blocks, posts, reactions and
 * comments, with the dev clock standing still between some steps and advancing days between others.
 * On SQLite; {@code OutreachRulesContract} runs the same reads on PostgreSQL.
 */
class OutreachProperties {
  private static final int MEMBERS = 6;
  private static final Policy POLICY = Policy.defaults().withProspectWindow(Duration.ofDays(20));
  private static final Map<String, Integer> REACHED = new ConcurrentHashMap<>();

  /** Member {@code a} does {@code kind} about member {@code b}, invitation or post {@code n}; {@code check} compares. */
  record Step(int kind, int a, int b, int n, boolean check) {}

  static List<Step> steps(RandomGenerator random) {
    // One sequence in 20 is a single step (decision 0006); the others long enough for follows to age.
    int size = random.nextInt(20) == 0 ? 1 : random.nextInt(30, 120);
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      steps.add(new Step(random.nextInt(22), random.nextInt(MEMBERS), random.nextInt(MEMBERS), random.nextInt(64),
          random.nextInt(8) == 0));
    }
    return steps;
  }

  @Test
  void X1_X2_analyticsAndProspects_equalANaiveRecountOfTheLog() {
    REACHED.clear();
    SeededProperty property = SeededProperty.tries(25);
    property.forAll(OutreachProperties::steps, OutreachProperties::agree);
    if (!property.replaying()) {
      assertThat(REACHED).as("outcomes reached").containsKeys("warm", "cold", "accepted", "withdrawn",
          "followers lost", "connections lost", "prospects", "blocked", "refused");
    }
  }

  private static void agree(List<Step> steps) throws Exception {
    AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-06-03T08:00:00Z"));
    try (Store store = SqliteStore.open(TestDatabases.freshSqliteFile())) {
      Rapport rapport = Rapport.builder().store(store).clock(clock).policy(POLICY).build();
      long[] ids = new long[MEMBERS];
      for (int i = 0; i < MEMBERS; i++) {
        ids[i] = rapport.createMember(NewMember.person("member-" + i, "Member " + i)).member().id();
      }
      List<long[]> invitations = new ArrayList<>(); // id, sender, recipient
      List<long[]> posts = new ArrayList<>(); // id, author
      SeededProperty.eachStep(steps, step -> {
        act(rapport, clock, ids, invitations, posts, step);
        if (step.check()) {
          compare(rapport, store, ids, clock.instant(), 1 + step.n() % 30);
        }
      });
      compare(rapport, store, ids, clock.instant(), AnalyticsPeriod.MAX_WEEKS);
    }
  }

  private static void act(Rapport rapport, AdjustableClock clock, long[] ids, List<long[]> invitations,
      List<long[]> posts, Step step) {
    long a = ids[step.a()];
    long b = ids[step.b()];
    Handle hb = Handle.of("member-" + step.b());
    long[] invitation = invitations.isEmpty() ? null : invitations.get(step.n() % invitations.size());
    long[] post = posts.isEmpty() ? null : posts.get(step.n() % posts.size());
    try {
      switch (step.kind()) {
        case 0, 1, 2 -> rapport.follow(a, hb);
        case 3 -> rapport.unfollow(a, hb);
        case 4 -> rapport.removeFollower(a, hb);
        case 5, 6 -> {
          InvitationOutcome outcome = rapport.invitations().invite(a, new SendInvitation(hb, Optional.empty(), Optional.empty()));
          invitations.add(new long[] {outcome.invitation().id(), a, b});
        }
        case 7 -> {
          if (invitation != null) {
            rapport.invitations().accept(invitation[2], invitation[0]);
          }
        }
        case 8 -> {
          if (invitation != null) {
            rapport.invitations().ignore(invitation[2], invitation[0]);
          }
        }
        case 9 -> {
          if (invitation != null) {
            rapport.invitations().withdraw(invitation[1], invitation[0]);
          }
        }
        case 10 -> rapport.removeConnection(a, hb);
        case 11 -> rapport.block(a, hb);
        case 12 -> rapport.unblock(a, hb);
        case 13, 14 -> posts.add(new long[] {rapport.content().post(a, "Post", PostVisibility.ANYONE).post().id(), a});
        case 15, 16 -> {
          if (post != null) {
            rapport.content().react(a, post[0], ReactionKind.values()[step.n() % ReactionKind.values().length]);
          }
        }
        case 17 -> {
          if (post != null) {
            rapport.content().unreact(a, post[0]);
          }
        }
        case 18 -> {
          if (post != null) {
            rapport.content().comment(a, post[0], "Comment");
          }
        }
        case 19 -> {
          if (post != null) {
            rapport.content().delete(post[1], post[0]);
          }
        }
        // The clock: days, so that follows age past seven days and engagement leaves the window.
        case 20 -> clock.advance(Duration.ofDays(1 + step.n() % 9).plusHours(step.n()));
        default -> clock.advance(Duration.ofMinutes(step.n()));
      }
    } catch (RapportException refused) {
      REACHED.merge("refused", 1, Integer::sum);
    }
  }

  private static void compare(Rapport rapport, Store store, long[] ids, Instant now, int weeks) {
    OutreachRecount recount = OutreachRecount.of(allEvents(store), POLICY);
    AnalyticsPeriod period = new AnalyticsPeriod(weeks);
    for (long member : ids) {
      OutreachAnalytics analytics = rapport.outreach().analytics(member, period);
      InvitationFigures[] expected = recount.figures(member, period.start(now));
      assertThat(analytics.warm()).as("warm invitations of %d", member).isEqualTo(expected[0]);
      assertThat(analytics.cold()).as("cold invitations of %d", member).isEqualTo(expected[1]);
      List<WeekGrowth> growth = new ArrayList<>();
      for (LocalDate monday : period.mondays(now)) {
        growth.add(recount.growth(member, monday));
      }
      assertThat(analytics.growth()).as("growth of %d", member).isEqualTo(growth);
      assertThat(prospects(rapport, member, 1 + (int) (member % 3))).as("prospects of %d", member)
          .isEqualTo(recount.prospects(member, now));
      note(analytics, growth, recount, member, now);
    }
  }

  private static List<OutreachRecount.Expected> prospects(Rapport rapport, long viewer, int limit) {
    List<OutreachRecount.Expected> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<Prospect> page = rapport.outreach().prospects(viewer, new PageRequest(limit, cursor));
      page.items().forEach(p -> all.add(new OutreachRecount.Expected(p.member().id(), p.reactions(), p.comments(),
          p.lastEngagedAt(), p.followingSince())));
      cursor = page.next();
    } while (cursor.isPresent());
    return all;
  }

  private static List<Event> allEvents(Store store) {
    List<Event> events = new ArrayList<>();
    long after = 0;
    while (true) {
      List<Event> batch = store.eventsAfter(after, 10_000);
      if (batch.isEmpty()) {
        return events;
      }
      events.addAll(batch);
      after = batch.getLast().seq();
    }
  }

  private static void note(OutreachAnalytics analytics, List<WeekGrowth> growth, OutreachRecount recount, long member,
      Instant now) {
    if (analytics.warm().sent() > 0) {
      REACHED.merge("warm", 1, Integer::sum);
    }
    if (analytics.cold().sent() > 0) {
      REACHED.merge("cold", 1, Integer::sum);
    }
    if (analytics.all().accepted() > 0) {
      REACHED.merge("accepted", 1, Integer::sum);
    }
    if (analytics.all().withdrawn() > 0) {
      REACHED.merge("withdrawn", 1, Integer::sum);
    }
    if (growth.stream().anyMatch(w -> w.followersLost() > 0)) {
      REACHED.merge("followers lost", 1, Integer::sum);
    }
    if (growth.stream().anyMatch(w -> w.connectionsLost() > 0)) {
      REACHED.merge("connections lost", 1, Integer::sum);
    }
    if (!recount.prospects(member, now).isEmpty()) {
      REACHED.merge("prospects", 1, Integer::sum);
    }
    if (recount.blocksAny(member)) {
      REACHED.merge("blocked", 1, Integer::sum);
    }
  }

  static final Comparator<OutreachRecount.Expected> RANKING = Comparator
      .comparingInt((OutreachRecount.Expected e) -> e.reactions() + e.comments())
      .thenComparing(OutreachRecount.Expected::lastEngagedAt)
      .thenComparingLong(OutreachRecount.Expected::memberId).reversed();
}
