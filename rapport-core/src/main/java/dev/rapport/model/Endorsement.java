package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;

/**
 * E1: a connection vouched for one of a member's skills.
 *
 * @param skillKey the skill's name in lower case, which endorsements are kept by (docs/decisions/0026-skills-endorsements-recommendations-and-page-admins.md)
 */
public record Endorsement(String skillKey, long endorserId, Instant at) {
  public Endorsement {
    Objects.requireNonNull(skillKey, "skillKey");
    Objects.requireNonNull(at, "at");
  }
}
