package dev.rapport.profile;

import static dev.rapport.Fixtures.company;
import static dev.rapport.Fixtures.followPrimary;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.pending;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.whoCanFollow;
import static dev.rapport.Fixtures.withEmail;
import static dev.rapport.Fixtures.withSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.PairState;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.problem.NotFoundException;
import dev.rapport.profile.ProfileView.Closeness;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How a profile looks to its viewer (PR1), on literal state. */
class ProfileRulesTest {
  final Member ada = member("ada");
  final Member bob = withEmail(member("bob"), "bob@example.org");
  static final Closeness SECOND = new Closeness(OptionalInt.of(2), 4, List.of());

  static ProfileView view(PairState pair) {
    return Profiles.view(pair, 42, 7, SECOND);
  }

  @Test
  void PR1_byDefault_connectIsPrimary_andTheFollowerCountIsNotShown() {
    ProfileView view = view(pair(ada, bob).build());
    assertThat(view.primaryAction()).isEqualTo(ProfileAction.CONNECT);
    assertThat(view.moreActions()).containsExactly(ProfileAction.FOLLOW, ProfileAction.BLOCK);
    assertThat(view.followerCount()).isEmpty();
    assertThat(view.email()).as("only connections see the email").isEmpty();
    var relationship = view.relationship().orElseThrow();
    assertThat(relationship.degree()).isEqualTo(OptionalInt.of(2));
    assertThat(relationship.mutualCount()).isEqualTo(4);
    assertThat(relationship.following()).isFalse();
  }

  @Test
  void PR1_followPrimary_makesFollowPrimary_withConnectUnderMore_andShowsTheFollowerCount() {
    Member creator = withSettings(bob, followPrimary());
    ProfileView view = view(pair(ada, creator).build());
    assertThat(view.primaryAction()).isEqualTo(ProfileAction.FOLLOW);
    assertThat(view.moreActions()).containsExactly(ProfileAction.CONNECT, ProfileAction.BLOCK);
    assertThat(view.followerCount()).contains(42);
  }

  @Test
  void PR1_connected_offersMessage_andRemove() {
    ProfileView view = view(pair(ada, bob).connected().build());
    assertThat(view.primaryAction()).isEqualTo(ProfileAction.MESSAGE);
    assertThat(view.moreActions())
        .containsExactly(ProfileAction.UNFOLLOW, ProfileAction.REMOVE_CONNECTION, ProfileAction.BLOCK);
    assertThat(view.relationship().orElseThrow().connected()).isTrue();
    assertThat(view.email()).contains("bob@example.org");
  }

  @Test
  void PR1_anInvitationOut_showsPending_toItsSender_evenWhenIgnored() {
    var ignored = pending(7, ada, bob).withState(InvitationState.IGNORED, dev.rapport.Fixtures.NOW);
    ProfileView sender = view(pair(ada, bob).actorFollows().open(ignored).build());
    assertThat(sender.primaryAction()).isEqualTo(ProfileAction.PENDING);
    assertThat(sender.relationship().orElseThrow().invitation().orElseThrow())
        .isEqualTo(new ProfileView.InvitationSummary(7, true, InvitationState.PENDING));
    ProfileView recipient = view(pair(bob, ada).otherFollows().open(ignored).build());
    assertThat(recipient.primaryAction()).isEqualTo(ProfileAction.ACCEPT);
    assertThat(recipient.relationship().orElseThrow().followedBy()).isTrue();
  }

  @Test
  void PR1_ownProfile_offersEdit_withTheFollowerCount() {
    ProfileView view = Profiles.view(pair(bob, bob).build(), 42, 7, Closeness.NONE);
    assertThat(view.self()).isTrue();
    assertThat(view.primaryAction()).isEqualTo(ProfileAction.EDIT);
    assertThat(view.relationship()).isEmpty();
    assertThat(view.followerCount()).contains(42);
  }

  @Test
  void PR1_followsHiddenByF5_doNotCount() {
    Member onlyConnections = withSettings(bob, whoCanFollow(WhoCanFollow.CONNECTIONS));
    ProfileView view = view(pair(ada, onlyConnections).actorFollows().build());
    assertThat(view.relationship().orElseThrow().following()).isFalse();
    assertThat(view.moreActions()).doesNotContain(ProfileAction.FOLLOW, ProfileAction.UNFOLLOW);
  }

  @Test
  void CP1_companyPages_offerFollowOnly_withTheFollowerCount() {
    ProfileView view = view(pair(ada, company("acme")).build());
    assertThat(view.primaryAction()).isEqualTo(ProfileAction.FOLLOW);
    assertThat(view.moreActions()).containsExactly(ProfileAction.BLOCK);
    assertThat(view.followerCount()).contains(42);
  }

  @Test
  void B2_aBlockEitherWay_makesTheProfileNotFound() {
    refused(NotFoundException.class, "member-not-found", () -> view(pair(ada, bob).actorBlocked().build()));
    refused(NotFoundException.class, "member-not-found", () -> view(pair(ada, bob).otherBlocked().build()));
  }
}
