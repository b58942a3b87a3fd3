package dev.rapport.model;

/** What a token is for (A2): a bearer token for API clients, or the session of a browser's cookie. */
public enum TokenKind {
  /** Sent as {@code Authorization: Bearer}; issued by an administrator or created by its member. */
  API,
  /** Sent as a cookie; started by signing in, ended by signing out or a password change. */
  SESSION
}
