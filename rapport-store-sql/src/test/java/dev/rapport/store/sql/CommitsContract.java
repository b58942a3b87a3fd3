package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Usage;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Restriction;
import dev.rapport.model.Settings;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.TokenGrant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The store contract, commit and conflict semantics: versions, changes and events applied together or not at all. Each backend runs it as a nested class. */
abstract class CommitsContract extends StoreFixture {
  CommitsContract(StoreUnderTest target) {
    super(target);
  }

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
