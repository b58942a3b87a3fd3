package dev.rapport.importing;

/** Why an import left out a connection it was given: the rule that refuses it. */
public enum SkipReason {
  /** C11: nobody connects with themself. */
  SELF("connecting a member with themself"),
  /** CP1: company pages are followed, never connected. */
  COMPANY_PAGE("with a company page"),
  /** B3, C11: one of the two has blocked the other. */
  BLOCKED("blocked"),
  /** L1: one of the two has as many connections as the policy allows. */
  CONNECTION_CAP("at the connection cap");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  /** A few words for a summary, e.g. {@code blocked}. */
  public String description() {
    return description;
  }
}
