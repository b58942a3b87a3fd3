package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.PairTies;
import dev.rapport.kernel.Usage;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberPair;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Restriction;
import dev.rapport.model.Settings;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.MemberTies;
import dev.rapport.store.TokenGrant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The store contract, every read of the SPI, as the rules and queries use them. Each backend runs it as a nested class. */
abstract class ReadsContract extends StoreFixture {
  ReadsContract(StoreUnderTest target) {
    super(target);
  }

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
