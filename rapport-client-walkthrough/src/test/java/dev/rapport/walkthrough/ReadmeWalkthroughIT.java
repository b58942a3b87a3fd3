package dev.rapport.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.client.ApiClient;
import dev.rapport.client.ApiException;
import dev.rapport.client.api.FollowingApi;
import dev.rapport.client.api.InvitationsApi;
import dev.rapport.client.api.MembersApi;
import dev.rapport.client.api.NotificationsApi;
import dev.rapport.client.model.Action;
import dev.rapport.client.model.Following;
import dev.rapport.client.model.Invitation;
import dev.rapport.client.model.InvitationOutcome;
import dev.rapport.client.model.InvitationState;
import dev.rapport.client.model.MemberItem;
import dev.rapport.client.model.NewInvitation;
import dev.rapport.client.model.NewMember;
import dev.rapport.client.model.Notification;
import dev.rapport.client.model.Profile;
import dev.rapport.client.model.Relationship;
import dev.rapport.server.RapportServer;
import dev.rapport.server.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Walk-through with curl", step by step, with the Java client that openapi-generator
 * made from the server's OpenAPI document at build time, against a real server on a fresh store.
 */
class ReadmeWalkthroughIT {
  private static final String ADMIN = "walkthrough-admin-token-0123456789";
  private static final String NOTE = "Hi Ada, I enjoyed your notes on the Analytical Engine. Shall we connect?";

  @TempDir
  Path dataDir;

  @Test
  void theReadmeWalkthrough_runsWithTheGeneratedClient() throws ApiException {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir).withAdminToken(ADMIN);
    try (RapportServer server = RapportServer.start(config)) {
      String base = "http://127.0.0.1:" + server.port();
      MembersApi admin = new MembersApi(client(base, ADMIN));

      // Create three members with the admin token; each answer carries the new member's token.
      String ada = admin.createMember(new NewMember().handle("ada").name("Ada Lovelace")
          .headline("Analytical engineer at Babbage & Co")).getToken();
      String grace = admin.createMember(new NewMember().handle("grace").name("Grace Hopper")
          .headline("Compiler pioneer").tier("premium")).getToken();
      String alan = admin.createMember(new NewMember().handle("alan").name("Alan Turing")
          .headline("Mathematician")).getToken();

      // Alan follows Ada: no approval needed, and repeating it is not an error.
      Following follows = new FollowingApi(client(base, alan)).follow("ada");
      assertThat(follows.getFollowing()).isTrue();
      assertThat(follows.getChanged()).isTrue();
      assertThat(new FollowingApi(client(base, alan)).follow("ada").getChanged()).isFalse();

      // Grace invites Ada to connect, with a note, and keeps the invitation's id.
      InvitationOutcome sent = new InvitationsApi(client(base, grace))
          .sendInvitation(new NewInvitation().to("ada").note(NOTE));
      assertThat(sent.getConnected()).isFalse();
      String invitation = sent.getInvitation().getId();

      // Ada lists the invitations she received, and accepts Grace's.
      InvitationsApi adasInvitations = new InvitationsApi(client(base, ada));
      List<Invitation> received = adasInvitations.listInvitations("received", null, null, null).getItems();
      assertThat(received).singleElement().satisfies(i -> {
        assertThat(i.getId()).isEqualTo(invitation);
        assertThat(i.getFrom()).isEqualTo("grace");
        assertThat(i.getTo()).isEqualTo("ada");
        assertThat(i.getState()).isEqualTo(InvitationState.PENDING);
        assertThat(i.getNote()).isEqualTo(NOTE);
      });
      InvitationOutcome accepted = adasInvitations.acceptInvitation(invitation);
      assertThat(accepted.getConnected()).isTrue();
      assertThat(accepted.getInvitation().getState()).isEqualTo(InvitationState.ACCEPTED);

      // Ada's profile as Grace sees it now: connected, following each other, Message first.
      Profile asGrace = new MembersApi(client(base, grace)).getProfile("ada");
      assertThat(asGrace.getHeadline()).isEqualTo("Analytical engineer at Babbage & Co");
      Relationship withGrace = asGrace.getRelationship();
      assertThat(withGrace.getFollowing()).isTrue();
      assertThat(withGrace.getFollowedBy()).isTrue();
      assertThat(withGrace.getConnected()).isTrue();
      assertThat(withGrace.getInvitation()).isNull();
      assertThat(withGrace.getDegree()).isEqualTo(Relationship.DegreeEnum.NUMBER_1);
      assertThat(withGrace.getMutualCount()).isZero();
      assertThat(withGrace.getFirstMutuals()).isEmpty();
      assertThat(asGrace.getActions().getPrimary()).isEqualTo(Action.MESSAGE);
      assertThat(asGrace.getActions().getMore())
          .containsExactly(Action.UNFOLLOW, Action.REMOVE_CONNECTION, Action.BLOCK);

      // Alan, who only follows her, is offered Connect.
      Profile asAlan = new MembersApi(client(base, alan)).getProfile("ada");
      assertThat(asAlan.getRelationship().getFollowing()).isTrue();
      assertThat(asAlan.getRelationship().getFollowedBy()).isFalse();
      assertThat(asAlan.getRelationship().getConnected()).isFalse();
      assertThat(asAlan.getRelationship().getDegree()).isNull();
      assertThat(asAlan.getActions().getPrimary()).isEqualTo(Action.CONNECT);
      assertThat(asAlan.getActions().getMore()).containsExactly(Action.UNFOLLOW, Action.BLOCK);

      // Ada's followers and her notifications: Alan followed her, Grace invited her.
      List<MemberItem> followers = new FollowingApi(client(base, ada)).listFollowers("ada", null, null).getItems();
      assertThat(followers).extracting(MemberItem::getHandle).containsExactlyInAnyOrder("alan", "grace");
      List<Notification> notifications = new NotificationsApi(client(base, ada)).listNotifications(null, null)
          .getItems();
      assertThat(notifications).extracting(n -> n.getKind().getValue() + " " + n.getActor().getHandle())
          .contains("followed alan", "invitation-received grace");

      // Errors are problem documents with a stable type per broken rule: inviting Ada again.
      ApiException again = catchThrowableOfType(ApiException.class,
          () -> new InvitationsApi(client(base, grace)).sendInvitation(new NewInvitation().to("ada")));
      assertThat(again.getCode()).isEqualTo(409);
      assertThat(again.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(again.getResponseBody()).contains("\"type\":\"/problems/already-connected\"");
    }
  }

  /** A generated client that sends this bearer token with every request. */
  private static ApiClient client(String base, String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(base);
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return client;
  }
}
