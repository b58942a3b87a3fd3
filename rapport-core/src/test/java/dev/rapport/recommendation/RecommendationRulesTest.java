package dev.rapport.recommendation;

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
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Recommendation;
import dev.rapport.model.RecommendationState;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recommendations (E2) decided on literal state. */
class RecommendationRulesTest {
  final Member ada = member("ada");
  final Member bob = member("bob");
  final Member cyd = member("cyd");

  private Recommendation written(RecommendationState state) {
    return new Recommendation(9, bob.id(), ada.id(), "Ada ships.", Optional.empty(), state, NOW, Optional.empty());
  }

  @Test
  void E2_aConnection_writesOne_pendingUntilApproved_oneAtATime() {
    Effects effects = effects();
    Recommendation r = result(Recommendations.write(pair(bob, ada).connected().build(), Optional.empty(),
        " Ada ships.\nEvery time. ", Optional.of("Worked together"), effects));
    assertThat(r.state()).isEqualTo(RecommendationState.PENDING);
    assertThat(r.text()).isEqualTo("Ada ships.\nEvery time.");
    assertThat(changes(effects)).as("NT1: the recipient is told").containsExactly(new Change.AddRecommendation(r),
        new Change.AddNotification(new Notification(r.id() + 1, r.recipientId(), NotificationKind.RECOMMENDED,
            r.writerId(), r.id(), r.createdAt(), false)));
    refused(RuleBrokenException.class, "recommendation-already-pending", () -> Recommendations.write(
        pair(bob, ada).connected().build(), Optional.of(r), "Again", Optional.empty(), effects()));
    refused(ForbiddenException.class, "recommendation-requires-connection", () -> Recommendations.write(
        pair(cyd, ada).build(), Optional.empty(), "Hi", Optional.empty(), effects()));
    refused(InvalidInputException.class, "invalid-recommendation", () -> Recommendations.write(
        pair(bob, ada).connected().build(), Optional.empty(), "x".repeat(3_001), Optional.empty(), effects()));
  }

  @Test
  void E2_onlyTheRecipient_approvesAndHides_andApprovingAHiddenOneShowsItAgain() {
    Effects effects = effects();
    Recommendation shown = result(Recommendations.setState(ada.id(), Optional.of(written(RecommendationState.HIDDEN)),
        RecommendationState.SHOWN, effects));
    assertThat(shown.state()).isEqualTo(RecommendationState.SHOWN);
    assertThat(shown.shownAt()).contains(NOW);
    refused(NotFoundException.class, "recommendation-not-found", () -> Recommendations.setState(bob.id(),
        Optional.of(written(RecommendationState.PENDING)), RecommendationState.SHOWN, effects()));
    refused(NotFoundException.class, "recommendation-not-found", () -> Recommendations.remove(cyd.id(),
        Optional.of(written(RecommendationState.SHOWN)), effects()));
    Effects withdrawn = effects();
    Recommendations.remove(bob.id(), Optional.of(written(RecommendationState.PENDING)), withdrawn);
    assertThat(changes(withdrawn)).containsExactly(new Change.RemoveRecommendation(9));
  }
}
