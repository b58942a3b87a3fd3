package dev.rapport.member;

/** M3, F5: who may follow a member. */
public enum WhoCanFollow {
  EVERYONE,
  CONNECTIONS
}
