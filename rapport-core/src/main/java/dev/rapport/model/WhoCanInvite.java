package dev.rapport.model;

/** M3, C9: who may send a member an invitation. {@code EMAIL}: only senders who know their email. */
public enum WhoCanInvite {
  EVERYONE,
  EMAIL,
  NOBODY
}
