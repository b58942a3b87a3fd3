package dev.rapport.messaging;

/** Why a member may write to another, and what it costs (MS1, MS2). */
public enum MessageAccess {
  /** MS1: 1st-degree connections write freely. */
  CONNECTION(false, false),
  /** MS2: in a conversation whose request was accepted, both write freely. */
  ACCEPTED_CONVERSATION(false, false),
  /** MS2: the recipient of a pending request replies, which accepts it. */
  REPLY_TO_REQUEST(false, false),
  /** MS2: free, to a member with Open Profile; the recipient sees a request. */
  OPEN_PROFILE(false, true),
  /** MS2: one InMail credit; the recipient sees a request. */
  INMAIL(true, true);

  private final boolean spendsCredit;
  private final boolean request;

  MessageAccess(boolean spendsCredit, boolean request) {
    this.spendsCredit = spendsCredit;
    this.request = request;
  }

  /** Whether sending spends one of the sender's InMail credits. */
  public boolean spendsCredit() {
    return spendsCredit;
  }

  /** Whether the recipient sees the message as a request to accept or decline. */
  public boolean request() {
    return request;
  }
}
