package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationGroupKey;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.notification.NotificationGroup;
import dev.rapport.notification.NotificationView;
import dev.rapport.problem.RapportException;
import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import dev.rapport.testing.seeded.SeededProperty;
import dev.rapport.time.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * NT1's grouping on random histories of follows, reactions, comments, endorsements, blocks, mutes,
 * marking read and days passing (decision 0006): every grouped page equals a naive grouping of the
 * member's stored notifications as the plain list gives them, and a walk through the pages while
 * notifications keep arriving between them shows every group that was there when it started once,
 * and no group twice. On SQLite; the contract runs the same reads on PostgreSQL.
 */
class NotificationGroupingProperties {
  private static final int MEMBERS = 5;
  private static final List<String> SKILLS = List.of("Java", "SQL");

  /** One step: member {@code a} does {@code kind} about member {@code b}; {@code n} picks a post, skill or time. */
  record Step(int kind, int a, int b, int n) {}

  /** A history, then the pages' size and what others do to member 0 between the pages of the walk. */
  record History(List<Step> before, int limit, List<Step> between) {}

  static History history(RandomGenerator random) {
    List<Step> between = steps(random, random.nextInt(4, 16), 5).stream()
        .map(s -> new Step(s.kind(), s.a() == 0 ? 1 : s.a(), 0, s.n())).toList();
    return new History(steps(random, random.nextInt(20) == 0 ? 1 : random.nextInt(20, 90), 12), random.nextInt(1, 5),
        between);
  }

