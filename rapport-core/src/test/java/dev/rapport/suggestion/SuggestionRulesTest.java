package dev.rapport.suggestion;

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
import dev.rapport.model.Member;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import org.junit.jupiter.api.Test;

/** Dismissing a suggestion (N4) on literal state. */
class SuggestionRulesTest {
  final Member ada = member("ada");
  final Member bob = member("bob");

  @Test
  void N4_dismissing_recordsTheDismissal() {
    Effects effects = effects();
    assertThat(result(Suggestions.dismiss(pair(ada, bob).build(), effects))).isTrue();
    assertThat(changes(effects)).containsExactly(new Change.AddDismissal(ada.id(), bob.id(), NOW));
  }

  @Test
  void N4_oneselfCannotBeDismissed_andABlockedMemberCannotBeNamed() {
    refused(RuleBrokenException.class, "cannot-dismiss-self", () -> Suggestions.dismiss(pair(ada, ada).build(), effects()));
    refused(NotFoundException.class, "member-not-found",
        () -> Suggestions.dismiss(pair(ada, bob).otherBlocked().build(), effects()));
  }
}
