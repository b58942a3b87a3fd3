package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.PairTies;
import dev.rapport.kernel.Usage;
import dev.rapport.member.NewMember;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.MemberPair;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Restriction;
import dev.rapport.model.Settings;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.network.Network;
import dev.rapport.network.NetworkReads;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RapportException;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.MemberTies;
import dev.rapport.store.SavedIndex;
import dev.rapport.store.Store;
import dev.rapport.store.StoreUnavailableException;
import dev.rapport.store.TokenGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The store SPI as the SQL backends keep it, exercised directly (no rules in between): commit and
 * conflict semantics, every read, paging, durability and migrations. Each backend runs it by
 * extending it.
 */
abstract class StoreContract {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  /** A new, empty database, named as {@link #open} and {@link #execute} understand. */
  protected abstract String freshDatabase();

  protected abstract Store open(String database);

  /** Runs SQL on the database behind the store's back (to damage or inspect it). */
  protected abstract void execute(String database, String sql);

  /**
   * Whether a load of the connections reflects exactly the events up to the position it gives,
   * not also some after it (true of SQLite's one writer; on PostgreSQL a snapshot may already see a
   * transaction committed after an older one still running).
   */
  protected boolean loadsExactlyAtTheirPosition() {
    return false;
  }

  private String database;
  private Store store;
  private long nextId = 1_000;

  @BeforeEach
  void openFreshStore() {
    database = freshDatabase();
    store = open(database);
  }

  /** Closing twice is harmless, so tests that close the store themselves need not reopen it. */
  @AfterEach
  void closeStore() {
    store.close();
  }

  // ---- fixtures ------------------------------------------------------------------------------

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private Member person(String handle) {
    return person(nextId++, handle);
  }

  private static Member person(long id, String handle) {
    return new Member(id, Handle.of(handle), MemberKind.PERSON, "Name of " + handle, "headline",
        Optional.of(handle + "@example.com"), "basic", T0, Settings.DEFAULTS, 0, 0);
  }

  private Member add(String handle) {
    return add(person(handle));
  }

  private Member add(Member member) {
    applied(Map.of(), List.of(new Change.AddMember(member)), event(EventType.MEMBER_CREATED, member.id(), 0));
    return member;
  }

  private static Event event(EventType type, long actor, long subject) {
    return new Event(0, type, T0, actor, subject, 0);
  }

  private CommitOutcome commit(Map<Long, Long> versions, List<Change> changes, Event... events) {
    return store.commit(new Commit(versions, changes, List.of(events)));
  }

  private long applied(Map<Long, Long> versions, List<Change> changes, Event... events) {
    CommitOutcome outcome = commit(versions, changes, events);
    assertThat(outcome).isInstanceOf(CommitOutcome.Applied.class);
    return ((CommitOutcome.Applied) outcome).lastSeq();
  }

  private void apply(Change... changes) {
    applied(Map.of(), List.of(changes));
  }

  private long version(Member member) {
    return store.member(member.id()).orElseThrow().version();
  }

  private long invitationId = 50_000;

  private Invitation invitation(Member from, Member to, InvitationState state, Instant sentAt) {
    return new Invitation(invitationId++, from.id(), to.id(), state, Optional.empty(), sentAt, sentAt,
        Optional.empty());
  }

  private static List<String> handles(Page<Member> page) {
    return page.items().stream().map(m -> m.handle().value()).toList();
  }

  private static <T> List<List<T>> allPages(Function<PageRequest, Page<T>> list, int limit) {
    List<List<T>> pages = new ArrayList<>();
    PageRequest request = PageRequest.first(limit);
    while (true) {
      Page<T> page = list.apply(request);
      pages.add(page.items());
      if (page.next().isEmpty()) {
        return pages;
      }
      request = new PageRequest(limit, page.next());
    }
  }

  // ---- commit --------------------------------------------------------------------------------

  @Nested
  class Commits {
    @Test
    void commit_appliesChangesAndAppendsEvents_returningTheLastPosition() {
      Member ada = person("ada");
      Member bob = person("bob");
      long lastSeq = applied(Map.of(), List.of(new Change.AddMember(ada), new Change.AddMember(bob)),
          event(EventType.MEMBER_CREATED, ada.id(), 0), event(EventType.MEMBER_CREATED, bob.id(), 0));
      assertThat(store.member(ada.id())).contains(ada);
      assertThat(store.member(bob.handle())).contains(bob);
      List<Event> log = store.eventsAfter(0, 10);
      assertThat(log).extracting(Event::actorId).containsExactly(ada.id(), bob.id());
      assertThat(log.get(1).seq()).isEqualTo(lastSeq).isGreaterThan(log.get(0).seq());
      assertThat(log.get(0)).isEqualTo(new Event(log.get(0).seq(), EventType.MEMBER_CREATED, T0, ada.id(), 0, 0));
    }

    @Test
    void commit_withoutEvents_answersTheCurrentLastPosition() {
      Member ada = add("ada");
      long last = store.eventsAfter(0, 10).getLast().seq();
      assertThat(applied(Map.of(ada.id(), 0L), List.of())).isEqualTo(last);
    }

    @Test
    void commit_bumpsEveryExpectedVersionByOne() {
      Member ada = add("ada");
      Member bob = add("bob");
      applied(Map.of(ada.id(), 0L, bob.id(), 0L), List.of(new Change.AddFollow(ada.id(), bob.id(), T0)),
          event(EventType.FOLLOWED, ada.id(), bob.id()));
      applied(Map.of(ada.id(), 1L), List.of());
      assertThat(version(ada)).isEqualTo(2);
      assertThat(version(bob)).isEqualTo(1);
    }

    @Test
    void commit_withAMovedVersion_isAConflict_andAppliesNothing() {
      Member ada = add("ada");
      Member bob = add("bob");
      applied(Map.of(bob.id(), 0L), List.of());
      int events = store.eventsAfter(0, 100).size();
      CommitOutcome outcome = commit(Map.of(ada.id(), 0L, bob.id(), 0L),
          List.of(new Change.AddFollow(ada.id(), bob.id(), T0)), event(EventType.FOLLOWED, ada.id(), bob.id()));
      assertThat(outcome).isInstanceOf(CommitOutcome.Conflict.class);
      assertThat(version(ada)).isZero();
      assertThat(version(bob)).isEqualTo(1);
      assertThat(store.followingCount(ada.id())).isZero();
      assertThat(store.eventsAfter(0, 100)).hasSize(events);
    }

