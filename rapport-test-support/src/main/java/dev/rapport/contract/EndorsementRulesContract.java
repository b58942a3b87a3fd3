package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.endorsement.SkillView;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.PageRequest;
import dev.rapport.model.RecommendationState;
import dev.rapport.recommendation.RecommendationView;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Skills and endorsements (E1), recommendations (E2) and what a block removes of them (B1, B2). */
public abstract class EndorsementRulesContract extends RulesContract {
  List<SkillView> skills(long viewer, String handle) {
    return rapport.endorsements().skills(viewer, h(handle));
  }

  SkillView skill(long viewer, String handle, String name) {
    return skills(viewer, handle).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  RecommendationView recommend(long writer, String recipient) {
    return rapport.endorsements().recommend(writer, h(recipient), "Ada ships.", Optional.of("worked together"));
  }

  List<RecommendationView> received(long viewer, String handle) {
    return rapport.endorsements().received(viewer, h(handle), Optional.empty(), PageRequest.first(200)).items();
  }

  // ---- E1 --------------------------------------------------------------------------------------

  @Test
  void E1_skills_keepTheMembersOrder_andReplacingThemKeepsEndorsementsOfTheSkillsKept() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    rapport.endorsements().setSkills(ada, List.of("Java", "SQL", "Go"));
    assertThat(skills(bob, "ada")).extracting(SkillView::name).containsExactly("Java", "SQL", "Go");
    rapport.endorsements().endorse(bob, h("ada"), "java");
    rapport.endorsements().endorse(bob, h("ada"), "Go");
    rapport.endorsements().setSkills(ada, List.of("Go", "JAVA"));
    assertThat(skills(bob, "ada")).extracting(SkillView::name).containsExactly("Go", "JAVA");
    assertThat(skill(bob, "ada", "JAVA").endorsementCount()).isEqualTo(1);
    rapport.endorsements().setSkills(ada, List.of("Go", "SQL"));
    rapport.endorsements().setSkills(ada, List.of("Go", "SQL", "Java"));
    assertThat(skill(bob, "ada", "Java").endorsementCount()).isZero(); // removing a skill removed its endorsements
    assertThat(skill(bob, "ada", "Go").endorsementCount()).isEqualTo(1);
  }

