package dev.rapport.recommendation;

import dev.rapport.model.Member;
import dev.rapport.model.Recommendation;
import java.util.Objects;

/** E2: a recommendation with its writer and recipient. */
public record RecommendationView(Recommendation recommendation, Member writer, Member recipient) {
  public RecommendationView {
    Objects.requireNonNull(recommendation, "recommendation");
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(recipient, "recipient");
  }
}
