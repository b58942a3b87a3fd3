package dev.rapport.member;

import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Settings;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import java.util.Optional;

/** The command to change one's own name, headline or settings (M3). Absent fields stay as they are. */
public record ProfileUpdate(
    Optional<String> name,
    Optional<String> headline,
    Optional<Boolean> followPrimary,
    Optional<WhoCanFollow> whoCanFollow,
    Optional<WhoCanInvite> whoCanInvite,
    Optional<ConnectionsVisibility> connectionsVisibility,
    Optional<Boolean> openProfile,
    Optional<FollowsVisibility> followsVisibility) {

  public ProfileUpdate {
    name = name == null ? Optional.empty() : name.map(NewMember::requireName);
    headline = headline == null ? Optional.empty() : headline.map(NewMember::requireHeadline);
    followPrimary = followPrimary == null ? Optional.empty() : followPrimary;
    whoCanFollow = whoCanFollow == null ? Optional.empty() : whoCanFollow;
    whoCanInvite = whoCanInvite == null ? Optional.empty() : whoCanInvite;
    connectionsVisibility = connectionsVisibility == null ? Optional.empty() : connectionsVisibility;
    openProfile = openProfile == null ? Optional.empty() : openProfile;
    followsVisibility = followsVisibility == null ? Optional.empty() : followsVisibility;
  }

  public static ProfileUpdate none() {
    return new ProfileUpdate(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ProfileUpdate withWhoCanFollow(WhoCanFollow value) {
    return new ProfileUpdate(name, headline, followPrimary, Optional.of(value), whoCanInvite, connectionsVisibility,
        openProfile, followsVisibility);
  }

  public ProfileUpdate withWhoCanInvite(WhoCanInvite value) {
    return new ProfileUpdate(name, headline, followPrimary, whoCanFollow, Optional.of(value), connectionsVisibility,
        openProfile, followsVisibility);
  }

  public ProfileUpdate withConnectionsVisibility(ConnectionsVisibility value) {
    return new ProfileUpdate(name, headline, followPrimary, whoCanFollow, whoCanInvite, Optional.of(value),
        openProfile, followsVisibility);
  }

  public ProfileUpdate withFollowPrimary(boolean value) {
    return new ProfileUpdate(name, headline, Optional.of(value), whoCanFollow, whoCanInvite, connectionsVisibility,
        openProfile, followsVisibility);
  }

  public ProfileUpdate withOpenProfile(boolean value) {
    return new ProfileUpdate(name, headline, followPrimary, whoCanFollow, whoCanInvite, connectionsVisibility,
        Optional.of(value), followsVisibility);
  }

  public ProfileUpdate withFollowsVisibility(FollowsVisibility value) {
    return new ProfileUpdate(name, headline, followPrimary, whoCanFollow, whoCanInvite, connectionsVisibility,
        openProfile, Optional.of(value));
  }

  /** The settings after this update. */
  public Settings applyTo(Settings s) {
    return new Settings(
        followPrimary.orElse(s.followPrimary()),
        whoCanFollow.orElse(s.whoCanFollow()),
        whoCanInvite.orElse(s.whoCanInvite()),
        connectionsVisibility.orElse(s.connectionsVisibility()),
        openProfile.orElse(s.openProfile()),
        followsVisibility.orElse(s.followsVisibility()));
  }
}
