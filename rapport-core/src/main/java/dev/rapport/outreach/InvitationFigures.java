package dev.rapport.outreach;

import java.util.OptionalDouble;

/**
 * X1: what became of the invitations a member sent. Pending includes those the recipient ignored,
 * which their sender sees as pending (C5); withdrawn ones count as sent, not in the rate
 * (docs/decisions/0030-outreach-analytics-and-prospects.md).
 */
public record InvitationFigures(int accepted, int pending, int withdrawn) {
  static final InvitationFigures NONE = new InvitationFigures(0, 0, 0);

  public int sent() {
    return accepted + pending + withdrawn;
  }

  /** Accepted over accepted and pending (answered or still waiting); empty while both are zero. */
  public OptionalDouble acceptanceRate() {
    int asked = accepted + pending;
    return asked == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) accepted / asked);
  }

  InvitationFigures plus(InvitationFigures other) {
    return new InvitationFigures(accepted + other.accepted, pending + other.pending, withdrawn + other.withdrawn);
  }
}
