package dev.rapport.endorsement;

import dev.rapport.model.Member;
import java.util.List;
import java.util.Objects;

/**
 * E1: one skill of a profile as one viewer sees it. Counts leave out endorsers a block hides from
 * the viewer (B2), as every count does (docs/decisions/0017).
 *
 * @param endorsedByMyConnections how many of the viewer's 1st-degree connections endorsed it
 * @param firstEndorsers the newest endorsers, up to {@link SkillViews#FIRST_ENDORSERS}
 */
public record SkillView(String name, int endorsementCount, boolean endorsedByMe, int endorsedByMyConnections,
    List<Member> firstEndorsers) {
  public SkillView {
    Objects.requireNonNull(name, "name");
    firstEndorsers = List.copyOf(firstEndorsers);
  }
}
