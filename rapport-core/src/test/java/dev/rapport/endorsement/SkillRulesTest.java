package dev.rapport.endorsement;

import static dev.rapport.Fixtures.NOW;
import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.model.Endorsement;
import dev.rapport.model.Member;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Skills and endorsements (E1) decided on literal state. */
class SkillRulesTest {
  final Member ada = member("ada");
  final Member bob = member("bob");
  final Member cyd = member("cyd");

  @Test
  void E1_settingSkills_keepsTheOrder_andDropsTheEndorsementsOfSkillsLeftOut() {
    Effects effects = effects();
    List<String> set = result(Skills.set(ada, List.of("Java", "SQL", "Go"), List.of("go", " Rust ", "JAVA"), effects));
    assertThat(set).containsExactly("go", "Rust", "JAVA");
    assertThat(changes(effects)).containsExactly(new Change.SetSkills(ada.id(), List.of("go", "Rust", "JAVA"),
        List.of("sql")));
  }

  @Test
  void E1_at50Skills_theListIsTaken_at51ItIsRefused_asAreDuplicatesAndOverlongNames() {
    List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "S" + i).toList();
    assertThat(result(Skills.set(ada, List.of(), fifty, effects()))).hasSize(50);
    List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "S" + i).toList();
    refused(InvalidInputException.class, "too-many-skills", () -> Skills.set(ada, List.of(), fiftyOne, effects()));
    refused(InvalidInputException.class, "duplicate-skill", () -> Skills.set(ada, List.of(), List.of("Go", "GO"),
        effects()));
    refused(InvalidInputException.class, "invalid-skill", () -> Skills.set(ada, List.of(), List.of("x".repeat(81)),
        effects()));
  }

  @Test
  void E1_onlyAFirstDegreeConnection_endorses_aSkillTheMemberLists_once() {
    refused(ForbiddenException.class, "endorsement-requires-connection",
        () -> Skills.endorse(pair(cyd, ada).build(), List.of("Java"), List.of(), "Java", effects()));
    refused(RuleBrokenException.class, "cannot-endorse-self",
        () -> Skills.endorse(pair(ada, ada).build(), List.of("Java"), List.of(), "Java", effects()));
    refused(NotFoundException.class, "skill-not-found",
        () -> Skills.endorse(pair(bob, ada).connected().build(), List.of("Java"), List.of(), "Rust", effects()));
    Effects effects = effects();
    assertThat(result(Skills.endorse(pair(bob, ada).connected().build(), List.of("Java"), List.of(), "java", effects)))
        .isEqualTo("Java");
    assertThat(changes(effects)).first().isEqualTo(new Change.AddEndorsement(ada.id(), "java", bob.id(), NOW));
    assertThat(changes(effects)).last().isInstanceOfSatisfying(Change.AddNotification.class,
        n -> assertThat(n.notification().recipientId()).as("NT1: the endorsed member is told").isEqualTo(ada.id()));
    Effects again = effects();
    Skills.endorse(pair(bob, ada).connected().build(), List.of("Java"),
        List.of(new Endorsement("java", bob.id(), NOW)), "Java", again);
    assertThat(again.isEmpty()).isTrue();
  }

  @Test
  void E1_aFormerConnection_takesBackTheirEndorsement() {
    Effects effects = effects();
    Skills.unendorse(pair(bob, ada).build(), List.of("Java"), List.of(new Endorsement("java", bob.id(), NOW)), "Java",
        effects);
    assertThat(changes(effects)).containsExactly(new Change.RemoveEndorsement(ada.id(), "java", bob.id()));
  }

  @Test
  void B2_aMemberWhoBlockedTheEndorser_isNotFound() {
    refused(NotFoundException.class, "member-not-found",
        () -> Skills.endorse(pair(bob, ada).connected().otherBlocked().build(), List.of("Java"), List.of(), "Java",
            effects()));
  }
}
