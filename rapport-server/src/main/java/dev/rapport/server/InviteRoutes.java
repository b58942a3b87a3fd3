package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.AccountCommands;
import dev.rapport.Rapport;
import dev.rapport.server.accounts.AccountsConfig;
import dev.rapport.server.logging.Audit;
import io.helidon.http.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sign-up invite links (A1): the administrator makes them (audited, A4), and members too when the
 * configuration lets them. Each is good for one sign-up until it expires; its code is shown once.
 */
final class InviteRoutes implements RouteGroup {
  private final Rapport rapport;
  private final AccountsConfig config;

  InviteRoutes(Rapport rapport, AccountsConfig config) {
    this.rapport = rapport;
    this.config = config;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.withBody(Method.POST, "/v1/admin/invites", Route.Access.ADMIN, Set.of("expiresInDays"), this::byAdmin),
        Route.withBody(Method.POST, "/v1/me/invites", Route.Access.MEMBER, Set.of("expiresInDays"), this::byMember));
  }

  private Reply byAdmin(Call call) {
    AccountCommands.NewInvite invite = rapport.accounts().createInvite(0, lifetime(call));
    Audit.inviteCreated(invite.link().id(), invite.link().expiresAt());
    return created(invite);
  }

  private Reply byMember(Call call) {
    if (!config.membersMayInvite()) {
      throw new ProblemException(403, "members-may-not-invite",
          "on this server only the administrator makes invite links");
    }
    return created(rapport.accounts().createInvite(call.me().id(), lifetime(call)));
  }

  private Duration lifetime(Call call) {
    return call.body().integer("expiresInDays", 1, 365).map(Duration::ofDays).orElse(config.inviteLifetime());
  }

  private static Reply created(AccountCommands.NewInvite invite) {
    ObjectNode node = Json.object();
    node.put("id", Long.toString(invite.link().id()));
    node.put("code", invite.code());
    node.put("expiresAt", Representations.time(invite.link().expiresAt()));
    return Reply.created(node, Map.of("Cache-Control", "no-store"));
  }
}
