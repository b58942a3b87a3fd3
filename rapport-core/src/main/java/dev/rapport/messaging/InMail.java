package dev.rapport.messaging;

import dev.rapport.model.InMailCredits;
import dev.rapport.model.Member;
import dev.rapport.model.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * M2, MS2: the InMail credit ledger. Each calendar month (UTC) from the month a member joined grants
 * their tier's credits, up to its cap; grants are added when the credits are read, so no job runs
 * at a month's turn (docs/decisions/0034-messaging-conversations-requests-credits.md). Pure functions.
 */
public final class InMail {
  private InMail() {}

  /** The month of an instant in UTC, counted as {@code year * 12 + month - 1}. */
  public static int monthOf(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return day.getYear() * 12 + day.getMonthValue() - 1;
  }

  /** When the month after the one of {@code at} starts: the next grant. */
  public static Instant nextGrantAt(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return day.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * The member's credits at {@code now}: what was stored plus each later month's grant, at most the
   * tier's cap; a member with nothing stored has had every month's grant since they joined. A tier
   * without InMail has none.
   */
  public static InMailCredits available(Member member, Tier tier, Optional<InMailCredits> stored, Instant now) {
    int month = monthOf(now);
    if (!granted(tier)) {
      // A tier without InMail has none to spend, whatever was stored under another tier.
      return new InMailCredits(member.id(), 0, month);
    }
    long balance;
    if (stored.isEmpty()) {
      long months = Math.max(1, month - monthOf(member.createdAt()) + 1L);
      balance = Math.min(tier.inMailCap(), months * tier.inMailPerMonth());
    } else {
      InMailCredits last = stored.get();
      long months = month - (long) last.month();
      balance = months <= 0 ? last.balance()
          : Math.max(last.balance(), Math.min(tier.inMailCap(), last.balance() + months * tier.inMailPerMonth()));
      month = Math.max(month, last.month());
    }
    return new InMailCredits(member.id(), (int) balance, month);
  }

  /** Whether the tier grants InMail at all. */
  public static boolean granted(Tier tier) {
    return tier.inMailPerMonth() > 0 || tier.inMailCap() > 0;
  }
}
