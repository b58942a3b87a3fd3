package dev.rapport.profile;

import java.util.Locale;

/** A button a profile offers its viewer (PR1). */
public enum ProfileAction {
  EDIT,
  FOLLOW,
  UNFOLLOW,
  CONNECT,
  /** The viewer's invitation is out; the button withdraws it. */
  PENDING,
  ACCEPT,
  MESSAGE,
  REMOVE_CONNECTION,
  BLOCK;

  /** The name used on the wire, e.g. {@code remove-connection}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
