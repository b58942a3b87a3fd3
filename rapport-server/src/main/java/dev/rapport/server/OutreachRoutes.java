package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.Rapport;
import dev.rapport.outreach.AnalyticsPeriod;
import dev.rapport.outreach.InvitationFigures;
import dev.rapport.outreach.OutreachAnalytics;
import dev.rapport.outreach.Prospect;
import dev.rapport.outreach.WeekGrowth;
import dev.rapport.problem.InvalidInputException;
import io.helidon.http.Method;
import java.util.List;
import java.util.Map;

/**
 * Outreach insight: the caller's invitation analytics, warm and cold, with growth by ISO week (X1),
 * and their warm prospects (X2) (docs/decisions/0030-outreach-analytics-and-prospects.md).
 */
final class OutreachRoutes implements RouteGroup {
  private final Rapport rapport;

  OutreachRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.GET, "/v1/me/analytics", Route.Access.MEMBER, this::analytics).withQuery("weeks"),
        Route.of(Method.GET, "/v1/me/prospects", Route.Access.MEMBER, this::prospects).paged());
  }

  private Reply analytics(Call call) {
    AnalyticsPeriod period = call.query("weeks").map(OutreachRoutes::weeks).orElseGet(AnalyticsPeriod::byDefault);
    OutreachAnalytics analytics = rapport.outreach().analytics(call.me().id(), period);
    ObjectNode node = Json.object();
    node.put("weeks", period.weeks());
    node.put("from", Representations.time(analytics.from()));
    node.put("to", Representations.time(analytics.to()));
    ObjectNode invitations = node.putObject("invitations");
    invitations.set("all", figures(analytics.all()));
    invitations.set("warm", figures(analytics.warm()));
    invitations.set("cold", figures(analytics.cold()));
    ArrayNode growth = node.putArray("growth");
    analytics.growth().forEach(week -> growth.add(week(week)));
    return Reply.ok(node);
  }

  private Reply prospects(Call call) {
    return Reply.ok(Representations.page(rapport.outreach().prospects(call.me().id(), call.page()),
        OutreachRoutes::prospect));
  }

  /** {@code ?weeks=} as a whole number; its range is the period's to check. */
  private static AnalyticsPeriod weeks(String value) {
    if (value.length() > 3 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidInputException("invalid-period", "weeks must be a whole number from 1 to %d, not '%s'"
          .formatted(AnalyticsPeriod.MAX_WEEKS, value), Map.of("parameter", "weeks", "limit", AnalyticsPeriod.MAX_WEEKS));
    }
    return new AnalyticsPeriod(Integer.parseInt(value));
  }

  private static ObjectNode figures(InvitationFigures figures) {
    ObjectNode node = Json.object();
    node.put("sent", figures.sent());
    node.put("accepted", figures.accepted());
    node.put("pending", figures.pending());
    node.put("withdrawn", figures.withdrawn());
    if (figures.acceptanceRate().isPresent()) {
      node.put("acceptanceRate", figures.acceptanceRate().getAsDouble());
    } else {
      node.putNull("acceptanceRate");
    }
    return node;
  }

  private static ObjectNode week(WeekGrowth week) {
    ObjectNode node = Json.object();
    node.put("week", week.isoWeek());
    node.put("monday", week.monday().toString());
    node.put("followersGained", week.followersGained());
    node.put("followersLost", week.followersLost());
    node.put("connectionsGained", week.connectionsGained());
    node.put("connectionsLost", week.connectionsLost());
    return node;
  }

  private static ObjectNode prospect(Prospect prospect) {
    ObjectNode node = Representations.memberItem(prospect.member());
    node.put("engagement", prospect.engagement());
    ObjectNode reason = node.putObject("reason");
    reason.put("reactions", prospect.reactions());
    reason.put("comments", prospect.comments());
    reason.put("lastEngagedAt", Representations.time(prospect.lastEngagedAt()));
    reason.put("followingSince", Representations.time(prospect.followingSince()));
    return node;
  }
}
