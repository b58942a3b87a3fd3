package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.Rapport;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.messaging.InMail;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Tier;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.server.logging.Audit;
import io.helidon.http.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Members and profiles: creating members and tokens (admin), a profile as the caller sees it (PR1),
 * one's own profile and settings (M3), one's limits (L6), and member search.
 */
final class MemberRoutes implements RouteGroup {
  private static final Set<String> SETTINGS =
      Set.of("followPrimary", "whoCanFollow", "whoCanInvite", "connectionsVisibility", "openProfile",
          "followsVisibility");

  private final Rapport rapport;

  MemberRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.withBody(Method.POST, "/v1/members", Route.Access.ADMIN,
            Set.of("handle", "name", "headline", "email", "tier", "kind"), this::create),
        Route.of(Method.GET, "/v1/members", Route.Access.MEMBER, this::search).paged("q"),
        Route.of(Method.POST, "/v1/members/{h}/tokens", Route.Access.ADMIN, this::issueToken),
        Route.of(Method.GET, "/v1/members/{h}", Route.Access.MEMBER, this::profile),
        Route.of(Method.GET, "/v1/me", Route.Access.MEMBER, this::me),
        Route.withBody(Method.PATCH, "/v1/me", Route.Access.MEMBER, Set.of("name", "headline", "settings"),
            this::updateMe),
        Route.of(Method.GET, "/v1/me/limits", Route.Access.MEMBER, this::limits));
  }

  private Reply create(Call call) {
    Fields body = call.body();
    String handle = body.requiredString("handle");
    String name = body.requiredString("name");
    MemberKind kind = body.choice("kind", Representations.wireNames(MemberKind.class)).orElse(MemberKind.PERSON);
    NewMember command = new NewMember(Handle.of(handle), kind, name, body.string("headline").orElse(""),
        body.string("email"), body.string("tier"));
    Rapport.MemberWithToken created = rapport.createMember(command);
    Audit.memberCreated(created.member());
    return Reply.created(Representations.createdMember(created.member(), created.token()),
        "/v1/members/" + created.member().handle().value());
  }

  /** Member search by the start of a handle or of a name's word; blocks either way leave members out (B2). */
  private Reply search(Call call) {
    String text = call.query("q").orElse("");
    return Reply.ok(Representations.page(rapport.searchMembers(call.me().id(), text, call.page()),
        Representations::memberItem));
  }

  private Reply issueToken(Call call) {
    Handle handle = call.handle("h");
    String token = rapport.issueToken(handle);
    Audit.tokenIssued(handle);
    return Reply.created(Representations.token(handle, token));
  }

  private Reply profile(Call call) {
    return Reply.ok(Representations.profile(rapport.profile(call.me().id(), call.handle("h"))));
  }

  private Reply me(Call call) {
    Member me = call.me();
    return Reply.ok(Representations.ownProfile(rapport.profile(me.id(), me.handle())));
  }

  private Reply updateMe(Call call) {
    Fields body = call.body();
    Optional<Fields> settings = body.object("settings", SETTINGS);
    ProfileUpdate update = new ProfileUpdate(
        body.string("name"),
        body.string("headline"),
        settings.flatMap(s -> s.bool("followPrimary")),
        settings.flatMap(s -> s.choice("whoCanFollow", Representations.wireNames(WhoCanFollow.class))),
        settings.flatMap(s -> s.choice("whoCanInvite", Representations.wireNames(WhoCanInvite.class))),
        settings.flatMap(s -> s.choice("connectionsVisibility",
            Representations.wireNames(ConnectionsVisibility.class))),
        settings.flatMap(s -> s.bool("openProfile")),
        settings.flatMap(s -> s.choice("followsVisibility", Representations.wireNames(FollowsVisibility.class))));
    Member updated = rapport.updateMe(call.me().id(), update);
    return Reply.ok(Representations.ownProfile(rapport.profile(updated.id(), updated.handle())));
  }

  private Reply limits(Call call) {
    ObjectNode limits = Representations.limits(rapport.limits(call.me().id()));
    Tier tier = rapport.policy().tier(call.me().tier());
    limits.set("inMail", MessagingRoutes.inMail(rapport.messaging().credits(call.me().id()), tier.inMailPerMonth(),
        tier.inMailCap(), InMail.nextGrantAt(rapport.clock().instant())));
    return Reply.ok(limits);
  }
}