  @Test
  void E1_atMost50Skills_uniqueCaseAside_eachUpTo80Characters() {
    long ada = member("ada");
    List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "Skill " + i).toList();
    assertThat(rapport.endorsements().setSkills(ada, fifty)).hasSize(50);
    List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "Skill " + i).toList();
    assertThat(problemType(() -> rapport.endorsements().setSkills(ada, fiftyOne))).isEqualTo("too-many-skills");
    assertThat(problemType(() -> rapport.endorsements().setSkills(ada, List.of("Java", "java"))))
        .isEqualTo("duplicate-skill");
    assertThat(problemType(() -> rapport.endorsements().setSkills(ada, List.of("x".repeat(81)))))
        .isEqualTo("invalid-skill");
    assertThat(problemType(() -> rapport.endorsements().setSkills(ada, List.of(" ")))).isEqualTo("invalid-skill");
    assertThat(skills(ada, "ada")).hasSize(50); // nothing changed
  }

  @Test
  void E1_onlyFirstDegreeConnections_endorse_notOneself_andOnlyListedSkills() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    rapport.endorsements().setSkills(ada, List.of("Java"));
    rapport.follow(cyd, h("ada"));
    assertThat(problemType(() -> rapport.endorsements().endorse(cyd, h("ada"), "Java")))
        .isEqualTo("endorsement-requires-connection");
    assertThat(problemType(() -> rapport.endorsements().endorse(ada, h("ada"), "Java")))
        .isEqualTo("cannot-endorse-self");
    assertThat(problemType(() -> rapport.endorsements().endorse(bob, h("ada"), "Rust"))).isEqualTo("skill-not-found");
    assertThat(skill(ada, "ada", "Java").endorsementCount()).isZero();
  }

  @Test
  void E1_counts_endorsedByMe_endorsedByMyConnections_andTheNewestEndorsersFirst() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    long eve = member("eve");
    connect(ada, "ada", bob, "bob");
    connect(ada, "ada", cyd, "cyd");
    connect(ada, "ada", dan, "dan");
    connect(ada, "ada", eve, "eve");
    connect(eve, "eve", bob, "bob");
    rapport.endorsements().setSkills(ada, List.of("Java"));
    for (long endorser : new long[] {bob, cyd, dan, eve}) {
      clock.advance(java.time.Duration.ofMinutes(1));
      SkillView after = rapport.endorsements().endorse(endorser, h("ada"), "Java");
      assertThat(after.endorsedByMe()).isTrue();
    }
    rapport.endorsements().endorse(bob, h("ada"), "Java"); // idempotent
    SkillView seenByEve = skill(eve, "ada", "Java");
    assertThat(seenByEve.endorsementCount()).isEqualTo(4);
    assertThat(seenByEve.endorsedByMe()).isTrue();
    assertThat(seenByEve.endorsedByMyConnections()).isEqualTo(1); // of eve's connections (ada, bob), bob endorsed
    assertThat(seenByEve.firstEndorsers()).extracting(m -> m.handle().value()).containsExactly("eve", "dan", "cyd");
    SkillView unendorsed = rapport.endorsements().unendorse(eve, h("ada"), "java");
    assertThat(unendorsed.endorsementCount()).isEqualTo(3);
    assertThat(unendorsed.endorsedByMe()).isFalse();
    assertThat(store.eventsAfter(0, 1000)).extracting(Event::type)
        .contains(EventType.ENDORSED, EventType.ENDORSEMENT_REMOVED);
  }

  @Test
  void E1_removingTheConnection_keepsTheEndorsementsGiven() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    rapport.endorsements().setSkills(ada, List.of("Java"));
    rapport.endorsements().endorse(bob, h("ada"), "Java");
    rapport.removeConnection(ada, h("bob"));
    assertThat(skill(ada, "ada", "Java").endorsementCount()).isEqualTo(1);
    assertThat(problemType(() -> rapport.endorsements().endorse(bob, h("ada"), "Java")))
        .isEqualTo("endorsement-requires-connection");
    assertThat(rapport.endorsements().unendorse(bob, h("ada"), "Java").endorsementCount()).isZero();
  }

  @Test
  void B1_aBlock_removesEndorsementsBothWays_andUnblockingRestoresNothing() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    rapport.endorsements().setSkills(ada, List.of("Java"));
    rapport.endorsements().setSkills(bob, List.of("Go"));
    rapport.endorsements().endorse(bob, h("ada"), "Java");
    rapport.endorsements().endorse(ada, h("bob"), "Go");
    rapport.block(ada, h("bob"));
    rapport.unblock(ada, h("bob"));
    assertThat(skill(ada, "ada", "Java").endorsementCount()).isZero();
    assertThat(skill(bob, "bob", "Go").endorsementCount()).isZero();
  }

  @Test
  void B2_blockedMembers_areLeftOutOfCounts_andTheirSkillsAreNotFound() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    connect(ada, "ada", cyd, "cyd");
    rapport.endorsements().setSkills(ada, List.of("Java"));
    rapport.endorsements().endorse(bob, h("ada"), "Java");
    rapport.endorsements().endorse(cyd, h("ada"), "Java");
    long dan = member("dan");
    rapport.block(dan, h("bob"));
    SkillView seenByDan = skill(dan, "ada", "Java");
    assertThat(seenByDan.endorsementCount()).isEqualTo(1);
    assertThat(seenByDan.firstEndorsers()).extracting(m -> m.handle().value()).containsExactly("cyd");
    rapport.block(ada, h("dan"));
    assertThat(problemType(() -> skills(dan, "ada"))).isEqualTo("member-not-found");
    assertThat(problemType(() -> rapport.endorsements().endorse(dan, h("ada"), "Java"))).isEqualTo("member-not-found");
  }

  // ---- E2 --------------------------------------------------------------------------------------

  @Test
  void E2_onlyConnections_writeRecommendations_notOneself() {
    long ada = member("ada");
    long bob = member("bob");
    assertThat(problemType(() -> recommend(bob, "ada"))).isEqualTo("recommendation-requires-connection");
    assertThat(problemType(() -> recommend(ada, "ada"))).isEqualTo("cannot-recommend-self");
    assertThat(problemType(() -> rapport.endorsements().recommend(bob, h("ada"), "x".repeat(3_001), Optional.empty())))
        .isEqualTo("invalid-recommendation");
    assertThat(received(ada, "ada")).isEmpty();
  }

  @Test
  void E2_aRecommendation_isPendingUntilTheRecipientApproves_andShownToOthersOnlyThen() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    RecommendationView written = recommend(bob, "ada");
    assertThat(written.recommendation().state()).isEqualTo(RecommendationState.PENDING);
    assertThat(written.recommendation().relationship()).contains("worked together");
    assertThat(problemType(() -> recommend(bob, "ada"))).isEqualTo("recommendation-already-pending");
    assertThat(received(cyd, "ada")).isEmpty();
    assertThat(received(ada, "ada")).hasSize(1);
    assertThat(rapport.endorsements().given(bob, PageRequest.first()).items()).hasSize(1);
    long id = written.recommendation().id();
    RecommendationView shown = rapport.endorsements().approve(ada, id);
    assertThat(shown.recommendation().state()).isEqualTo(RecommendationState.SHOWN);
    assertThat(shown.recommendation().shownAt()).contains(START);
    assertThat(received(cyd, "ada")).extracting(v -> v.writer().handle().value()).containsExactly("bob");
    assertThat(store.eventsAfter(0, 1000)).extracting(Event::type)
        .contains(EventType.RECOMMENDATION_WRITTEN, EventType.RECOMMENDATION_SHOWN);
  }

  @Test
  void E2_theRecipient_hidesAndShowsItAgain_andFiltersByState() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    long id = recommend(bob, "ada").recommendation().id();
    rapport.endorsements().approve(ada, id);
    assertThat(rapport.endorsements().hide(ada, id).recommendation().state()).isEqualTo(RecommendationState.HIDDEN);
    assertThat(received(cyd, "ada")).isEmpty();
    assertThat(rapport.endorsements().received(ada, h("ada"), Optional.of(RecommendationState.HIDDEN),
        PageRequest.first()).items()).hasSize(1);
    assertThat(problemType(() -> rapport.endorsements().received(cyd, h("ada"), Optional.of(RecommendationState.HIDDEN),
        PageRequest.first()))).isEqualTo("recommendations-hidden");
    rapport.endorsements().approve(ada, id);
    assertThat(received(cyd, "ada")).hasSize(1);
  }

  @Test
  void E2_onlyTheRecipient_approvesOrHides_othersFindNothing() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    long id = recommend(bob, "ada").recommendation().id();
    assertThat(problemType(() -> rapport.endorsements().approve(bob, id))).isEqualTo("recommendation-not-found");
    assertThat(problemType(() -> rapport.endorsements().hide(cyd, id))).isEqualTo("recommendation-not-found");
    assertThat(problemType(() -> rapport.endorsements().remove(cyd, id))).isEqualTo("recommendation-not-found");
    assertThat(problemType(() -> rapport.endorsements().approve(ada, 424242))).isEqualTo("recommendation-not-found");
    assertThat(received(ada, "ada")).extracting(v -> v.recommendation().state())
        .containsExactly(RecommendationState.PENDING);
  }

  @Test
  void E2_theWriterWithdraws_theRecipientRemoves() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    long first = recommend(bob, "ada").recommendation().id();
    rapport.endorsements().remove(bob, first);
    assertThat(received(ada, "ada")).isEmpty();
    long second = recommend(bob, "ada").recommendation().id();
    rapport.endorsements().remove(ada, second);
    assertThat(rapport.endorsements().given(bob, PageRequest.first()).items()).isEmpty();
  }

  @Test
  void E2_removingTheConnection_keepsTheRecommendation() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    long id = recommend(bob, "ada").recommendation().id();
    rapport.endorsements().approve(ada, id);
    rapport.removeConnection(bob, h("ada"));
    assertThat(received(cyd, "ada")).hasSize(1);
  }

  @Test
  void B1_aBlock_removesRecommendationsBothWays() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    long id = recommend(bob, "ada").recommendation().id();
    rapport.endorsements().approve(ada, id);
    recommend(ada, "bob");
    rapport.block(bob, h("ada"));
    rapport.unblock(bob, h("ada"));
    assertThat(received(ada, "ada")).isEmpty();
    assertThat(received(bob, "bob")).isEmpty();
    assertThat(problemType(() -> rapport.endorsements().approve(ada, id))).isEqualTo("recommendation-not-found");
  }

  @Test
  void B2_writersBlockedByTheViewer_areLeftOutOfTheList() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    rapport.endorsements().approve(ada, recommend(bob, "ada").recommendation().id());
    rapport.block(cyd, h("bob"));
    assertThat(received(cyd, "ada")).isEmpty();
    assertThat(received(ada, "ada")).hasSize(1);
  }
}
