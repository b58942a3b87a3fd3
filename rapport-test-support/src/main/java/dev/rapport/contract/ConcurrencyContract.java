package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.invitation.InvitationView;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.Policy;
import dev.rapport.member.NewMember;
import dev.rapport.model.Handle;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Tier;
import dev.rapport.store.Store;
import dev.rapport.time.AdjustableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The invariants that no interleaving may break (L1, L2, L3, C1, C3), checked after 32 threads issue
 * random follow, unfollow, invite, accept, ignore, withdraw, remove and block commands on 200
 * members with a cap of 5 connections and small weekly limits. Each backend runs this by extending it.
 */
public abstract class ConcurrencyContract {
  private static final int THREADS = 32;
  private static final int MEMBERS = 200;
  private static final int COMMANDS_PER_THREAD = 250;
  private static final int MAX_CONNECTIONS = 5;
  private static final int WEEKLY = 6;
  private static final int MAX_PENDING = 4;

  /** A fresh, empty store. The suite closes it. */
  protected abstract Store openStore();

  private Store store;
  private Rapport rapport;
  private final List<Long> ids = new ArrayList<>();

  @BeforeEach
  void setUp() {
    store = openStore();
    Policy policy = Policy.defaults()
        .withMaxConnections(MAX_CONNECTIONS)
        .withMaxPendingSent(MAX_PENDING)
        .withTier(new Tier("basic", WEEKLY, WEEKLY, 5, 200, 0, 0, false));
    rapport = Rapport.builder().store(store).clock(AdjustableClock.fixedAt(Instant.parse("2026-06-01T12:00:00Z")))
        .policy(policy).build();
    for (int i = 0; i < MEMBERS; i++) {
      ids.add(rapport.createMember(NewMember.person(handle(i), "Member " + i)).member().id());
    }
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private static String handle(int i) {
    return "m%03d".formatted(i);
  }

  @Test
  void invariantsHold_under32ConcurrentWritersIssuingRandomCommands() throws Exception {
    List<ConcurrentWriters.Step> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      SplittableRandom random = new SplittableRandom(7919L * t + 17);
      writers.add(i -> randomCommand(random));
    }
    ConcurrentWriters.runAtOnce(writers, COMMANDS_PER_THREAD);
    assertInvariants();
  }

  private void randomCommand(SplittableRandom random) {
    int a = random.nextInt(MEMBERS);
    int b = random.nextInt(MEMBERS);
    long actor = ids.get(a);
    Handle other = Handle.of(handle(b));
    switch (random.nextInt(100) / 10) {
      case 0, 1 -> rapport.follow(actor, other);
      case 2 -> rapport.unfollow(actor, other);
      case 3, 4 -> rapport.invitations().invite(actor, new SendInvitation(other, Optional.empty(), Optional.empty()));
      case 5, 6 -> answerOne(actor, random, false, view -> rapport.invitations().accept(actor, view.invitation().id()));
      case 7 -> answerOne(actor, random, random.nextBoolean(), view -> view.invitation().senderId() == actor
          ? rapport.invitations().withdraw(actor, view.invitation().id())
          : rapport.invitations().ignore(actor, view.invitation().id()));
      case 8 -> rapport.removeConnection(actor, other);
      default -> {
        if (random.nextInt(4) == 0) {
          rapport.block(actor, other);
        } else {
          rapport.unblock(actor, other);
        }
      }
    }
  }

  private void answerOne(long actor, SplittableRandom random, boolean sent, Function<InvitationView, ?> answer) {
    List<InvitationView> open = rapport.invitations().list(actor, sent, Optional.empty(), PageRequest.first(20)).items();
    if (!open.isEmpty()) {
      answer.apply(open.get(random.nextInt(open.size())));
    }
  }

  private void assertInvariants() {
    Map<Long, Set<Long>> connections = new HashMap<>();
    for (long id : ids) {
      connections.put(id, all(p -> store.connections(id, false, id, p)).stream().map(Member::id)
          .collect(java.util.stream.Collectors.toSet()));
    }
    List<Event> log = store.eventsAfter(0, Integer.MAX_VALUE);
    Set<Set<Long>> openPairs = new HashSet<>();
    for (long id : ids) {
      Member member = store.member(id).orElseThrow();
      Set<Long> mine = connections.get(id);
      assertThat(mine.size()).as("L1: connections of %s", member.handle()).isLessThanOrEqualTo(MAX_CONNECTIONS);
      assertThat(member.connectionCount()).as("stored count of %s", member.handle()).isEqualTo(mine.size());
      for (long other : mine) {
        assertThat(connections.get(other)).as("C3: connections are mutual").contains(id);
        assertFollowsUnlessUnfollowedLater(log, id, other);
      }
      long sent = log.stream().filter(e -> e.type() == EventType.INVITATION_SENT && e.actorId() == id).count();
      assertThat(sent).as("L2: invitations sent by %s in the window", member.handle()).isLessThanOrEqualTo(WEEKLY);
      List<dev.rapport.model.Invitation> open = all(p -> store.invitations(id, true,
          EnumSet.of(InvitationState.PENDING, InvitationState.IGNORED), p));
      assertThat(open.size()).as("L3: open invitations of %s", member.handle()).isLessThanOrEqualTo(MAX_PENDING);
      for (var invitation : open) {
        assertThat(openPairs.add(Set.of(invitation.senderId(), invitation.recipientId())))
            .as("C1: one open invitation per pair").isTrue();
        assertThat(mine).as("no open invitation between connections").doesNotContain(invitation.recipientId());
      }
    }
  }

  /** C3: connected members follow each other, unless one unfollowed the other after connecting. */
  private void assertFollowsUnlessUnfollowedLater(List<Event> log, long a, long b) {
    long connectedAt = log.stream()
        .filter(e -> e.type() == EventType.CONNECTED && Set.of(e.actorId(), e.subjectId()).equals(Set.of(a, b)))
        .mapToLong(Event::seq).max().orElseThrow();
    boolean unfollowedSince = log.stream().anyMatch(e -> e.seq() > connectedAt && e.type() == EventType.UNFOLLOWED
        && e.actorId() == a && e.subjectId() == b);
    if (!unfollowedSince) {
      Set<Long> following = all(p -> store.following(a, a, p)).stream().map(Member::id)
          .collect(java.util.stream.Collectors.toSet());
      assertThat(following).as("C3: %d follows its connection %d", a, b).contains(b);
    }
  }

  private static <T> List<T> all(Function<PageRequest, Page<T>> list) {
    List<T> items = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<T> current = list.apply(page);
      items.addAll(current.items());
      if (current.next().isEmpty()) {
        return items;
      }
      page = new PageRequest(PageRequest.MAX_LIMIT, current.next());
    }
  }
}
