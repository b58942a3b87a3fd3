package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.endorsement.Skills;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Change;
import dev.rapport.member.NewMember;
import dev.rapport.model.Endorsement;
import dev.rapport.model.Handle;
import dev.rapport.store.Store;
import dev.rapport.time.AdjustableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The invariants of pages and skills that no interleaving may break: a page always keeps an admin
 * (CP1), a profile lists at most 50 skills, each list written whole, and no endorsement outlives
 * its skill (E1). Each backend runs this by extending it.
 */
public abstract class ProfileConcurrencyContract {
  private static final int ROUNDS = 12;
  private static final int WRITERS = 16;

  /** A fresh, empty store. The suite closes it. */
  protected abstract Store openStore();

  private Store store;
  private Rapport rapport;

  @BeforeEach
  void setUp() {
    store = openStore();
    rapport = Rapport.builder().store(store).clock(AdjustableClock.fixedAt(Instant.parse("2026-06-01T12:00:00Z")))
        .build();
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private long person(String handle) {
    return rapport.createMember(NewMember.person(handle, handle)).member().id();
  }

  @Test
  void CP1_twoAdminsRemovingEachOtherAtOnce_leaveOne() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      long ada = person("ada" + round);
      long bob = person("bob" + round);
      Handle page = Handle.of("page" + round);
      rapport.companies().create(ada, page, "Page " + round, "");
      rapport.companies().addAdmin(ada, page, Handle.of("bob" + round));
      Handle adaHandle = Handle.of("ada" + round);
      Handle bobHandle = Handle.of("bob" + round);
      // Refused: last-page-admin for the one who comes second.
      ConcurrentWriters.runAtOnce(List.of(
          i -> rapport.companies().removeAdmin(ada, page, bobHandle),
          i -> rapport.companies().removeAdmin(bob, page, adaHandle)), 1);
      long pageId = store.member(page).orElseThrow().id();
      assertThat(store.pageAdmins(pageId)).as("CP1: admins of %s", page).hasSize(1);
    }
  }

  @Test
  void CP1_everyAdminRemovingThemselvesAtOnce_leavesOne() throws Exception {
    long first = person("owner");
    Handle page = Handle.of("acme");
    rapport.companies().create(first, page, "Acme", "");
    List<Long> admins = new ArrayList<>(List.of(first));
    for (int i = 0; i < WRITERS - 1; i++) {
      long admin = person("admin" + i);
      rapport.companies().addAdmin(first, page, Handle.of("admin" + i));
      admins.add(admin);
    }
    List<ConcurrentWriters.Step> removals = new ArrayList<>();
    for (long admin : admins) {
      Handle self = store.member(admin).orElseThrow().handle();
      removals.add(i -> rapport.companies().removeAdmin(admin, page, self));
    }
    ConcurrentWriters.runAtOnce(removals, 1);
    assertThat(store.pageAdmins(store.member(page).orElseThrow().id())).hasSize(1);
  }

  @Test
  void E1_concurrentSkillLists_andEndorsements_keepTheCap_oneWholeList_andNoOrphanEndorsement() throws Exception {
    long ada = person("ada");
    List<Long> friends = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      long friend = person("friend" + i);
      var invitation = rapport.invitations().invite(friend, new SendInvitation(Handle.of("ada"), Optional.empty(), Optional.empty()));
      rapport.invitations().accept(ada, invitation.invitation().id());
      friends.add(friend);
    }
    List<List<String>> lists = IntStream.range(0, WRITERS).mapToObj(w -> IntStream.range(0, Skills.MAX_SKILLS)
        .mapToObj(i -> (i % 3 == 0 ? "Common " + i : "Writer " + w + " skill " + i)).toList()).toList();
    // Refused: skill-not-found for an endorsement of a skill a later list left out.
    List<ConcurrentWriters.Step> work = new ArrayList<>();
    for (List<String> list : lists) {
      work.add(i -> rapport.endorsements().setSkills(ada, list));
    }
    for (int i = 0; i < WRITERS; i++) {
      long friend = friends.get(i % friends.size());
      String skill = i % 2 == 0 ? "Common " + (3 * i) : "Writer " + i + " skill 1";
      work.add(step -> rapport.endorsements().endorse(friend, Handle.of("ada"), skill));
    }
    ConcurrentWriters.runAtOnce(work, 1);
    List<String> skills = store.skills(ada);
    assertThat(skills).as("E1: at most 50 skills").hasSizeLessThanOrEqualTo(Skills.MAX_SKILLS);
    assertThat(lists).as("E1: one writer's list, whole and in order").contains(skills);
    Set<String> keys = skills.stream().map(Change.SetSkills::key).collect(Collectors.toSet());
    assertThat(store.endorsements(ada)).extracting(Endorsement::skillKey).allMatch(keys::contains);
  }
}
