package dev.rapport.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A period during which a member may not send invitations (L4, L5, C7).
 *
 * @param reason {@link #WEEKLY_LIMIT_REFUSALS} or {@link #REPORTED}
 */
public record Restriction(long memberId, String reason, Instant startsAt, Instant endsAt) {
  /** L4: refused by the weekly limit too often. */
  public static final String WEEKLY_LIMIT_REFUSALS = "weekly-limit-refusals";
  /** C7: reported as unknown by too many recipients. */
  public static final String REPORTED = "reported";

  public Restriction {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
  }

  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }
}
