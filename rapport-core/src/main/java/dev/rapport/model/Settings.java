package dev.rapport.model;

import java.util.Objects;

/**
 * A member's settings (M3).
 *
 * @param followPrimary Creator Mode: Follow is the primary action on the profile
 * @param openProfile premium only: anyone may message this member for free (MS2)
 */
public record Settings(
    boolean followPrimary,
    WhoCanFollow whoCanFollow,
    WhoCanInvite whoCanInvite,
    ConnectionsVisibility connectionsVisibility,
    boolean openProfile) {

  public static final Settings DEFAULTS =
      new Settings(false, WhoCanFollow.EVERYONE, WhoCanInvite.EVERYONE, ConnectionsVisibility.CONNECTIONS, false);

  public Settings {
    Objects.requireNonNull(whoCanFollow, "whoCanFollow");
    Objects.requireNonNull(whoCanInvite, "whoCanInvite");
    Objects.requireNonNull(connectionsVisibility, "connectionsVisibility");
  }
}
