package dev.rapport.profile;

import dev.rapport.follow.Follows;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.Invitation;
import dev.rapport.model.Member;
import dev.rapport.model.WhoCanInvite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** PR1: how a profile looks to a viewer. */
public final class Profiles {
  private Profiles() {}

  /**
   * The profile of the pair's other member as its actor sees it.
   *
   * @param followerCount the member's follower count as F5 lets it count and the actor may count it
   * @param connectionCount the member's connection count as the actor may count it: without members a
   *     block hides from the actor (B2)
   * @param closeness the member's degree as the actor sees it (N1) and the connections they share (N2)
   * @throws dev.rapport.problem.NotFoundException if a block stands between the two (B2)
   */
  public static ProfileView view(PairState pair, int followerCount, int connectionCount,
      ProfileView.Closeness closeness) {
    Member member = pair.other();
    if (pair.isSelf()) {
      return new ProfileView(member, true, Optional.empty(), ProfileAction.EDIT, List.of(),
          Optional.of(followerCount), connectionCount, member.email());
    }
    // B2: a block either way makes the profile a 404.
    Visibility.requireVisible(pair);
    boolean connected = pair.connected();
    boolean following = Follows.isEffective(pair.actorFollowsOther(), member, connected);
    boolean followedBy = Follows.isEffective(pair.otherFollowsActor(), pair.actor(), connected);
    Optional<ProfileView.InvitationSummary> invitation = pair.openInvitation().map(i -> summary(i, pair.actor()));

    Optional<ProfileAction> follow = following ? Optional.of(ProfileAction.UNFOLLOW)
        : Follows.mayFollow(pair) ? Optional.of(ProfileAction.FOLLOW) : Optional.empty();
    Optional<ProfileAction> connect = connectAction(pair, invitation);
    // PR1: with followPrimary (and on company pages, CP1) Follow is the primary action.
    boolean followFirst = member.settings().followPrimary() || member.isCompany();

    ProfileAction primary;
    List<ProfileAction> more = new ArrayList<>();
    if (followFirst && !connected && follow.isPresent()) {
      primary = follow.get();
      connect.ifPresent(more::add);
    } else if (connect.isPresent()) {
      primary = connect.get();
      follow.ifPresent(more::add);
    } else {
      primary = follow.orElse(ProfileAction.BLOCK);
    }
    if (connected) {
      more.add(ProfileAction.REMOVE_CONNECTION);
    }
    if (primary != ProfileAction.BLOCK) {
      more.add(ProfileAction.BLOCK);
    }
    return new ProfileView(member, false,
        Optional.of(new ProfileView.Relationship(following, followedBy, connected, invitation, closeness.degree(),
            closeness.mutualCount(), closeness.firstMutuals())),
        primary, more,
        // PR1: the follower count is shown on followPrimary profiles.
        followFirst ? Optional.of(followerCount) : Optional.empty(),
        // P1 hides who, not how many: the count stays, as on LinkedIn.
        connectionCount,
        connected ? member.email() : Optional.empty());
  }

  private static Optional<ProfileAction> connectAction(PairState pair,
      Optional<ProfileView.InvitationSummary> invitation) {
    // PR1: Message when connected, Pending when an invitation is out, otherwise Connect.
    if (pair.connected()) {
      return Optional.of(ProfileAction.MESSAGE);
    }
    if (invitation.isPresent()) {
      return Optional.of(invitation.get().sent() ? ProfileAction.PENDING : ProfileAction.ACCEPT);
    }
    boolean connectable = !pair.actor().isCompany() && !pair.other().isCompany()
        && pair.other().settings().whoCanInvite() != WhoCanInvite.NOBODY;
    return connectable ? Optional.of(ProfileAction.CONNECT) : Optional.empty();
  }

  private static ProfileView.InvitationSummary summary(Invitation invitation, Member viewer) {
    boolean sent = invitation.senderId() == viewer.id();
    return new ProfileView.InvitationSummary(invitation.id(), sent,
        sent ? invitation.state().seenBySender() : invitation.state());
  }
}
