package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.profile.ProfileAction;
import dev.rapport.profile.ProfileView;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A profile as its viewer sees it (PR1), through the facade against a real store. */
public abstract class ProfileRulesContract extends RulesContract {
  @Test
  void PR1_byDefault_connectIsPrimary_pendingWhenInvited_messageWhenConnected() {
    long ada = member("ada");
    long bob = member("bob");
    ProfileView stranger = profile(ada, "bob");
    assertThat(stranger.primaryAction()).isEqualTo(ProfileAction.CONNECT);
    assertThat(stranger.moreActions()).containsExactly(ProfileAction.FOLLOW, ProfileAction.BLOCK);
    assertThat(stranger.followerCount()).isEmpty();

    Invitation invitation = invitationSent(ada, "bob");
    ProfileView pending = profile(ada, "bob");
    assertThat(pending.primaryAction()).isEqualTo(ProfileAction.PENDING);
    assertThat(pending.moreActions()).containsExactly(ProfileAction.UNFOLLOW, ProfileAction.BLOCK);
    assertThat(pending.relationship().orElseThrow().invitation())
        .contains(new ProfileView.InvitationSummary(invitation.id(), true, InvitationState.PENDING));
    ProfileView received = profile(bob, "ada");
    assertThat(received.primaryAction()).isEqualTo(ProfileAction.ACCEPT);
    assertThat(received.relationship().orElseThrow().invitation().orElseThrow().sent()).isFalse();

    rapport.invitations().accept(bob, invitation.id());
    ProfileView connected = profile(ada, "bob");
    assertThat(connected.primaryAction()).isEqualTo(ProfileAction.MESSAGE);
    assertThat(connected.moreActions())
        .containsExactly(ProfileAction.UNFOLLOW, ProfileAction.REMOVE_CONNECTION, ProfileAction.BLOCK);
    assertThat(connected.relationship().orElseThrow())
        .isEqualTo(new ProfileView.Relationship(true, true, true, Optional.empty(), OptionalInt.of(1), 0, List.of()));
  }

  /** N1 and N2 on the profile, naming the first mutual connections; a block ends the connection it stood on, so it leaves the count (B1, B2). */
  @Test
  void PR1_profile_showsTheDegree_theMutualCount_andTheFirstMutuals() {
    long[] members = diamondWithATail();
    long ada = members[0];
    long cyd = members[2];
    long eve = members[4];
    assertThat(relationship(ada, "bob").degree()).hasValue(1);
    assertThat(relationship(ada, "dan").degree()).hasValue(2);
    assertThat(relationship(ada, "dan").mutualCount()).isEqualTo(2);
    assertThat(relationship(ada, "dan").firstMutuals()).extracting(m -> m.handle().value())
        .containsExactlyInAnyOrder("bob", "cyd");
    assertThat(relationship(ada, "eve").degree()).hasValue(3);
    assertThat(relationship(ada, "eve").mutualCount()).isZero();
    assertThat(relationship(eve, "ada").degree()).hasValue(3);

    rapport.block(cyd, h("ada")); // cyd leaves ada's connections and hides from her
    assertThat(relationship(ada, "dan").mutualCount()).isEqualTo(1);
    assertThat(relationship(ada, "dan").firstMutuals()).extracting(m -> m.handle().value()).containsExactly("bob");
    rapport.block(ada, h("bob")); // and now the last mutual connection is hidden as well
    assertThat(relationship(ada, "dan").mutualCount()).isZero();
    assertThat(relationship(ada, "dan").degree()).isEmpty();
  }

  @Test
  void PR1_creatorMode_makesFollowPrimary_putsConnectUnderMore_andShowsFollowers() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    rapport.updateMe(bob, ProfileUpdate.none().withFollowPrimary(true));
    rapport.follow(cyd, h("bob"));
    ProfileView view = profile(ada, "bob");
    assertThat(view.primaryAction()).isEqualTo(ProfileAction.FOLLOW);
    assertThat(view.moreActions()).containsExactly(ProfileAction.CONNECT, ProfileAction.BLOCK);
    assertThat(view.followerCount()).contains(1);
    rapport.follow(ada, h("bob"));
    assertThat(profile(ada, "bob").primaryAction()).isEqualTo(ProfileAction.UNFOLLOW);
    assertThat(profile(ada, "bob").followerCount()).contains(2);
  }

  @Test
  void PR1_profile_showsEmailOnlyToTheMemberAndTheirConnections() {
    long ada = member("ada", "basic");
    long bob = member("bob");
    long cyd = member("cyd");
    assertThat(profile(ada, "ada").email()).contains("ada@example.com");
    assertThat(profile(ada, "ada").self()).isTrue();
    assertThat(profile(ada, "ada").primaryAction()).isEqualTo(ProfileAction.EDIT);
    assertThat(profile(cyd, "ada").email()).isEmpty();
    connect(bob, "bob", ada, "ada");
    assertThat(profile(bob, "ada").email()).contains("ada@example.com");
  }

  @Test
  void PR1_whoCanInviteNobody_offersNoConnect() {
    long ada = member("ada");
    long bob = member("bob");
    rapport.updateMe(bob, ProfileUpdate.none().withWhoCanInvite(WhoCanInvite.NOBODY));
    ProfileView view = profile(ada, "bob");
    assertThat(view.primaryAction()).isEqualTo(ProfileAction.FOLLOW);
    assertThat(view.moreActions()).doesNotContain(ProfileAction.CONNECT);
  }
}
