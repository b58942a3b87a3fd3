package dev.rapport.model;

/**
 * A member's InMail credits as last stored (M2, MS2): the balance after the grants of every month
 * up to {@code month}; later months' grants are added when the credits are next read.
 *
 * @param month the month of the last grant, counted as {@code year * 12 + month - 1} in UTC
 */
public record InMailCredits(long memberId, int balance, int month) {
  public InMailCredits {
    if (balance < 0) {
      throw new IllegalArgumentException("InMail credits never go negative: " + balance);
    }
  }
}
