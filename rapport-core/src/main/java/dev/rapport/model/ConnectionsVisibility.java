package dev.rapport.model;

/** M3, P1: who sees a member's connection list. */
public enum ConnectionsVisibility {
  CONNECTIONS,
  ONLY_ME
}
