package dev.rapport.server;

import dev.rapport.EndorsementCommands;
import dev.rapport.Rapport;
import dev.rapport.model.RecommendationState;
import dev.rapport.problem.InvalidInputException;
import io.helidon.http.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Skills and endorsements (E1) and recommendations (E2): a member orders their skills, connections
 * endorse them, connections write recommendations that the recipient approves, hides or removes.
 */
final class EndorsementRoutes implements RouteGroup {
  private final Rapport rapport;

  EndorsementRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.withBody(Method.PUT, "/v1/me/skills", Route.Access.MEMBER, Set.of("skills"), this::setSkills),
        Route.of(Method.GET, "/v1/members/{h}/skills", Route.Access.MEMBER, this::skills),
        Route.withBody(Method.POST, "/v1/members/{h}/endorsements", Route.Access.MEMBER, Set.of("skill"),
            this::endorse),
        Route.of(Method.DELETE, "/v1/members/{h}/endorsements", Route.Access.MEMBER, this::unendorse)
            .withQuery("skill"),
        Route.withBody(Method.POST, "/v1/members/{h}/recommendations", Route.Access.MEMBER,
            Set.of("text", "relationship"), this::recommend),
        Route.of(Method.GET, "/v1/members/{h}/recommendations", Route.Access.MEMBER, this::received).paged("state"),
        Route.of(Method.GET, "/v1/me/recommendations/given", Route.Access.MEMBER, this::given).paged(),
        Route.of(Method.POST, "/v1/me/recommendations/{id}/approve", Route.Access.MEMBER, this::approve),
        Route.of(Method.POST, "/v1/me/recommendations/{id}/hide", Route.Access.MEMBER, this::hide),
        Route.of(Method.DELETE, "/v1/me/recommendations/{id}", Route.Access.MEMBER, this::remove));
  }

  private EndorsementCommands endorsements() {
    return rapport.endorsements();
  }

  private Reply setSkills(Call call) {
    return Reply.ok(ProfileRepresentations.skills(endorsements().setSkills(call.me().id(),
        call.body().requiredStrings("skills"))));
  }

  private Reply skills(Call call) {
    return Reply.ok(ProfileRepresentations.skills(endorsements().skills(call.me().id(), call.handle("h"))));
  }

  private Reply endorse(Call call) {
    return Reply.ok(ProfileRepresentations.skill(endorsements().endorse(call.me().id(), call.handle("h"),
        call.body().requiredString("skill"))));
  }

  private Reply unendorse(Call call) {
    String skill = call.query("skill").orElseThrow(() -> new InvalidInputException("invalid-query",
        "query parameter 'skill' is required", Map.of("parameter", "skill")));
    return Reply.ok(ProfileRepresentations.skill(endorsements().unendorse(call.me().id(), call.handle("h"), skill)));
  }

  private Reply recommend(Call call) {
    Fields body = call.body();
    return Reply.created(ProfileRepresentations.recommendation(endorsements().recommend(call.me().id(),
        call.handle("h"), body.requiredString("text"), body.string("relationship"))));
  }

  private Reply received(Call call) {
    var state = call.queryChoice("state", Representations.wireNames(RecommendationState.class));
    return Reply.ok(Representations.page(endorsements().received(call.me().id(), call.handle("h"), state,
        call.page()), ProfileRepresentations::recommendation));
  }

  private Reply given(Call call) {
    return Reply.ok(Representations.page(endorsements().given(call.me().id(), call.page()),
        ProfileRepresentations::recommendation));
  }

  private Reply approve(Call call) {
    return Reply.ok(ProfileRepresentations.recommendation(endorsements().approve(call.me().id(),
        call.recommendationId("id"))));
  }

  private Reply hide(Call call) {
    return Reply.ok(ProfileRepresentations.recommendation(endorsements().hide(call.me().id(),
        call.recommendationId("id"))));
  }

  private Reply remove(Call call) {
    endorsements().remove(call.me().id(), call.recommendationId("id"));
    return Reply.noContent();
  }
}
