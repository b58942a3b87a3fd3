package dev.rapport.model;

import dev.rapport.problem.InvalidInputException;
import java.util.OptionalInt;

/**
 * A tier is data (M2): the numbers that differ between, by default, {@code basic} and {@code premium}.
 *
 * @param weeklyInvitations invitations per rolling 7 days (L2)
 * @param newAccountWeeklyInvitations the weekly limit while the account is younger than the policy's
 *     new-account age
 * @param notesPerMonth personalised notes per calendar month; negative means unlimited (C8)
 * @param noteMaxLength the longest note, in characters (C8)
 * @param inMailPerMonth InMail credits granted each month (MS2)
 * @param inMailCap the most InMail credits that can accumulate
 * @param openProfileAllowed whether {@link Settings#openProfile()} may be switched on
 */
public record Tier(
    String name,
    int weeklyInvitations,
    int newAccountWeeklyInvitations,
    int notesPerMonth,
    int noteMaxLength,
    int inMailPerMonth,
    int inMailCap,
    boolean openProfileAllowed) {

  public static final Tier BASIC = new Tier("basic", 200, 100, 5, 200, 0, 0, false);
  public static final Tier PREMIUM = new Tier("premium", 250, 250, -1, 300, 15, 45, true);

  public Tier {
    if (name == null || !name.matches("[a-z][a-z0-9-]{0,30}")) {
      throw new InvalidInputException("invalid-tier", "tier name '%s' is not a-z, 0-9, -".formatted(name));
    }
    if (weeklyInvitations < 0 || newAccountWeeklyInvitations < 0 || noteMaxLength < 0
        || inMailPerMonth < 0 || inMailCap < 0) {
      throw new InvalidInputException("invalid-tier", "tier '%s' has a negative limit".formatted(name));
    }
  }

  /** The monthly note allowance, empty when unlimited. */
  public OptionalInt monthlyNotes() {
    return notesPerMonth < 0 ? OptionalInt.empty() : OptionalInt.of(notesPerMonth);
  }
}
