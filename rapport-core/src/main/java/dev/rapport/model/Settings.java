package dev.rapport.model;

import java.util.Objects;

/**
 * A member's settings (M3).
 *
 * @param followPrimary Creator Mode: Follow is the primary action on the profile
 * @param openProfile premium only: anyone may message this member for free (MS2)
 * @param followsVisibility who else sees the followers and following lists (P5)
 */
public record Settings(
    boolean followPrimary,
    WhoCanFollow whoCanFollow,
    WhoCanInvite whoCanInvite,
    ConnectionsVisibility connectionsVisibility,
    boolean openProfile,
    FollowsVisibility followsVisibility) {

  public static final Settings DEFAULTS = new Settings(false, WhoCanFollow.EVERYONE, WhoCanInvite.EVERYONE,
      ConnectionsVisibility.CONNECTIONS, false, FollowsVisibility.ONLY_ME);

  public Settings {
    Objects.requireNonNull(whoCanFollow, "whoCanFollow");
    Objects.requireNonNull(whoCanInvite, "whoCanInvite");
    Objects.requireNonNull(connectionsVisibility, "connectionsVisibility");
    Objects.requireNonNull(followsVisibility, "followsVisibility");
  }

  public Settings withFollowsVisibility(FollowsVisibility value) {
    return new Settings(followPrimary, whoCanFollow, whoCanInvite, connectionsVisibility, openProfile, value);
  }
}
