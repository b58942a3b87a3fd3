package dev.rapport.server;

import dev.rapport.Rapport;
import dev.rapport.company.CompanyView;
import dev.rapport.model.Handle;
import dev.rapport.server.logging.Audit;
import io.helidon.http.Method;
import java.util.List;
import java.util.Set;

/**
 * Company pages (CP1): a member makes one and becomes its first admin; admins add and remove admins
 * (never the last one) and edit it; anyone sees it with its follower count, and its admins see who
 * the admins are. The operator gives a page made with the admin token its first admin.
 */
final class CompanyRoutes implements RouteGroup {
  private final Rapport rapport;

  CompanyRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.withBody(Method.POST, "/v1/companies", Route.Access.MEMBER, Set.of("handle", "name", "headline"),
            this::create),
        Route.of(Method.GET, "/v1/companies/{h}", Route.Access.MEMBER, this::company),
        Route.withBody(Method.PATCH, "/v1/companies/{h}", Route.Access.MEMBER, Set.of("name", "headline"),
            this::update),
        Route.of(Method.PUT, "/v1/companies/{h}/admins/{m}", Route.Access.MEMBER, this::addAdmin),
        Route.of(Method.DELETE, "/v1/companies/{h}/admins/{m}", Route.Access.MEMBER, this::removeAdmin),
        Route.of(Method.PUT, "/v1/admin/companies/{h}/admins/{m}", Route.Access.ADMIN, this::addAdminAsOperator),
        Route.of(Method.GET, "/v1/me/companies", Route.Access.MEMBER, this::administered).paged());
  }

  private Reply create(Call call) {
    Fields body = call.body();
    Handle handle = Handle.of(body.requiredString("handle"));
    CompanyView created = rapport.companies().create(call.me().id(), handle, body.requiredString("name"),
        body.string("headline").orElse(""));
    return Reply.created(ProfileRepresentations.company(created), "/v1/companies/" + handle.value());
  }

  private Reply company(Call call) {
    return Reply.ok(ProfileRepresentations.company(rapport.companies().company(call.me().id(), call.handle("h"))));
  }

  private Reply update(Call call) {
    Fields body = call.body();
    return Reply.ok(ProfileRepresentations.company(rapport.companies().update(call.me().id(), call.handle("h"),
        body.string("name"), body.string("headline"))));
  }

  private Reply addAdmin(Call call) {
    return Reply.ok(ProfileRepresentations.company(rapport.companies().addAdmin(call.me().id(), call.handle("h"),
        call.handle("m"))));
  }

  private Reply removeAdmin(Call call) {
    return Reply.ok(ProfileRepresentations.company(rapport.companies().removeAdmin(call.me().id(), call.handle("h"),
        call.handle("m"))));
  }

  private Reply addAdminAsOperator(Call call) {
    Handle page = call.handle("h");
    Handle member = call.handle("m");
    rapport.companies().addAdminAsOperator(page, member);
    Audit.pageAdminAdded(page, member);
    return Reply.noContent();
  }

  private Reply administered(Call call) {
    return Reply.ok(Representations.page(rapport.companies().administered(call.me().id(), call.page()),
        Representations::memberItem));
  }
}
