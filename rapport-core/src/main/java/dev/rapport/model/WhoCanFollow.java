package dev.rapport.model;

/** M3, F5: who may follow a member. */
public enum WhoCanFollow {
  EVERYONE,
  CONNECTIONS
}
