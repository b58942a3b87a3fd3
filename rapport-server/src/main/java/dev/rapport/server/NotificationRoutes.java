package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.Rapport;
import dev.rapport.model.NotificationKind;
import dev.rapport.problem.InvalidInputException;
import io.helidon.http.Method;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Notifications (NT1, NT2): the caller's, grouped as LinkedIn groups them and newest first, each
 * read or unread, with how many are unread; and marking them read, all, up to an id, or a group's up
 * to the latest id of it shown.
 */
final class NotificationRoutes implements RouteGroup {
  private static final Map<String, NotificationKind> KINDS = Representations.wireNames(NotificationKind.class);
  private final Rapport rapport;

  NotificationRoutes(Rapport rapport) {
    this.rapport = rapport;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(Method.GET, "/v1/me/notifications", Route.Access.MEMBER, this::notifications).paged(),
        Route.of(Method.POST, "/v1/me/notifications/read", Route.Access.MEMBER, this::markRead).withQuery("upTo"),
        Route.withBody(Method.POST, "/v1/me/notifications/read-group", Route.Access.MEMBER, Set.of("id", "upTo"),
            this::markGroupRead),
        Route.of(Method.GET, "/v1/me/notification-settings", Route.Access.MEMBER, this::settings),
        Route.withBody(Method.PUT, "/v1/me/notification-settings", Route.Access.MEMBER, Set.of("muted"),
            this::mute));
  }

  private Reply notifications(Call call) {
    ObjectNode page = Representations.page(rapport.notifications().groups(call.me().id(), call.page()),
        Representations::notificationGroup);
    page.put("unread", rapport.notifications().unread(call.me().id()));
    return Reply.ok(page);
  }

  /** NT2: the kinds the caller muted, which are neither listed, counted nor streamed. */
  private Reply settings(Call call) {
    return Reply.ok(settings(rapport.notifications().muted(call.me().id())));
  }

  /** NT2: {@code {"muted": [kind, ...]}} becomes the caller's muted kinds, all of them at once. */
  private Reply mute(Call call) {
    Set<NotificationKind> muted = EnumSet.noneOf(NotificationKind.class);
    for (String name : call.body().requiredStrings("muted")) {
      NotificationKind kind = KINDS.get(name);
      if (kind == null) {
        throw new InvalidInputException("invalid-notification-kind", "'%s' is not a notification kind (known: %s)"
            .formatted(name.length() <= 40 ? name : name.substring(0, 40) + "...", String.join(", ", KINDS.keySet())),
            Map.of("kind", name.length() <= 40 ? name : name.substring(0, 40) + "..."));
      }
      muted.add(kind);
    }
    return Reply.ok(settings(rapport.notifications().mute(call.me().id(), muted)));
  }

  private static ObjectNode settings(Set<NotificationKind> muted) {
    ObjectNode node = Json.object();
    var names = node.putArray("muted");
    KINDS.forEach((name, kind) -> {
      if (muted.contains(kind)) {
        names.add(name);
      }
    });
    return node;
  }

  /** {@code ?upTo=<id>} marks those up to that notification read; without it, all of them. */
  private Reply markRead(Call call) {
    OptionalLong upTo = call.query("upTo").map(NotificationRoutes::notificationId)
        .map(OptionalLong::of).orElse(OptionalLong.empty());
    ObjectNode node = Json.object();
    node.put("unread", rapport.notifications().markRead(call.me().id(), upTo));
    return Reply.ok(node);
  }

  /**
   * NT2: {@code {"id": <a group's id>, "upTo": <its latestId as shown>}} marks that group of the
   * caller's read up to that id, so that one that joined it since stays unread; the server finds the
   * group from the caller's own notification {@code id}
   * (docs/decisions/0046-a-group-marked-read-by-its-first-id.md).
   */
  private Reply markGroupRead(Call call) {
    long id = parseId(call.body().requiredString("id"), () -> ProblemException.field("invalid-field", "id",
        "'id' must be a notification's id"));
    long upTo = parseId(call.body().requiredString("upTo"), () -> ProblemException.field("invalid-field", "upTo",
        "'upTo' must be a notification's id"));
    ObjectNode node = Json.object();
    node.put("unread", rapport.notifications().markGroupRead(call.me().id(), id, upTo));
    return Reply.ok(node);
  }

  private static long notificationId(String value) {
    return parseId(value, () -> new InvalidInputException("invalid-query",
        "query parameter 'upTo' must be a notification's id", Map.of("parameter", "upTo")));
  }

  private static long parseId(String value, Supplier<? extends RuntimeException> invalid) {
    if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid.get();
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid.get();
    }
  }
}