  /** Steps of the first {@code kinds} kinds: the first five only add notifications. */
  private static List<Step> steps(RandomGenerator random, int size, int kinds) {
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      // Half the steps are about member 0, so that its groups interleave over many pages.
      int about = random.nextBoolean() ? 0 : random.nextInt(MEMBERS);
      steps.add(new Step(random.nextInt(kinds), random.nextInt(MEMBERS), about, random.nextInt(8)));
    }
    return steps;
  }

  /** What the tries reached, so that a run that never groups, pages or hides fails (decision 0006). */
  private static final Map<String, Integer> REACHED = new ConcurrentHashMap<>();

  @Test
  void NT1_NT2_groupedPages_equalANaiveGrouping_aWalkNeitherRepeatsNorSkips_andAGroupIsMarkedReadUpToAnId() {
    REACHED.clear();
    SeededProperty property = SeededProperty.tries(30);
    property.forAll(NotificationGroupingProperties::history, NotificationGroupingProperties::agree);
    if (!property.replaying()) {
      assertThat(REACHED).as("outcomes reached").containsKeys("a group of several", "a group over days",
          "several pages", "a group gained a member between pages", "hidden",
          "a group marked read past its first notification", "a notification of the group above upTo left unread");
    }
  }

  private static void agree(History history) throws Exception {
    AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-06-01T20:00:00Z"));
    try (Store store = SqliteStore.open(TestDatabases.freshSqliteFile())) {
      Rapport rapport = Rapport.builder().store(store).clock(clock).build();
      World world = World.create(rapport, clock);
      SeededProperty.eachStep(history.before(), step -> {
        world.act(step);
        for (int m = 0; m < MEMBERS; m++) {
          List<String> naive = naive(rapport, world.ids[m]);
          if (naive.size() > history.limit()) {
            REACHED.merge("several pages", 1, Integer::sum);
          }
          assertThat(walk(rapport, world.ids[m], history.limit())).as("m%d's groups by pages of %d", m,
              history.limit()).isEqualTo(naive);
        }
      });
      walkWhileArriving(rapport, world, history);
    }
  }

  /** Every page at once, joined. */
  private static List<String> walk(Rapport rapport, long member, int limit) {
    List<String> shown = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<NotificationGroup> page = rapport.notifications().groups(member, new PageRequest(limit, cursor));
      page.items().forEach(g -> shown.add(describe(g)));
      cursor = page.next();
    } while (cursor.isPresent());
    return shown;
  }

  /**
   * Member 0's pages read one by one with new notifications arriving before each: each page is the
   * naive grouping's groups below the cursor at the time it is read, and the walk shows each group
   * that was there at its start exactly once.
   */
  private static void walkWhileArriving(Rapport rapport, World world, History history) throws Exception {
    long member = world.ids[0];
    Set<Long> atStart = new HashSet<>(naive(rapport, member).stream().map(NotificationGroupingProperties::id).toList());
    List<Long> walked = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int next = 0;
    do {
      List<String> expected = naive(rapport, member).stream().filter(below(walked)).limit(history.limit()).toList();
      Page<NotificationGroup> page = rapport.notifications().groups(member, new PageRequest(history.limit(), cursor));
      assertThat(page.items().stream().map(NotificationGroupingProperties::describe).toList())
          .as("page %d of m0's groups", walked.size()).isEqualTo(expected);
      page.items().forEach(g -> walked.add(g.id()));
      cursor = page.next();
      if (cursor.isPresent() && next < history.between().size()) {
        int sizeBefore = sizeOfGroups(rapport, member);
        world.act(history.between().get(next++));
        if (sizeOfGroups(rapport, member) > sizeBefore) {
          REACHED.merge("a group gained a member between pages", 1, Integer::sum);
        }
      }
    } while (cursor.isPresent());
    assertThat(walked).as("no group twice").doesNotHaveDuplicates();
    assertThat(walked).as("every group there at the start").containsAll(atStart);
  }

  private static java.util.function.Predicate<String> below(List<Long> walked) {
    return group -> walked.isEmpty() || id(group) < walked.getLast();
  }

  private static int sizeOfGroups(Rapport rapport, long member) {
    return all(rapport, member).size() - naive(rapport, member).size();
  }

  /** The member's notifications as the plain list gives them, newest first. */
  private static List<NotificationView> all(Rapport rapport, long member) {
    List<NotificationView> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      var page = rapport.notifications().list(member, new PageRequest(200, cursor));
      all.addAll(page.items());
      cursor = page.next();
    } while (cursor.isPresent());
    return all;
  }

  /** The grouping as plainly as it can be said, over every stored notification the plain list shows. */
  private static List<String> naive(Rapport rapport, long member) {
    Map<List<Object>, List<Notification>> groups = new LinkedHashMap<>();
    Map<Long, String> handles = new HashMap<>();
    for (NotificationView view : all(rapport, member).reversed()) {
      Notification n = view.notification();
      handles.put(n.actorId(), view.actor().handle().value());
      List<Object> key = n.kind().grouped()
          ? List.of(n.kind(), n.refId(), n.about(), n.at().truncatedTo(ChronoUnit.DAYS))
          : List.of(n.id());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
    }
    return groups.values().stream().sorted(Comparator.comparingLong((List<Notification> g) -> g.getFirst().id())
        .reversed()).map(g -> {
          Set<Long> actors = new LinkedHashSet<>();
          g.reversed().forEach(n -> actors.add(n.actorId()));
          List<String> named = actors.stream().limit(2).map(handles::get).toList();
          if (actors.size() > 1) {
            REACHED.merge("a group of several", 1, Integer::sum);
          }
          return describe(g.getFirst().id(), g.getFirst().kind(), g.getFirst().refId(), g.getFirst().about(), named,
              actors.size() - named.size(), g.getLast().id(), g.getLast().at(),
              g.stream().allMatch(Notification::read));
        }).toList();
  }

  private static String describe(NotificationGroup g) {
    return describe(g.id(), g.kind(), g.refId(), g.about(), g.actors().stream().map(m -> m.handle().value()).toList(),
        g.othersCount(), g.latestId(), g.at(), g.read());
  }

  private static String describe(long id, NotificationKind kind, long ref, String about, List<String> actors,
      int others, long latestId, Instant at, boolean read) {
    return id + " " + kind + " ref=" + ref + " about=" + about + " by " + actors + " +" + others + " latest=" + latestId
        + " at=" + at + (read ? " read" : " unread");
  }

  private static long id(String described) {
    return Long.parseLong(described.substring(0, described.indexOf(' ')));
  }

  /**
   * NT2: marks a group read up to its latest id, or only its first when {@code whole} is false, as a
   * client that showed it before the others joined would, and checks the naive answer: exactly the
   * group's notifications up to that id became read (docs/decisions/0046-a-group-marked-read-by-its-first-id.md).
   */
  private static void markGroupRead(Rapport rapport, long member, NotificationGroup group, boolean whole) {
    long upTo = whole ? group.latestId() : group.id();
    List<Notification> before = all(rapport, member).stream().map(NotificationView::notification).toList();
    Notification first = before.stream().filter(n -> n.id() == group.id()).findFirst().orElseThrow();
    rapport.notifications().markGroupRead(member, group.id(), upTo);
    Map<Long, Boolean> expected = new HashMap<>();
    for (Notification n : before) {
      boolean covered = first.kind().grouped()
          ? NotificationGroupKey.of(n).equals(NotificationGroupKey.of(first)) && n.id() <= upTo
          : n.id() == first.id();
      expected.put(n.id(), n.read() || covered);
      if (covered && !n.read() && n.id() > group.id()) {
        REACHED.merge("a group marked read past its first notification", 1, Integer::sum);
      }
      if (!covered && !n.read() && NotificationGroupKey.of(n).equals(NotificationGroupKey.of(first))) {
        REACHED.merge("a notification of the group above upTo left unread", 1, Integer::sum);
      }
    }
    Map<Long, Boolean> after = new HashMap<>();
    all(rapport, member).forEach(v -> after.put(v.notification().id(), v.notification().read()));
    assertThat(after).as("m%d's notifications after marking group %d read up to %d", member, group.id(), upTo)
        .isEqualTo(expected);
  }

  /** Five members, each with two posts and two skills, connected in a ring so that neighbours endorse. */
  private record World(Rapport rapport, AdjustableClock clock, long[] ids, long[][] posts) {
    static World create(Rapport rapport, AdjustableClock clock) {
      long[] ids = new long[MEMBERS];
      long[][] posts = new long[MEMBERS][2];
      for (int m = 0; m < MEMBERS; m++) {
        ids[m] = rapport.createMember(NewMember.person("mem" + m, "Member " + m)).member().id();
        for (int p = 0; p < 2; p++) {
          posts[m][p] = rapport.content().post(ids[m], "post " + p, PostVisibility.ANYONE).post().id();
        }
        rapport.endorsements().setSkills(ids[m], SKILLS);
      }
      for (int m = 0; m < MEMBERS; m++) {
        var invitation = rapport.invitations().invite(ids[m], new dev.rapport.invitation.SendInvitation(handle((m + 1) % MEMBERS),
            Optional.empty(), Optional.empty())).invitation();
        rapport.invitations().accept(ids[(m + 1) % MEMBERS], invitation.id());
      }
      return new World(rapport, clock, ids, posts);
    }

    static Handle handle(int m) {
      return Handle.of("mem" + m);
    }

    void act(Step step) {
      clock.advance(Duration.ofMinutes(7));
      int a = step.a();
      int b = step.b();
      try {
        switch (step.kind()) {
          case 0 -> {
            rapport.unfollow(ids[a], handle(b));
            rapport.follow(ids[a], handle(b));
          }
          case 1, 2 -> {
            long post = posts[b][step.n() % 2];
            rapport.content().unreact(ids[a], post);
            rapport.content().react(ids[a], post, ReactionKind.LIKE);
          }
          case 3 -> rapport.content().comment(ids[a], posts[b][step.n() % 2], "comment " + step.n());
          case 4 -> {
            String skill = SKILLS.get(step.n() % 2);
            rapport.endorsements().unendorse(ids[a], handle(b), skill);
            rapport.endorsements().endorse(ids[a], handle(b), skill);
          }
          case 5 -> {
            // Hours to days pass, so that groups end with their day and a later one starts.
            clock.advance(Duration.ofHours(3L * step.n() + 1));
            REACHED.merge("a group over days", 1, Integer::sum);
          }
          case 6 -> {
            rapport.block(ids[a], handle(b));
            REACHED.merge("hidden", 1, Integer::sum);
          }
          case 7 -> rapport.unblock(ids[a], handle(b));
          case 8 -> rapport.notifications().mute(ids[a], step.n() < 4 ? Set.of()
              : Set.of(NotificationKind.values()[step.n() % NotificationKind.values().length]));
          case 9 -> rapport.notifications().markRead(ids[a], OptionalLong.empty());
          default -> {
            List<NotificationGroup> groups = rapport.notifications().groups(ids[a], PageRequest.first(10)).items();
            if (!groups.isEmpty()) {
              markGroupRead(rapport, ids[a], groups.get(step.n() % groups.size()), step.n() % 2 == 0);
            }
          }
        }
      } catch (RapportException e) {
        REACHED.merge("refused", 1, Integer::sum);
      }
    }
  }
}
