package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.InvitationCommands;
import dev.rapport.Rapport;
import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.invitation.InvitationView;
import dev.rapport.invitation.Invitations;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.model.Handle;
import dev.rapport.model.InvitationState;
import io.helidon.http.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Invitations (C1, C2, C3, C4, C5, C6, C7, C8, C9, L1, L2, L3, L4, L5, X3): send (or connect at once,
 * C4), list sent or received, the four transitions, and withdrawing old ones in bulk. Only the invitation's recipient (accept, ignore, report) or sender (withdraw) can
 * act on it; for anyone else it does not exist (404).
 */
final class InvitationRoutes implements RouteGroup {
  private static final Map<String, Boolean> BOXES = new TreeMap<>(Map.of("received", false, "sent", true));

  private final InvitationCommands invitations;

  InvitationRoutes(Rapport rapport) {
    this.invitations = rapport.invitations();
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.withBody(Method.POST, "/v1/invitations", Route.Access.MEMBER, Set.of("to", "note", "email"),
            this::send),
        Route.of(Method.GET, "/v1/me/invitations", Route.Access.MEMBER, this::list).paged("box", "state"),
        Route.of(Method.POST, "/v1/me/invitations/withdraw", Route.Access.MEMBER, this::withdrawOlder)
            .withQuery("olderThanDays"),
        transition("accept", invitations::accept),
        transition("ignore", invitations::ignore),
        transition("withdraw", invitations::withdraw),
        transition("report", invitations::report));
  }

  /** A transition: the facade's method from (actor id, invitation id) to the invitation after it. */
  private Route transition(String name, BiFunction<Long, Long, InvitationView> transition) {
    return Route.of(Method.POST, "/v1/invitations/{id}/" + name, Route.Access.MEMBER,
        call -> {
          InvitationView view = transition.apply(call.me().id(), call.invitationId("id"));
          return Reply.ok(Representations.invitationOutcome(
              view.invitation().state() == InvitationState.ACCEPTED, Representations.invitation(view)));
        });
  }

  private Reply send(Call call) {
    Fields body = call.body();
    Handle to = Handle.of(body.requiredString("to"));
    SendInvitation command = new SendInvitation(to, body.string("note"), body.string("email"));
    Handle me = call.me().handle();
    return switch (invitations.invite(call.me().id(), command)) {
      case InvitationOutcome.Sent sent ->
          Reply.created(Representations.invitationOutcome(false, Representations.invitation(sent.invitation(), me, to)));
      case InvitationOutcome.Connected connected ->
          Reply.ok(Representations.invitationOutcome(true, Representations.invitation(connected.invitation(), to, me)));
    };
  }

  /** X3: {@code ?olderThanDays=N} withdraws the caller's open invitations sent N days ago or earlier. */
  private Reply withdrawOlder(Call call) {
    int days = call.requiredQueryNumber("olderThanDays", Invitations.MAX_AGE_DAYS);
    ObjectNode node = Json.object();
    node.put("withdrawn", invitations.withdrawOlderThan(call.me().id(), days));
    return Reply.ok(node);
  }

  private Reply list(Call call) {
    boolean sent = call.queryChoice("box", BOXES).orElse(false);
    var state = call.queryChoice("state", Representations.wireNames(InvitationState.class));
    return Reply.ok(Representations.page(invitations.list(call.me().id(), sent, state, call.page()),
        Representations::invitation));
  }
}