    /**
     * Concurrent commits share batches on some backends; one that fails part way must not take the
     * others with it, nor apply any of them twice.
     */
    @Test
    void conflictingCommits_amongConcurrentOnes_leaveTheOthersAppliedExactlyOnce() throws Exception {
      Member star = add("star");
      List<Member> fans = IntStream.range(0, 64).mapToObj(i -> add("fan" + i)).toList();
      Member last = add("last"); // the highest id, so its version is checked after the fan's
      int eventsBefore = store.eventsAfter(0, 1_000).size();
      try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
        List<Future<CommitOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < fans.size(); i++) {
          Member fan = fans.get(i);
          // Every other commit expects a version that never was, checked after the fan's was bumped.
          Map<Long, Long> versions = i % 2 == 0 ? Map.of(fan.id(), 0L, last.id(), -1L) : Map.of(fan.id(), 0L);
          outcomes.add(threads.submit(() -> commit(versions, List.of(new Change.AddFollow(fan.id(), star.id(), T0)),
              event(EventType.FOLLOWED, fan.id(), star.id()))));
        }
        for (int i = 0; i < outcomes.size(); i++) {
          assertThat(outcomes.get(i).get()).isInstanceOf(i % 2 == 0 ? CommitOutcome.Conflict.class : CommitOutcome.Applied.class);
        }
      }
      assertThat(store.followerCount(star.id(), false)).isEqualTo(32);
      assertThat(store.eventsAfter(0, 1_000)).hasSize(eventsBefore + 32);
      for (int i = 0; i < fans.size(); i++) {
        assertThat(version(fans.get(i))).as("fan %d", i).isEqualTo(i % 2 == 0 ? 0 : 1);
      }
      assertThat(version(star)).isZero();
      assertThat(version(last)).isZero();
    }

    @Test
    void commit_expectingAnUnknownMember_isAConflict() {
      Member ada = add("ada");
      assertThat(commit(Map.of(ada.id(), 0L, 999_999L, 0L), List.of(new Change.AddRefusal(ada.id(), T0))))
          .isInstanceOf(CommitOutcome.Conflict.class);
      assertThat(version(ada)).isZero();
    }

    @Test
    void M1_duplicateHandle_isAConflict_andNothingOfTheCommitApplies() {
      Member ada = add("ada");
      Member bob = person("bob");
      Member otherAda = person("ada");
      CommitOutcome outcome = commit(Map.of(ada.id(), 0L),
          List.of(new Change.AddMember(bob), new Change.AddMember(otherAda)),
          event(EventType.MEMBER_CREATED, bob.id(), 0));
      assertThat(outcome).isInstanceOf(CommitOutcome.Conflict.class);
      assertThat(store.member(bob.id())).isEmpty();
      assertThat(version(ada)).isZero();
      assertThat(store.eventsAfter(0, 100)).hasSize(1);
    }

    @Test
    void duplicateId_isAConflict() {
      Member ada = add("ada");
      Notification first = new Notification(7, ada.id(), NotificationKind.FOLLOWED, ada.id(), 0, T0, false);
      apply(new Change.AddNotification(first));
      assertThat(commit(Map.of(), List.of(new Change.AddNotification(first)))).isInstanceOf(CommitOutcome.Conflict.class);
      Member sameId = new Member(ada.id(), Handle.of("other"), MemberKind.PERSON, "Other", "", Optional.empty(),
          "basic", T0, Settings.DEFAULTS, 0, 0);
      assertThat(commit(Map.of(), List.of(new Change.AddMember(sameId)))).isInstanceOf(CommitOutcome.Conflict.class);
    }

    @Test
    void C1_aSecondOpenInvitationForAPair_isAConflict_inEitherDirection() {
      Member ada = add("ada");
      Member bob = add("bob");
      Invitation first = invitation(ada, bob, InvitationState.PENDING, at(0));
      apply(new Change.AddInvitation(first));
      assertThat(commit(Map.of(), List.of(new Change.AddInvitation(invitation(ada, bob, InvitationState.PENDING, at(1))))))
          .isInstanceOf(CommitOutcome.Conflict.class);
      apply(new Change.UpdateInvitation(first.withState(InvitationState.IGNORED, at(2))));
      assertThat(commit(Map.of(), List.of(new Change.AddInvitation(invitation(bob, ada, InvitationState.PENDING, at(3))))))
          .isInstanceOf(CommitOutcome.Conflict.class);

      apply(new Change.UpdateInvitation(first.withState(InvitationState.WITHDRAWN, at(4))));
      apply(new Change.AddInvitation(invitation(bob, ada, InvitationState.PENDING, at(5))));
      assertThat(store.pair(ada.id(), bob.id()).openInvitation()).map(Invitation::senderId).contains(bob.id());
    }

    @Test
    void F4_addFollow_isIdempotent_andKeepsTheOriginalTime() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      apply(new Change.AddFollow(ada.id(), cyd.id(), at(1)));
      apply(new Change.AddFollow(bob.id(), cyd.id(), at(2)));
      apply(new Change.AddFollow(ada.id(), cyd.id(), at(3)));
      assertThat(handles(store.followers(cyd.id(), false, cyd.id(), PageRequest.first()))).containsExactly("bob", "ada");
      assertThat(store.followerCount(cyd.id(), false)).isEqualTo(2);
    }

    @Test
    void connections_areStoredBothWays_andKeepBothCounts() {
      Member ada = add("ada");
      Member bob = add("bob");
      apply(new Change.AddConnection(ada.id(), bob.id(), T0));
      apply(new Change.AddConnection(ada.id(), bob.id(), T0));
      assertThat(store.member(ada.id()).orElseThrow().connectionCount()).isEqualTo(1);
      assertThat(store.member(bob.id()).orElseThrow().connectionCount()).isEqualTo(1);
      assertThat(handles(store.connections(bob.id(), false, bob.id(), PageRequest.first()))).containsExactly("ada");
      assertThat(store.pair(bob.id(), ada.id()).connected()).isTrue();

      apply(new Change.RemoveConnection(bob.id(), ada.id()));
      apply(new Change.RemoveConnection(bob.id(), ada.id()));
      assertThat(store.member(ada.id()).orElseThrow().connectionCount()).isZero();
      assertThat(store.member(bob.id()).orElseThrow().connectionCount()).isZero();
      assertThat(store.pair(ada.id(), bob.id()).connected()).isFalse();
    }

    @Test
    void M3_updateMember_changesNameHeadlineAndSettings_only() {
      Member ada = add("ada");
      Settings settings = new Settings(true, WhoCanFollow.CONNECTIONS, WhoCanInvite.EMAIL,
          ConnectionsVisibility.ONLY_ME, true, FollowsVisibility.CONNECTIONS);
      Member changed = new Member(ada.id(), Handle.of("renamed"), MemberKind.COMPANY, "Ada L.", "Engines",
          Optional.of("x@example.com"), "premium", at(9), settings, 42, 7);
      apply(new Change.UpdateMember(changed));
      assertThat(store.member(ada.id())).contains(ada.withProfile("Ada L.", "Engines", settings));
    }

    @Test
    void blocksRefusalsRestrictionsAndTokens_areStored() {
      Member ada = add("ada");
      Member bob = add("bob");
      apply(new Change.AddBlock(ada.id(), bob.id(), T0), new Change.AddBlock(ada.id(), bob.id(), at(1)),
          new Change.AddToken("hash", ada.id(), at(60)), new Change.AddRefusal(ada.id(), at(2)),
          new Change.AddRestriction(new Restriction(ada.id(), Restriction.REPORTED, at(3), at(4))));
      assertThat(store.pair(ada.id(), bob.id()).actorBlockedOther()).isTrue();
      assertThat(store.token("hash")).contains(new TokenGrant(ada.id(), at(60)));
      Usage usage = store.usage(ada.id(), new Usage.Windows(T0, T0, T0, T0));
      assertThat(usage.refusals()).containsExactly(at(2));
      assertThat(usage.restrictionCount()).isEqualTo(1);
      apply(new Change.RemoveBlock(ada.id(), bob.id()));
      assertThat(store.pair(ada.id(), bob.id()).actorBlockedOther()).isFalse();
    }

    @Test
    void updateOfAnUnknownInvitation_isAConflict() {
      Member ada = add("ada");
      Member bob = add("bob");
      assertThat(commit(Map.of(), List.of(new Change.UpdateInvitation(invitation(ada, bob, InvitationState.IGNORED, T0)))))
          .isInstanceOf(CommitOutcome.Conflict.class);
    }

    /**
     * An import's commit: long runs of one kind of change, which a backend may write many rows at a
     * time, with changes it must skip (a connection or follow already there, one given twice).
     */
    @Test
    void aLargeCommit_ofLongRunsOfOneKind_appliesLikeOneChangeAtATime() {
      Member old = add("old");
      Member linked = add("linked");
      apply(new Change.AddConnection(old.id(), linked.id(), at(1)), new Change.AddFollow(old.id(), linked.id(), at(1)));
      long before = store.eventsAfter(0, 100).getLast().seq();

      List<Member> bulk = IntStream.range(0, 200).mapToObj(i -> person("bulk-" + i)).toList();
      List<Change> changes = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      for (Member member : bulk) {
        changes.add(new Change.AddMember(member));
        events.add(event(EventType.MEMBER_CREATED, member.id(), 0));
      }
      Map<Long, Set<Long>> neighbours = new HashMap<>();
      List<long[]> pairs = new ArrayList<>();
      for (int i = 0; i < bulk.size(); i++) {
        pairs.add(new long[] {bulk.get(i).id(), bulk.get((i + 1) % bulk.size()).id()});
        pairs.add(new long[] {bulk.get((i + 7) % bulk.size()).id(), bulk.get(i).id()});
      }
      pairs.add(new long[] {bulk.get(1).id(), bulk.get(0).id()}); // given twice, the other way round
      pairs.add(new long[] {linked.id(), old.id()}); // connected already
      pairs.add(new long[] {old.id(), bulk.get(5).id()});
      for (long[] pair : pairs) {
        changes.add(new Change.AddConnection(pair[0], pair[1], at(2)));
        events.add(event(EventType.CONNECTED, pair[0], pair[1]));
        neighbours.computeIfAbsent(pair[0], _ -> new TreeSet<>()).add(pair[1]);
        neighbours.computeIfAbsent(pair[1], _ -> new TreeSet<>()).add(pair[0]);
      }
      for (long[] pair : pairs) {
        changes.add(new Change.AddFollow(pair[0], pair[1], at(2)));
        changes.add(new Change.AddFollow(pair[1], pair[0], at(2)));
        events.add(event(EventType.FOLLOWED, pair[0], pair[1]));
        events.add(event(EventType.FOLLOWED, pair[1], pair[0]));
      }
      long lastSeq = applied(Map.of(), changes, events.toArray(Event[]::new));

      for (Member member : bulk) {
        Member stored = store.member(member.id()).orElseThrow();
        assertThat(stored.connectionCount()).as(member.handle().value()).isEqualTo(neighbours.get(member.id()).size());
        assertThat(store.followerCount(member.id(), false)).isEqualTo(neighbours.get(member.id()).size());
      }
      assertThat(store.member(old.id()).orElseThrow().connectionCount()).isEqualTo(2);
      assertThat(store.member(linked.id()).orElseThrow().connectionCount()).isEqualTo(1);
      assertThat(store.followers(linked.id(), false, linked.id(), PageRequest.first()).items())
          .singleElement().extracting(Member::handle).isEqualTo(old.handle());
      PairState first = store.pair(bulk.get(0).id(), bulk.get(1).id());
      assertThat(first.connected() && first.actorFollowsOther() && first.otherFollowsActor()).isTrue();
      long[] connections = {0};
      store.forEachConnection((a, b) -> connections[0]++);
      assertThat(connections[0]).isEqualTo(neighbours.values().stream().mapToInt(Set::size).sum() / 2);

      List<Event> log = store.eventsAfter(before, 10_000);
      assertThat(log).extracting(Event::type).containsExactlyElementsOf(events.stream().map(Event::type).toList());
      assertThat(log).extracting(Event::actorId).containsExactlyElementsOf(events.stream().map(Event::actorId).toList());
      assertThat(log.getLast().seq()).isEqualTo(lastSeq);
    }

    @Test
    void aCommitOfManyEvents_answersThePositionOfItsLast() {
      Member ada = add("ada");
      Event[] events = IntStream.range(0, 128).mapToObj(i -> event(EventType.FOLLOWED, ada.id(), i)).toArray(Event[]::new);
      long lastSeq = applied(Map.of(), List.of(), events);
      List<Event> log = store.eventsAfter(0, 1_000);
      assertThat(log).hasSize(129);
      assertThat(log.getLast().seq()).isEqualTo(lastSeq);
      assertThat(log.getLast().subjectId()).isEqualTo(127);
    }

    @Test
    void aLargeCommit_withOneDuplicateHandle_appliesNothing() {
      Member ada = add("ada");
      List<Change> changes = new ArrayList<>();
      for (int i = 0; i < 150; i++) {
        changes.add(new Change.AddMember(person(i == 140 ? "ada" : "many-" + i)));
      }
      int events = store.eventsAfter(0, 100).size();
      assertThat(commit(Map.of(), changes, event(EventType.MEMBER_CREATED, ada.id(), 0)))
          .isInstanceOf(CommitOutcome.Conflict.class);
      assertThat(store.member(Handle.of("many-0"))).isEmpty();
      assertThat(store.eventsAfter(0, 100)).hasSize(events);
    }

    @Test
    void concurrentCommitsOnOneMember_neverLoseAnUpdate() throws Exception {
      Member ada = add("ada");
      int threads = 8;
      int bumpsEach = 50;
      try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
        List<Future<Integer>> conflicts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          conflicts.add(pool.submit(() -> {
            int lost = 0;
            for (int done = 0; done < bumpsEach; ) {
              long version = version(ada);
              CommitOutcome outcome = commit(Map.of(ada.id(), version),
                  List.of(new Change.AddRefusal(ada.id(), T0)), event(EventType.INVITATION_REFUSED, ada.id(), 0));
              if (outcome instanceof CommitOutcome.Applied) {
                done++;
              } else {
                lost++;
              }
            }
            return lost;
          }));
        }
        for (Future<Integer> f : conflicts) {
          f.get();
        }
      }
      assertThat(version(ada)).isEqualTo((long) threads * bumpsEach);
      assertThat(store.usage(ada.id(), new Usage.Windows(T0, T0, T0.minusSeconds(1), T0)).refusals())
          .hasSize(threads * bumpsEach);
      List<Event> log = store.eventsAfter(0, Integer.MAX_VALUE);
      assertThat(log).hasSize(1 + threads * bumpsEach);
      assertThat(log).extracting(Event::seq).isSorted().doesNotHaveDuplicates();
    }
  }

  @Nested
  class EventLog {
    /**
     * The graph index loads from this: every connection once, and a position from which the log
     * holds exactly what the snapshot does not reflect yet.
     */
    @Test
    void forEachConnection_givesEachConnectionOnce_andThePositionItReflects() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      applied(Map.of(), List.of(new Change.AddConnection(ada.id(), bob.id(), T0)),
          event(EventType.CONNECTED, ada.id(), bob.id()));
      applied(Map.of(), List.of(new Change.AddConnection(cyd.id(), bob.id(), T0)),
          event(EventType.CONNECTED, cyd.id(), bob.id()));
      List<Set<Long>> seen = new ArrayList<>();
      long position = store.forEachConnection((a, b) -> seen.add(Set.of(a, b)));
      assertThat(seen).containsExactlyInAnyOrder(Set.of(ada.id(), bob.id()), Set.of(cyd.id(), bob.id()));
      assertThat(position).isEqualTo(store.eventsAfter(0, 100).getLast().seq());

      long disconnected = applied(Map.of(), List.of(new Change.RemoveConnection(ada.id(), bob.id())),
          event(EventType.DISCONNECTED, ada.id(), bob.id()));
      assertThat(store.eventsAfter(position, 100)).extracting(Event::seq).containsExactly(disconnected);
    }

    /**
     * The load reads the table in parts (PostgreSQL) or from both ends (SQLite), on two sessions
     * at once where it can. Every connection still comes once, including those of the lowest and
     * highest member ids, from both sessions, and the sink is never called by two threads at once.
     * The sink pauses every 4,096 connections (a block of the load's), so that the second session
     * surely has something left to read by the time it starts: from the top of SQLite's table, a
     * block spans many more members, and the first session could otherwise read it all alone.
     */
    @Test
    void forEachConnection_readsEveryPartOnce_onTwoSessions_oneCallAtATime() {
      List<Member> members = IntStream.range(0, 400).mapToObj(i -> add("part-" + i)).toList();
      // 12,000 connections: a few hundred pages of PostgreSQL's table, so that every part has some,
      // and several of the load's blocks of 4,096 from each end of SQLite's, most of them ending
      // inside a member's connections. The lowest and highest ids are connected, to each other and
      // to others.
      Set<Set<Long>> expected = new HashSet<>();
      List<Change> changes = new ArrayList<>();
      long lowest = members.getFirst().id();
      long highest = members.getLast().id();
      for (long[] pair : new long[][] {{lowest, highest}, {lowest, members.get(1).id()}, {highest, members.get(1).id()}}) {
        expected.add(Set.of(pair[0], pair[1]));
        changes.add(new Change.AddConnection(pair[0], pair[1], T0));
      }
      SplittableRandom random = new SplittableRandom(42);
      while (expected.size() < 12_000) {
        long a = members.get(random.nextInt(members.size())).id();
        long b = members.get(random.nextInt(members.size())).id();
        if (a != b && expected.add(Set.of(a, b))) {
          changes.add(new Change.AddConnection(a, b, T0));
        }
      }
      for (int from = 0; from < changes.size(); from += 500) {
        apply(changes.subList(from, Math.min(changes.size(), from + 500)).toArray(Change[]::new));
      }

      List<Set<Long>> seen = new ArrayList<>();
      Set<Thread> threads = new HashSet<>();
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger overlaps = new AtomicInteger();
      store.forEachConnection((a, b) -> {
        if (inside.incrementAndGet() > 1) {
          overlaps.incrementAndGet();
        }
        if (seen.size() % 4_096 == 0) {
          slowly();
        }
        seen.add(Set.of(a, b));
        threads.add(Thread.currentThread());
        inside.decrementAndGet();
      });
      assertThat(overlaps).hasValue(0);
      assertThat(seen).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(threads).as("threads that handed connections to the sink").hasSize(2);
    }

    /**
     * Ids as the service gives them (time-ordered, 18 digits) and up to the largest come out whole:
     * PostgreSQL's copy sends them as 8 bytes each, SQLite's as text.
     */
    @Test
    void forEachConnection_givesLargeIdsWhole() {
      long[] ids = {252_679_144_465_244_160L, 252_679_144_465_244_161L, 252_679_145_316_692_239L,
          Long.MAX_VALUE - 1, Long.MAX_VALUE};
      for (long id : ids) {
        add(person(id, "large-" + Long.toString(id, 36)));
      }
      Set<Set<Long>> expected = new HashSet<>();
      List<Change> changes = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        for (int j = i + 1; j < ids.length; j++) {
          expected.add(Set.of(ids[i], ids[j]));
          changes.add(new Change.AddConnection(ids[i], ids[j], T0));
        }
      }
      apply(changes.toArray(Change[]::new));
      List<Set<Long>> seen = new ArrayList<>();
      store.forEachConnection((a, b) -> seen.add(Set.of(a, b)));
      assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * Loads taken while others commit: the events after each one's position, replayed onto it, give
     * the connections at the end. Where a load reflects exactly its position (SQLite: one writer),
     * it also equals the log replayed up to that position. Each load's sink is slow to take its
     * first connection, so that commits land while the second session starts: on SQLite, whose
     * sessions cannot share a snapshot, that session must then sit out.
     */
    @Test
    void aLoadWhileOthersCommit_givesTheConnectionsOfItsPosition() throws Exception {
      List<Member> members = IntStream.range(0, 60).mapToObj(i -> add("busy-" + i)).toList();
      for (int i = 0; i < members.size(); i++) {
        List<Change> row = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int j = i + 3; j < members.size(); j += 3) {
          row.add(new Change.AddConnection(members.get(i).id(), members.get(j).id(), T0));
          events.add(event(EventType.CONNECTED, members.get(i).id(), members.get(j).id()));
        }
        applied(Map.of(), row, events.toArray(Event[]::new));
      }
      int writers = 4;
      record Load(Set<Set<Long>> connections, long position) {}
      List<Load> loads = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
          // Each writer toggles a pair of its own, far apart in id, not connected at the start.
          Member a = members.get(t);
          Member b = members.get(members.size() - 1 - t * 3);
          running.add(pool.submit(() -> {
            for (int i = 0; i < 80; i++) {
              if (i % 2 == 0) {
                applied(Map.of(), List.of(new Change.AddConnection(a.id(), b.id(), T0)),
                    event(EventType.CONNECTED, a.id(), b.id()));
              } else {
                applied(Map.of(), List.of(new Change.RemoveConnection(a.id(), b.id())),
                    event(EventType.DISCONNECTED, a.id(), b.id()));
              }
            }
            return null;
          }));
        }
        while (!running.stream().allMatch(Future::isDone)) {
          Set<Set<Long>> connections = new HashSet<>();
          long position = store.forEachConnection((a, b) -> {
            if (connections.isEmpty()) {
              slowly();
            }
            connections.add(Set.of(a, b));
          });
          loads.add(new Load(connections, position));
        }
        for (Future<?> writer : running) {
          writer.get();
        }
      }
      Set<Set<Long>> end = new HashSet<>();
      store.forEachConnection((a, b) -> end.add(Set.of(a, b)));
      List<Event> log = store.eventsAfter(0, Integer.MAX_VALUE);
      assertThat(loads).isNotEmpty();
      for (Load load : loads) {
        assertThat(replay(load.connections(), log, load.position(), Long.MAX_VALUE))
            .as("load at position %d, and every event after it", load.position()).isEqualTo(end);
        if (loadsExactlyAtTheirPosition()) {
          assertThat(load.connections()).as("load at position %d", load.position())
              .isEqualTo(replay(Set.of(), log, 0, load.position()));
        }
      }
    }

    /** The connections after the log's events in (after, upTo] are applied to {@code start}. */
    private static Set<Set<Long>> replay(Set<Set<Long>> start, List<Event> log, long after, long upTo) {
      Set<Set<Long>> connections = new HashSet<>(start);
      for (Event e : log) {
        if (e.seq() > after && e.seq() <= upTo) {
          switch (e.type()) {
            case CONNECTED -> connections.add(Set.of(e.actorId(), e.subjectId()));
            case DISCONNECTED -> connections.remove(Set.of(e.actorId(), e.subjectId()));
            default -> { }
          }
        }
      }
      return connections;
    }

    /** A sink's pause: long enough for a thread to start and a few commits to land. */
    private static void slowly() {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /**
     * A consumer that follows the log with {@code eventsAfter(last seen)} while others commit must
     * end up with every event: a position may never appear below one it has already been given.
     */
    @Test
    void aReaderFollowingTheLog_whileManyCommit_missesNoEvent() throws Exception {
      List<Member> members = IntStream.range(0, 16).mapToObj(i -> add("writer-" + i)).toList();
      int threads = 8;
      int commitsEach = 60;
      List<Long> seen = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(threads + 1)) {
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          Member a = members.get(2 * t);
          Member b = members.get(2 * t + 1);
          writers.add(pool.submit(() -> {
            for (int i = 0; i < commitsEach; i++) {
              applied(Map.of(), List.of(new Change.AddRefusal(a.id(), T0)),
                  event(EventType.INVITATION_REFUSED, a.id(), b.id()), event(EventType.INVITATION_REFUSED, b.id(), a.id()));
            }
            return null;
          }));
        }
        Future<?> reader = pool.submit(() -> {
          long last = 0;
          while (!writers.stream().allMatch(Future::isDone) || !store.eventsAfter(last, 1).isEmpty()) {
            for (Event e : store.eventsAfter(last, 50)) {
              seen.add(e.seq());
              last = e.seq();
            }
          }
          return null;
        });
        for (Future<?> writer : writers) {
          writer.get();
        }
        reader.get();
      }
      List<Long> all = store.eventsAfter(0, Integer.MAX_VALUE).stream().map(Event::seq).toList();
      assertThat(all).hasSize(members.size() + threads * commitsEach * 2);
      assertThat(seen).isEqualTo(all);
    }
  }

  // ---- reads ---------------------------------------------------------------------------------

  @Nested
  class Reads {
    @Test
    void memberTies_holdFollowsBlocksOpenInvitationsAndLastWithdrawals() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      Member dan = add("dan");
      Invitation toDan = invitation(ada, dan, InvitationState.PENDING, at(1));
      Invitation fromBob = invitation(bob, ada, InvitationState.PENDING, at(2));
      Invitation withdrawn = invitation(ada, cyd, InvitationState.PENDING, at(3));
      apply(new Change.AddFollow(ada.id(), cyd.id(), at(1)), new Change.AddFollow(ada.id(), bob.id(), at(2)),
          new Change.AddFollow(bob.id(), ada.id(), at(2)), new Change.AddBlock(ada.id(), dan.id(), at(4)),
          new Change.AddInvitation(toDan), new Change.AddInvitation(fromBob), new Change.AddInvitation(withdrawn));
      apply(new Change.UpdateInvitation(fromBob.withState(InvitationState.IGNORED, at(5))),
          new Change.UpdateInvitation(withdrawn.withState(InvitationState.WITHDRAWN, at(6))));

      MemberTies ties = store.memberTies(ada.id());
      assertThat(ties.following()).containsExactly(Math.min(bob.id(), cyd.id()), Math.max(bob.id(), cyd.id()));
      assertThat(ties.blocking()).containsExactly(dan.id());
      assertThat(ties.openInvitationWith(dan.id())).contains(toDan);
      assertThat(ties.openInvitationWith(bob.id())).contains(fromBob.withState(InvitationState.IGNORED, at(5)));
      assertThat(ties.openInvitationWith(cyd.id())).isEmpty();
      assertThat(ties.lastWithdrawalTo(cyd.id())).contains(at(6));
      assertThat(ties.lastWithdrawalTo(dan.id())).isEmpty();
      assertThat(store.memberTies(cyd.id()).size()).isZero();
    }

    @Test
    void members_byIdAndHandle_andInBulk() {
      List<Member> many = IntStream.range(0, 600).mapToObj(i -> person("m" + i + "-x")).toList();
      apply(many.stream().map(Change.AddMember::new).toArray(Change[]::new));
      assertThat(store.member(many.get(5).id())).contains(many.get(5));
      assertThat(store.member(Handle.of("m7-x"))).contains(many.get(7));
      assertThat(store.member(424242)).isEmpty();
      assertThat(store.member(Handle.of("nobody"))).isEmpty();
      assertThat(store.members(List.of())).isEmpty();
      assertThat(store.members(List.of(many.get(1).id(), 424242L, many.get(1).id(), many.get(3).id())))
          .containsOnlyKeys(many.get(1).id(), many.get(3).id())
          .containsEntry(many.get(3).id(), many.get(3));
      List<Long> all = new ArrayList<>(many.stream().map(Member::id).toList());
      all.add(424242L);
      assertThat(store.members(all)).hasSize(600);
    }

    @Test
    void membersWithHandles_answersThoseThatExist_byHandle() {
      List<Member> many = IntStream.range(0, 600).mapToObj(i -> person("h" + i + "-x")).toList();
      apply(many.stream().map(Change.AddMember::new).toArray(Change[]::new));
      assertThat(store.membersWithHandles(List.of())).isEmpty();
      assertThat(store.membersWithHandles(List.of(Handle.of("h3-x"), Handle.of("nobody"), Handle.of("h3-x"))))
          .containsOnlyKeys(Handle.of("h3-x"))
          .containsEntry(Handle.of("h3-x"), many.get(3));
      List<Handle> all = new ArrayList<>(many.stream().map(Member::handle).toList());
      all.add(Handle.of("nobody"));
      assertThat(store.membersWithHandles(all)).hasSize(600);
    }

    @Test
    void ties_answerThePairsWithSomethingBetweenTheirMembers_only() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      Member dan = add("dan");
      Member eve = add("eve");
      Member fay = add("fay");
      apply(new Change.AddConnection(ada.id(), bob.id(), T0), new Change.AddFollow(ada.id(), bob.id(), T0),
          new Change.AddFollow(cyd.id(), ada.id(), T0), new Change.AddBlock(dan.id(), ada.id(), T0));
      Invitation ignored = invitation(eve, ada, InvitationState.IGNORED, at(1));
      apply(new Change.AddInvitation(ignored), new Change.AddInvitation(invitation(fay, ada, InvitationState.WITHDRAWN, at(1))));

      MemberPair adaBob = MemberPair.of(bob.id(), ada.id());
      MemberPair adaCyd = MemberPair.of(ada.id(), cyd.id());
      MemberPair adaDan = MemberPair.of(ada.id(), dan.id());
      MemberPair adaEve = MemberPair.of(ada.id(), eve.id());
      Map<MemberPair, PairTies> ties = store.ties(List.of(adaBob, adaCyd, adaDan, adaEve,
          MemberPair.of(ada.id(), fay.id()), MemberPair.of(bob.id(), cyd.id()), adaBob));

      assertThat(ties).containsOnlyKeys(adaBob, adaCyd, adaDan, adaEve);
      PairTies connected = ties.get(adaBob);
      assertThat(connected.connected()).isTrue();
      assertThat(connected.follows(ada.id())).isTrue();
      assertThat(connected.follows(bob.id())).isFalse();
      assertThat(ties.get(adaCyd).follows(cyd.id())).isTrue();
      assertThat(ties.get(adaCyd).follows(ada.id()) || ties.get(adaCyd).connected()).isFalse();
      assertThat(ties.get(adaDan).blockedEitherWay()).isTrue();
      assertThat(ties.get(adaDan).highBlockedLow()).isEqualTo(dan.id() > ada.id());
      assertThat(ties.get(adaEve).openInvitation()).contains(ignored);
      assertThat(ties.get(adaEve).blockedEitherWay()).isFalse();
      assertThat(store.ties(List.of())).isEmpty();
    }

    @Test
    void ties_ofMorePairsThanOneStatementTakes_areAllRead() {
      List<Member> ring = IntStream.range(0, 700).mapToObj(i -> person("ring-" + i)).toList();
      List<Change> changes = new ArrayList<>(ring.stream().map(Change.AddMember::new).toList());
      List<MemberPair> asked = new ArrayList<>();
      for (int i = 0; i < ring.size(); i++) {
        long a = ring.get(i).id();
        changes.add(new Change.AddConnection(a, ring.get((i + 1) % ring.size()).id(), T0));
        asked.add(MemberPair.of(a, ring.get((i + 1) % ring.size()).id()));
        asked.add(MemberPair.of(a, ring.get((i + 2) % ring.size()).id()));
      }
      applied(Map.of(), changes);
      Map<MemberPair, PairTies> ties = store.ties(asked);
      assertThat(ties).hasSize(ring.size());
      assertThat(ties.values()).allMatch(PairTies::connected);
    }

    @Test
    void token_grantsItsMemberUntilItExpires() {
      Member ada = add("ada");
      apply(new Change.AddToken("abc", ada.id(), at(10)));
      TokenGrant grant = store.token("abc").orElseThrow();
      assertThat(grant.memberId()).isEqualTo(ada.id());
      assertThat(grant.validAt(at(9))).isTrue();
      assertThat(grant.validAt(at(10))).isFalse();
      assertThat(store.token("other")).isEmpty();
    }

    @Test
    void pair_readsBothMembersAndEverythingBetweenThem() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      apply(new Change.AddFollow(ada.id(), bob.id(), T0), new Change.AddBlock(bob.id(), ada.id(), T0),
          new Change.AddConnection(ada.id(), bob.id(), T0), new Change.AddFollow(bob.id(), cyd.id(), T0));
      Invitation open = invitation(bob, ada, InvitationState.IGNORED, at(1));
      apply(new Change.AddInvitation(open));

      PairState pair = store.pair(ada.id(), bob.id());
      assertThat(pair.actor().id()).isEqualTo(ada.id());
      assertThat(pair.other()).isEqualTo(store.member(bob.id()).orElseThrow());
      assertThat(pair.actorFollowsOther()).isTrue();
      assertThat(pair.otherFollowsActor()).isFalse();
      assertThat(pair.connected()).isTrue();
      assertThat(pair.actorBlockedOther()).isFalse();
      assertThat(pair.otherBlockedActor()).isTrue();
      assertThat(pair.openInvitation()).contains(open);
      assertThat(pair.lastWithdrawalByActor()).isEmpty();

      PairState reverse = store.pair(bob.id(), ada.id());
      assertThat(reverse.actorFollowsOther()).isFalse();
      assertThat(reverse.otherFollowsActor()).isTrue();
      assertThat(reverse.actorBlockedOther()).isTrue();
      assertThat(reverse.openInvitation()).contains(open);

      assertThat(store.pair(ada.id(), Handle.of("bob"))).contains(pair);
      assertThat(store.pair(ada.id(), Handle.of("ada"))).contains(store.pair(ada.id(), ada.id()));
      assertThat(store.pair(ada.id(), Handle.of("nobody"))).isEmpty();
    }

    @Test
    void C6_pair_knowsTheActorsLastWithdrawal_only() {
      Member ada = add("ada");
      Member bob = add("bob");
      Invitation first = invitation(ada, bob, InvitationState.PENDING, at(0));
      apply(new Change.AddInvitation(first));
      apply(new Change.UpdateInvitation(first.withState(InvitationState.WITHDRAWN, at(5))));
      Invitation second = invitation(ada, bob, InvitationState.PENDING, at(6));
      apply(new Change.AddInvitation(second));
      apply(new Change.UpdateInvitation(second.withState(InvitationState.WITHDRAWN, at(8))));
      Invitation fromBob = invitation(bob, ada, InvitationState.PENDING, at(9));
      apply(new Change.AddInvitation(fromBob));
      apply(new Change.UpdateInvitation(fromBob.withState(InvitationState.WITHDRAWN, at(20))));
      assertThat(store.pair(ada.id(), bob.id()).lastWithdrawalByActor()).contains(at(8));
      assertThat(store.pair(ada.id(), bob.id()).openInvitation()).isEmpty();
    }

    @Test
    void pair_ofAMemberWithThemself_isTheMemberTwice_withNothingBetween() {
      Member ada = add("ada");
      PairState self = store.pair(ada.id(), ada.id());
      assertThat(self.isSelf()).isTrue();
      assertThat(self.actor()).isEqualTo(ada).isEqualTo(self.other());
      assertThat(List.of(self.actorFollowsOther(), self.otherFollowsActor(), self.connected(),
          self.actorBlockedOther(), self.otherBlockedActor())).containsOnly(false);
      assertThat(self.openInvitation()).isEmpty();
      assertThat(self.lastWithdrawalByActor()).isEmpty();
    }

    @Test
    void pair_withAnUnknownMember_isNotFound() {
      Member ada = add("ada");
      assertThatThrownBy(() -> store.pair(ada.id(), 424242)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void usage_countsEachLimitOverItsWindow() {
      Member ada = add("ada");
      List<Member> others = IntStream.range(0, 6).mapToObj(i -> add("peer-" + i)).toList();
      Instant windowStart = at(100);
      Instant monthStart = at(50);
      Invitation old = invitation(ada, others.get(0), InvitationState.PENDING, at(10));
      Invitation atStart = invitation(ada, others.get(1), InvitationState.ACCEPTED, windowStart);
      Invitation noted = new Invitation(invitationId++, ada.id(), others.get(2).id(), InvitationState.IGNORED,
          Optional.of("hi"), at(101), at(101), Optional.empty());
      Invitation reported = new Invitation(invitationId++, ada.id(), others.get(3).id(), InvitationState.IGNORED,
          Optional.empty(), at(102), at(130), Optional.of(at(130)));
      Invitation notedAtMonthStart = new Invitation(invitationId++, ada.id(), others.get(4).id(),
          InvitationState.WITHDRAWN, Optional.of("hello"), monthStart, monthStart, Optional.empty());
      Invitation received = invitation(others.get(5), ada, InvitationState.PENDING, at(103));
      apply(new Change.AddInvitation(old), new Change.AddInvitation(atStart), new Change.AddInvitation(noted),
          new Change.AddInvitation(reported), new Change.AddInvitation(notedAtMonthStart),
          new Change.AddInvitation(received),
          new Change.AddRefusal(ada.id(), at(20)), new Change.AddRefusal(ada.id(), at(21)),
          new Change.AddRefusal(ada.id(), at(22)),
          new Change.AddRestriction(new Restriction(ada.id(), Restriction.WEEKLY_LIMIT_REFUSALS, at(30), at(40))),
          new Change.AddRestriction(new Restriction(ada.id(), Restriction.REPORTED, at(60), at(70))),
          new Change.AddRestriction(new Restriction(ada.id(), Restriction.WEEKLY_LIMIT_REFUSALS, at(5), at(6))));

      Usage usage = store.usage(ada.id(), new Usage.Windows(windowStart, monthStart, at(20), at(129)));
      assertThat(usage.sentInWindow()).isEqualTo(2);
      assertThat(usage.oldestSentInWindow()).contains(at(101));
      assertThat(usage.pendingSent()).isEqualTo(3);
      assertThat(usage.notesInMonth()).isEqualTo(2);
      assertThat(usage.refusals()).containsExactly(at(21), at(22));
      assertThat(usage.reports()).containsExactly(at(130));
      assertThat(usage.latestRestriction()).contains(new Restriction(ada.id(), Restriction.REPORTED, at(60), at(70)));
      assertThat(usage.restrictionCount()).isEqualTo(3);

      Usage none = store.usage(others.get(0).id(), new Usage.Windows(T0, T0, T0, T0));
      assertThat(none).isEqualTo(new Usage(0, Optional.empty(), 0, 0, List.of(), List.of(), Optional.empty(), 0));
    }

    @Test
    void invitation_byId() {
      Member ada = add("ada");
      Member bob = add("bob");
      Invitation invitation = new Invitation(77, ada.id(), bob.id(), InvitationState.PENDING, Optional.of("note"),
          at(1), at(1), Optional.empty());
      apply(new Change.AddInvitation(invitation));
      Invitation reported = invitation.reported(at(2));
      apply(new Change.UpdateInvitation(reported));
      assertThat(store.invitation(77)).contains(reported);
      assertThat(store.invitation(78)).isEmpty();
    }

    @Test
    void F5_followerCount_onlyConnections_andFollowingCount() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      apply(new Change.AddFollow(bob.id(), ada.id(), T0), new Change.AddFollow(cyd.id(), ada.id(), T0),
          new Change.AddConnection(ada.id(), cyd.id(), T0), new Change.AddFollow(ada.id(), bob.id(), T0));
      assertThat(store.followerCount(ada.id(), false)).isEqualTo(2);
      assertThat(store.followerCount(ada.id(), true)).isEqualTo(1);
      assertThat(store.followingCount(ada.id())).isEqualTo(1);
      assertThat(store.followingCount(cyd.id())).isEqualTo(1);
    }

    @Test
    void followers_newestFirst_onlyConnections_andHidingBlocksOfTheViewer() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      Member dan = add("dan");
      Member eve = add("eve");
      apply(new Change.AddFollow(bob.id(), ada.id(), at(1)), new Change.AddFollow(cyd.id(), ada.id(), at(2)),
          new Change.AddFollow(dan.id(), ada.id(), at(3)), new Change.AddConnection(ada.id(), bob.id(), T0),
          new Change.AddConnection(ada.id(), dan.id(), T0));
      assertThat(handles(store.followers(ada.id(), false, eve.id(), PageRequest.first()))).containsExactly("dan", "cyd", "bob");
      assertThat(handles(store.followers(ada.id(), true, eve.id(), PageRequest.first()))).containsExactly("dan", "bob");
      apply(new Change.AddBlock(eve.id(), cyd.id(), T0), new Change.AddBlock(dan.id(), eve.id(), T0));
      assertThat(handles(store.followers(ada.id(), false, eve.id(), PageRequest.first()))).containsExactly("bob");
      assertThat(handles(store.followers(ada.id(), false, ada.id(), PageRequest.first()))).containsExactly("dan", "cyd", "bob");
    }

    @Test
    void F5_following_leavesOutFolloweesWhoAcceptOnlyConnections_unlessConnected() {
      Member ada = add("ada");
      Member open = add("open");
      Member closedConnected = add("closed-connected");
      Member closedStranger = add("closed-stranger");
      Settings onlyConnections = new Settings(false, WhoCanFollow.CONNECTIONS, WhoCanInvite.EVERYONE,
          ConnectionsVisibility.CONNECTIONS, false, FollowsVisibility.ONLY_ME);
      apply(new Change.UpdateMember(closedConnected.withProfile("C", "", onlyConnections)),
          new Change.UpdateMember(closedStranger.withProfile("S", "", onlyConnections)),
          new Change.AddFollow(ada.id(), open.id(), at(1)), new Change.AddFollow(ada.id(), closedConnected.id(), at(2)),
          new Change.AddFollow(ada.id(), closedStranger.id(), at(3)),
          new Change.AddConnection(ada.id(), closedConnected.id(), T0));
      assertThat(handles(store.following(ada.id(), ada.id(), PageRequest.first())))
          .containsExactly("closed-connected", "open");
      assertThat(store.followingCount(ada.id())).isEqualTo(3);
    }

    @Test
    void P1_connections_all_orOnlyThoseSharedWithTheViewer() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      Member dan = add("dan");
      Member eve = add("eve");
      apply(new Change.AddConnection(ada.id(), bob.id(), at(1)), new Change.AddConnection(ada.id(), cyd.id(), at(2)),
          new Change.AddConnection(ada.id(), dan.id(), at(3)), new Change.AddConnection(eve.id(), cyd.id(), T0),
          new Change.AddConnection(eve.id(), dan.id(), T0));
      assertThat(handles(store.connections(ada.id(), false, eve.id(), PageRequest.first()))).containsExactly("dan", "cyd", "bob");
      assertThat(handles(store.connections(ada.id(), true, eve.id(), PageRequest.first()))).containsExactly("dan", "cyd");
      apply(new Change.AddBlock(cyd.id(), eve.id(), T0));
      assertThat(handles(store.connections(ada.id(), true, eve.id(), PageRequest.first()))).containsExactly("dan");
    }

    @Test
    void invitations_sentOrReceived_inTheGivenStates_newestFirst() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      Member dan = add("dan");
      Invitation toBob = invitation(ada, bob, InvitationState.PENDING, at(1));
      Invitation toCyd = invitation(ada, cyd, InvitationState.IGNORED, at(2));
      Invitation toDan = invitation(ada, dan, InvitationState.ACCEPTED, at(3));
      Invitation fromDan = invitation(dan, ada, InvitationState.PENDING, at(4));
      apply(new Change.AddInvitation(toBob), new Change.AddInvitation(toCyd), new Change.AddInvitation(toDan));
      apply(new Change.AddInvitation(fromDan));
      Set<InvitationState> open = EnumSet.of(InvitationState.PENDING, InvitationState.IGNORED);
      assertThat(store.invitations(ada.id(), true, open, PageRequest.first()).items()).containsExactly(toCyd, toBob);
      assertThat(store.invitations(ada.id(), true, EnumSet.allOf(InvitationState.class), PageRequest.first()).items())
          .containsExactly(toDan, toCyd, toBob);
      assertThat(store.invitations(ada.id(), false, open, PageRequest.first()).items()).containsExactly(fromDan);
      assertThat(store.invitations(bob.id(), false, EnumSet.of(InvitationState.IGNORED), PageRequest.first()).items())
          .isEmpty();
      assertThat(store.invitations(ada.id(), true, Set.of(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void B2_invitations_leaveOutMembersBlockedEitherWay_inBothBoxes() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      Invitation toBob = invitation(ada, bob, InvitationState.ACCEPTED, at(1));
      Invitation toCyd = invitation(ada, cyd, InvitationState.WITHDRAWN, at(2));
      Invitation fromCyd = invitation(cyd, ada, InvitationState.ACCEPTED, at(3));
      apply(new Change.AddInvitation(toBob), new Change.AddInvitation(toCyd));
      apply(new Change.AddInvitation(fromCyd));
      Set<InvitationState> all = EnumSet.allOf(InvitationState.class);
      apply(new Change.AddBlock(cyd.id(), ada.id(), T0));
      assertThat(store.invitations(ada.id(), true, all, PageRequest.first()).items()).containsExactly(toBob);
      assertThat(store.invitations(ada.id(), false, all, PageRequest.first()).items()).isEmpty();
      assertThat(store.invitations(cyd.id(), true, all, PageRequest.first()).items()).isEmpty();
      assertThat(store.invitations(cyd.id(), false, all, PageRequest.first()).items()).isEmpty();
      apply(new Change.AddBlock(ada.id(), bob.id(), T0));
      assertThat(store.invitations(ada.id(), true, all, PageRequest.first()).items()).isEmpty();
      apply(new Change.RemoveBlock(cyd.id(), ada.id()));
      assertThat(store.invitations(ada.id(), true, all, PageRequest.first()).items()).containsExactly(toCyd);
      assertThat(store.invitations(cyd.id(), true, all, PageRequest.first()).items()).containsExactly(fromCyd);
    }

    @Test
    void NT1_lastFollowNotice_isTheNewestFollowNotificationFromTheFollowerToTheFollowee() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      assertThat(store.lastFollowNotice(bob.id(), ada.id())).isEmpty();
      apply(new Change.AddNotification(new Notification(1, bob.id(), NotificationKind.FOLLOWED, ada.id(), 0, at(1),
              false)),
          new Change.AddNotification(new Notification(2, bob.id(), NotificationKind.FOLLOWED, ada.id(), 0, at(3), true)),
          new Change.AddNotification(new Notification(3, bob.id(), NotificationKind.INVITATION_RECEIVED, ada.id(), 9,
              at(5), false)),
          new Change.AddNotification(new Notification(4, bob.id(), NotificationKind.FOLLOWED, cyd.id(), 0, at(7),
              false)),
          new Change.AddNotification(new Notification(5, ada.id(), NotificationKind.FOLLOWED, bob.id(), 0, at(8),
              false)));
      assertThat(store.lastFollowNotice(bob.id(), ada.id())).contains(at(3));
      assertThat(store.lastFollowNotice(bob.id(), cyd.id())).contains(at(7));
      assertThat(store.lastFollowNotice(cyd.id(), ada.id())).isEmpty();
    }

    @Test
    void blocked_listsWhomTheMemberBlocked_newestFirst() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      apply(new Change.AddBlock(ada.id(), bob.id(), at(2)), new Change.AddBlock(ada.id(), cyd.id(), at(1)),
          new Change.AddBlock(bob.id(), ada.id(), T0));
      assertThat(handles(store.blocked(ada.id(), PageRequest.first()))).containsExactly("bob", "cyd");
      assertThat(handles(store.blocked(cyd.id(), PageRequest.first()))).isEmpty();
    }

    @Test
    void B2_notifications_newestFirst_hidingActorsBlockedEitherWay() {
      Member ada = add("ada");
      Member bob = add("bob");
      Member cyd = add("cyd");
      Member dan = add("dan");
      Notification n1 = new Notification(1, ada.id(), NotificationKind.FOLLOWED, bob.id(), 0, at(1), false);
      Notification n2 = new Notification(2, ada.id(), NotificationKind.INVITATION_RECEIVED, cyd.id(), 9, at(2), false);
      Notification n3 = new Notification(3, ada.id(), NotificationKind.INVITATION_ACCEPTED, dan.id(), 9, at(3), true);
      Notification other = new Notification(4, bob.id(), NotificationKind.FOLLOWED, ada.id(), 0, at(4), false);
      apply(new Change.AddNotification(n1), new Change.AddNotification(n2), new Change.AddNotification(n3),
          new Change.AddNotification(other));
      assertThat(store.notifications(ada.id(), PageRequest.first()).items()).containsExactly(n3, n2, n1);
      apply(new Change.AddBlock(ada.id(), bob.id(), T0), new Change.AddBlock(dan.id(), ada.id(), T0));
      assertThat(store.notifications(ada.id(), PageRequest.first()).items()).containsExactly(n2);
    }

    @Test
    void eventsAfter_aPosition_inLogOrder_upToALimit() {
      add("ada");
      add("bob");
      add("cyd");
      List<Event> all = store.eventsAfter(0, 100);
      assertThat(all).hasSize(3);
      assertThat(store.eventsAfter(all.get(0).seq(), 1)).containsExactly(all.get(1));
      assertThat(store.eventsAfter(all.get(2).seq(), 10)).isEmpty();
      assertThat(store.eventsAfter(0, 0)).isEmpty();
    }
  }

  // ---- paging --------------------------------------------------------------------------------

  @Nested
  class Paging {
    @Test
    void pages_walkTheWholeList_newestFirst_breakingTimeTiesByIdDescending() {
      Member ada = add("ada");
      List<Member> followers = IntStream.range(0, 7).mapToObj(i -> add("follower-" + i)).toList();
      for (int i = 0; i < followers.size(); i++) {
        apply(new Change.AddFollow(followers.get(i).id(), ada.id(), at(i / 2)));
      }
      List<List<String>> pages = allPages(p -> store.followers(ada.id(), false, ada.id(), p), 3)
          .stream().map(page -> page.stream().map(m -> m.handle().value()).toList()).toList();
      assertThat(pages).containsExactly(
          List.of("follower-6", "follower-5", "follower-4"),
          List.of("follower-3", "follower-2", "follower-1"),
          List.of("follower-0"));
    }

    @Test
    void aFullLastPage_hasNoNextCursor() {
      Member ada = add("ada");
      for (int i = 0; i < 4; i++) {
        Member other = add("other-" + i);
        apply(new Change.AddConnection(ada.id(), other.id(), at(i)));
      }
      assertThat(allPages(p -> store.connections(ada.id(), false, ada.id(), p), 2)).hasSize(2)
          .allSatisfy(page -> assertThat(page).hasSize(2));
    }

    @Test
    void everyList_pages() {
      Member ada = add("ada");
      List<Change> changes = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Member other = add("other-" + i);
        Member blocked = add("blocked-" + i);
        changes.add(new Change.AddFollow(ada.id(), other.id(), at(i)));
        changes.add(new Change.AddBlock(ada.id(), blocked.id(), at(i)));
        changes.add(new Change.AddInvitation(invitation(other, ada, InvitationState.PENDING, at(i))));
        changes.add(new Change.AddNotification(new Notification(100 + i, ada.id(), NotificationKind.FOLLOWED,
            ada.id(), 0, at(i), false)));
      }
      apply(changes.toArray(Change[]::new));
      assertThat(allPages(p -> store.following(ada.id(), ada.id(), p), 2)).hasSize(3);
      assertThat(allPages(p -> store.blocked(ada.id(), p), 2)).hasSize(3);
      assertThat(allPages(p -> store.invitations(ada.id(), false, EnumSet.of(InvitationState.PENDING), p), 2)).hasSize(3);
      assertThat(allPages(p -> store.notifications(ada.id(), p), 2)).hasSize(3)
          .last().satisfies(page -> assertThat(page).extracting(Notification::id).containsExactly(100L));
    }

    @Test
    void aMalformedCursor_isInvalidInput() {
      Member ada = add("ada");
      String notBase64 = "***";
      String wrongShape = java.util.Base64.getUrlEncoder().encodeToString("12".getBytes());
      String notNumbers = java.util.Base64.getUrlEncoder().encodeToString("a:b".getBytes());
      for (String cursor : Arrays.asList(notBase64, wrongShape, notNumbers, "")) {
        PageRequest page = new PageRequest(10, Optional.of(cursor));
        assertThatThrownBy(() -> store.followers(ada.id(), false, ada.id(), page))
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(((InvalidInputException) e).type()).isEqualTo("invalid-cursor"));
      }
      PageRequest page = new PageRequest(10, Optional.of(notBase64));
      assertThatThrownBy(() -> store.notifications(ada.id(), page)).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> store.invitations(ada.id(), true, Set.of(), page)).isInstanceOf(InvalidInputException.class);
    }
  }

  // ---- durability and migrations -------------------------------------------------------------

  /**
   * The graph index never disagrees with the store: after every committed command the next read of
   * the index reflects it, and an index loaded after a restart is the one that was running.
   */
  @Nested
  class GraphIndexFeed {
    private static final int MEMBERS = 12;

    @Test
    void theIndex_followsEveryCommit_andARestartRebuildsTheSameIndex() {
      Rapport rapport = Rapport.builder().store(store).build();
      long[] ids = members(rapport);
      // A few connections exist before the index loads, so that loading and the log both count.
      connect(rapport, ids, 0, 1);
      connect(rapport, ids, 1, 2);
      Network network = Network.load(store, Runnable::run);
      assertAgrees(network.current(), store, ids);

      SplittableRandom random = new SplittableRandom(2026);
      List<long[]> invitations = new ArrayList<>(); // id and recipient
      int accepted = 0;
      for (int step = 0; step < 300; step++) {
        int a = random.nextInt(MEMBERS);
        int b = random.nextInt(MEMBERS);
        try {
          switch (random.nextInt(5)) {
            case 0, 1 -> invitations.add(new long[] {rapport.invite(ids[a],
                new SendInvitation(Handle.of("net-" + b), Optional.empty(), Optional.empty())).invitation().id(), ids[b]});
            case 2 -> {
              if (!invitations.isEmpty()) {
                long[] invitation = invitations.remove(random.nextInt(invitations.size()));
                rapport.accept(invitation[1], invitation[0]);
                accepted++;
              }
            }
            case 3 -> rapport.removeConnection(ids[a], Handle.of("net-" + b));
            default -> {
              if (random.nextBoolean()) {
                rapport.block(ids[a], Handle.of("net-" + b));
              } else {
                rapport.unblock(ids[a], Handle.of("net-" + b));
              }
            }
          }
        } catch (RapportException refused) {
          // The rules said no; the index must agree with the store either way.
        }
        assertAgrees(network.current(), store, ids);
      }
      NetworkReads running = network.current();
      assertThat(accepted).as("invitations accepted along the way").isGreaterThan(10);
      assertThat(running.connectionCount()).isPositive();
      store.close();

      Store reopened = open(database);
      try {
        // Restored from the copy the load before the steps saved, with the events since; and rebuilt.
        Network restored = Network.load(reopened, Runnable::run);
        assertThat(restored.restored()).as("restored from the copy saved by the load before the steps").isTrue();
        for (NetworkReads loaded : List.of(restored.current(), Network.rebuild(reopened, Runnable::run).current())) {
          assertThat(loaded.connectionCount()).isEqualTo(running.connectionCount());
          for (long id : ids) {
            assertThat(sorted(loaded.connectionsOf(id))).as("connections of %d", id).isEqualTo(sorted(running.connectionsOf(id)));
          }
          assertAgrees(loaded, reopened, ids);
        }
      } finally {
        reopened.close();
      }
    }

    /** The store keeps the parts of one copy, in order, with its position, until the next replaces it whole. */
    @Test
    void aSavedIndex_readsBackWhole_andTheNextReplacesIt() {
      assertThat(store.savedIndex()).isEmpty();
      byte[] large = new byte[3_000_000];
      new java.util.SplittableRandom(3).nextBytes(large);
      store.saveIndex(new SavedIndex(41, List.of(new byte[] {1, 2}, large, new byte[0], new byte[] {3})));
      SavedIndex kept = store.savedIndex().orElseThrow();
      assertThat(kept.position()).isEqualTo(41);
      assertThat(kept.parts()).hasSize(4);
      assertThat(kept.parts().get(0)).containsExactly(1, 2);
      assertThat(kept.parts().get(1)).isEqualTo(large);
      assertThat(kept.parts().get(2)).isEmpty();
      assertThat(kept.parts().get(3)).containsExactly(3);

      store.saveIndex(new SavedIndex(40, List.of(new byte[] {9})));
      kept = store.savedIndex().orElseThrow();
      assertThat(kept.position()).isEqualTo(40);
      assertThat(kept.parts()).hasSize(1);
      assertThat(kept.parts().getFirst()).containsExactly(9);
      store.close();
      Store reopened = open(database);
      try {
        assertThat(reopened.savedIndex().orElseThrow().parts().getFirst()).containsExactly(9);
      } finally {
        reopened.close();
      }
    }

    /**
     * A start restores the index from the copy saved last and replays the events since; a copy
     * that cannot be read back, or claims a position the log has not reached, is not used: the
     * index is rebuilt and a good copy saved in its place. Every way, the index agrees with the store.
     */
    @Test
    void aStart_restoresTheSavedCopy_andOneUnfitToUse_isRebuilt() {
      Rapport rapport = Rapport.builder().store(store).build();
      long[] ids = members(rapport);
      for (int i = 1; i < 6; i++) {
        connect(rapport, ids, 0, i);
      }
      rapport.saveNetwork();
      long savedAt = store.savedIndex().orElseThrow().position();
      assertThat(savedAt).isEqualTo(store.lastPosition());
      connect(rapport, ids, 6, 7); // after the copy: replayed
      rapport.removeConnection(ids[0], Handle.of("net-1"));

      Network restored = Network.load(store, Runnable::run);
      assertThat(restored.restored()).isTrue();
      assertThat(restored.current().connected(ids[6], ids[7])).isTrue();
      assertThat(restored.current().connected(ids[0], ids[1])).isFalse();
      assertAgrees(restored.current(), store, ids);

      List<byte[]> good = store.savedIndex().orElseThrow().parts();
      byte[] damaged = good.getFirst().clone();
      damaged[damaged.length / 2] ^= 1;
      for (SavedIndex unfit : List.of(new SavedIndex(store.lastPosition(), List.of(damaged)),
          new SavedIndex(store.lastPosition() + 1_000, good))) {
        store.saveIndex(unfit);
        Network rebuilt = Network.load(store, Runnable::run);
        assertThat(rebuilt.restored()).isFalse();
        assertAgrees(rebuilt.current(), store, ids);
        assertThat(store.savedIndex().orElseThrow().position()).as("a good copy saved in its place")
            .isEqualTo(rebuilt.position());
        assertThat(Network.load(store, Runnable::run).restored()).isTrue();
      }
    }

    /** Members net-0 to net-11, their ids in that order. */
    private static long[] members(Rapport rapport) {
      long[] ids = new long[MEMBERS];
      for (int i = 0; i < MEMBERS; i++) {
        ids[i] = rapport.createMember(NewMember.person("net-" + i, "Member " + i)).member().id();
      }
      return ids;
    }

    private static void connect(Rapport rapport, long[] ids, int a, int b) {
      long invitation = rapport.invite(ids[a], new SendInvitation(Handle.of("net-" + b), Optional.empty(), Optional.empty()))
          .invitation().id();
      rapport.accept(ids[b], invitation);
    }

    /**
     * Enough connections that the index compacts while more commits arrive and are applied:
     * afterwards every member's connections are exactly those committed. The background work runs
     * on the calling thread, so each compaction is in place when the read that started it returns.
     */
    @Test
    void aCompactionInTheBackground_losesNoConnection() {
      int members = 1_500;
      Instant at = Instant.parse("2026-11-29T00:00:00Z");
      long[] ids = commitMembers(members, 7_000_000, "compact-", at);
      List<Change> changes = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      Network network = Network.load(store, Runnable::run);
      Map<Long, TreeSet<Long>> expected = new HashMap<>();
      SplittableRandom random = new SplittableRandom(29);
      for (int batch = 0; batch < 12; batch++) {
        changes.clear();
        events.clear();
        for (int k = 0; k < 400; k++) {
          long a = ids[random.nextInt(members)];
          long b = ids[random.nextInt(members)];
          if (a != b && expected.computeIfAbsent(a, _ -> new TreeSet<>()).add(b)) {
            expected.computeIfAbsent(b, _ -> new TreeSet<>()).add(a);
            changes.add(new Change.AddConnection(a, b, at));
            events.add(new Event(0, EventType.CONNECTED, at, a, b, 0));
          }
        }
        store.commit(new Commit(Map.of(), changes, events));
        network.current(); // applies the batch; past about 1,000 changed lists a compaction runs
      }
      assertThat(network.compactions()).as("compactions put in place").isPositive();
      NetworkReads index = network.current();
      for (long id : ids) {
        assertThat(sorted(index.connectionsOf(id))).as("connections of %d", id)
            .isEqualTo(expected.getOrDefault(id, new TreeSet<>()));
      }
    }

    /**
     * Copies of the index saved again and again while three threads commit connections (on SQLite
     * each copy goes through the one writer, batched with their commits): every commit is
     * acknowledged and applied, and the copy kept last, restored and brought up to date, holds
     * exactly the connections committed, as a rebuild does.
     */
    @Test
    void copiesSavedWhileOthersCommit_loseNothing() throws Exception {
      int members = 300;
      Instant at = Instant.parse("2026-11-29T00:00:00Z");
      long[] ids = commitMembers(members, 8_000_000, "copy-", at);
      Network network = Network.load(store, Runnable::run);
      int writers = 3;
      int perWriter = 150;
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
      List<java.util.concurrent.Future<?>> commits = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        commits.add(pool.submit(() -> {
          // Each writer connects its own third of the members to the next ones: no pair twice.
          for (int k = 0; k < perWriter; k++) {
            long a = ids[writer * 100 + k % 100];
            long b = ids[(writer * 100 + k % 100 + 1 + k / 100) % members];
            assertThat(store.commit(new Commit(Map.of(), List.of(new Change.AddConnection(a, b, at)),
                List.of(new Event(0, EventType.CONNECTED, at, a, b, 0))))).isInstanceOf(CommitOutcome.Applied.class);
          }
          return null;
        }));
      }
      pool.shutdown();
      int saves = 0;
      while (!pool.isTerminated() || saves == 0) {
        network.save();
        saves++;
      }
      for (java.util.concurrent.Future<?> commit : commits) {
        commit.get();
      }
      network.save();
      Network restored = Network.load(store, Runnable::run);
      assertThat(restored.restored()).isTrue();
      NetworkReads rebuilt = Network.rebuild(store, Runnable::run).current();
      assertThat(rebuilt.connectionCount()).isEqualTo((long) writers * perWriter);
      assertThat(restored.current().connectionCount()).isEqualTo(rebuilt.connectionCount());
      for (long id : ids) {
        assertThat(sorted(restored.current().connectionsOf(id))).as("connections of %d", id)
            .isEqualTo(sorted(rebuilt.connectionsOf(id)));
      }
    }

    /** Commits {@code count} members, ids from {@code firstId} on and handles {@code prefix + i}, in one commit. */
    private long[] commitMembers(int count, long firstId, String prefix, Instant at) {
      long[] ids = new long[count];
      List<Change> changes = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids[i] = firstId + i;
        changes.add(new Change.AddMember(new Member(ids[i], Handle.of(prefix + i), MemberKind.PERSON,
            "Member " + i, "", Optional.empty(), "basic", at, Settings.DEFAULTS, 0, 0)));
        events.add(new Event(0, EventType.MEMBER_CREATED, at, ids[i], 0, 0));
      }
      store.commit(new Commit(Map.of(), changes, events));
      return ids;
    }

    private static void assertAgrees(NetworkReads index, Store store, long[] ids) {
      for (int i = 0; i < ids.length; i++) {
        for (int j = i + 1; j < ids.length; j++) {
          assertThat(index.connected(ids[i], ids[j])).as("net-%d and net-%d", i, j)
              .isEqualTo(store.pair(ids[i], ids[j]).connected());
        }
      }
    }

    private static TreeSet<Long> sorted(long[] values) {
      TreeSet<Long> set = new TreeSet<>();
      for (long v : values) {
        set.add(v);
      }
      return set;
    }
  }

  @Nested
  class Lifecycle {
    @Test
    void aCommittedChange_survivesClosingAndReopening() {
      Member ada = add("ada");
      Member bob = add("bob");
      apply(new Change.AddConnection(ada.id(), bob.id(), T0));
      long lastSeq = store.eventsAfter(0, 10).getLast().seq();
      store.close();
      store = open(database);
      assertThat(store.member(ada.id()).orElseThrow().connectionCount()).isEqualTo(1);
      assertThat(store.pair(ada.id(), bob.id()).connected()).isTrue();
      Member cyd = person("cyd");
      long next = applied(Map.of(), List.of(new Change.AddMember(cyd)), event(EventType.MEMBER_CREATED, cyd.id(), 0));
      assertThat(next).isGreaterThan(lastSeq);
    }

    @Test
    void reopening_appliesNoMigrationTwice() {
      store.close();
      store = open(database);
      store.close();
      store = open(database);
      assertThat(add("ada").id()).isPositive();
    }

    @Test
    void aSchemaNewerThanTheCode_isRefused() {
      store.close();
      execute(database, "INSERT INTO schema_version (version, description, checksum, applied_at) "
          + "VALUES (99, 'from the future', 'x', 0)");
      assertThatThrownBy(() -> open(database)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("newer");
      execute(database, "DELETE FROM schema_version WHERE version = 99");
      store = open(database);
    }

    @Test
    void anAppliedMigrationThatChanged_isRefused() {
      store.close();
      execute(database, "UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
      assertThatThrownBy(() -> open(database)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("changed");
    }

    @Test
    void aClosedStore_refusesWork() {
      store.close();
      assertThatThrownBy(() -> store.member(1)).isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> store.commit(new Commit(Map.of(), List.of(), List.of())))
          .isInstanceOf(StoreUnavailableException.class);
      store = open(database);
    }
  }
}
