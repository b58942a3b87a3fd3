package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.connection.ConnectedMember;
import dev.rapport.invitation.InvitationView;
import dev.rapport.limit.LimitsView;
import dev.rapport.model.CountedPage;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.Member;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.Restriction;
import dev.rapport.model.Settings;
import dev.rapport.notification.NotificationGroup;
import dev.rapport.notification.NotificationView;
import dev.rapport.profile.ProfileAction;
import dev.rapport.profile.ProfileView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that decides how the engine's values look on the wire. Members are addressed by
 * handle (internal ids never leave the server, except invitation and notification ids, as strings),
 * enums are lowercase with hyphens ({@code only-me}, {@code invitation-received}), instants are
 * ISO-8601 strings. Stateless.
 */
final class Representations {
  private Representations() {}

  /** The wire name of an enum constant: {@code ONLY_ME} is {@code only-me}. */
  static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every constant of an enum by its wire name, for reading requests. */
  static <E extends Enum<E>> Map<String, E> wireNames(Class<E> type) {
    Map<String, E> names = new LinkedHashMap<>();
    for (E constant : type.getEnumConstants()) {
      names.put(wire(constant), constant);
    }
    return Collections.unmodifiableMap(names);
  }

  /**
   * An instant as ISO-8601 in UTC, to the millisecond: the precision every store keeps, so that an
   * instant reads the same in the answer to a command and in every later read.
   */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** A list item: handle, name, headline. */
  static ObjectNode memberItem(Member member) {
    ObjectNode node = Json.object();
    node.put("handle", member.handle().value());
    node.put("name", member.name());
    node.put("headline", member.headline());
    return node;
  }

  /** A member on a connection list, with when the connection was made. */
  static ObjectNode connectionItem(ConnectedMember connection) {
    ObjectNode node = memberItem(connection.member());
    node.put("connectedAt", time(connection.connectedAt()));
    return node;
  }

  /** A member as just created by an administrator, with their first token. */
  static ObjectNode createdMember(Member member, String token) {
    ObjectNode node = memberItem(member);
    node.put("kind", wire(member.kind()));
    node.put("tier", member.tier());
    member.email().ifPresent(email -> node.put("email", email));
    node.put("createdAt", time(member.createdAt()));
    node.set("settings", settings(member.settings()));
    node.put("token", token);
    return node;
  }

  static ObjectNode token(Handle handle, String token) {
    ObjectNode node = Json.object();
    node.put("handle", handle.value());
    node.put("token", token);
    return node;
  }

  /** PR1: a profile as its viewer sees it. */
  static ObjectNode profile(ProfileView view) {
    Member member = view.member();
    ObjectNode node = memberItem(member);
    node.put("kind", wire(member.kind()));
    node.put("tier", member.tier());
    node.put("connectionCount", view.connectionCount());
    view.followerCount().ifPresent(count -> node.put("followerCount", count));
    view.email().ifPresent(email -> node.put("email", email));
    node.put("self", view.self());
    node.set("relationship", view.relationship().<JsonNode>map(Representations::relationship).orElse(Json.nullNode()));
    ObjectNode actions = node.putObject("actions");
    actions.put("primary", view.primaryAction().wireName());
    ArrayNode more = actions.putArray("more");
    view.moreActions().stream().map(ProfileAction::wireName).forEach(more::add);
    return node;
  }

  /** One's own profile, with the settings only its member sees. */
  static ObjectNode ownProfile(ProfileView view) {
    ObjectNode node = profile(view);
    node.put("createdAt", time(view.member().createdAt()));
    node.set("settings", settings(view.member().settings()));
    return node;
  }

  private static ObjectNode relationship(ProfileView.Relationship relationship) {
    ObjectNode node = Json.object();
    node.put("following", relationship.following());
    node.put("followedBy", relationship.followedBy());
    node.put("connected", relationship.connected());
    node.set("invitation", relationship.invitation().<JsonNode>map(i -> {
      ObjectNode invitation = Json.object();
      invitation.put("id", Long.toString(i.id()));
      invitation.put("direction", i.sent() ? "sent" : "received");
      invitation.put("state", wire(i.state()));
      return invitation;
    }).orElse(Json.nullNode()));
    if (relationship.degree().isPresent()) {
      node.put("degree", relationship.degree().getAsInt());
    } else {
      node.set("degree", Json.nullNode());
    }
    node.put("mutualCount", relationship.mutualCount());
    ArrayNode firstMutuals = node.putArray("firstMutuals");
    relationship.firstMutuals().forEach(m -> firstMutuals.add(memberItem(m)));
    return node;
  }

  /** M3: the settings, as {@code PATCH /v1/me} takes them. */
  static ObjectNode settings(Settings settings) {
    ObjectNode node = Json.object();
    node.put("followPrimary", settings.followPrimary());
    node.put("whoCanFollow", wire(settings.whoCanFollow()));
    node.put("whoCanInvite", wire(settings.whoCanInvite()));
    node.put("connectionsVisibility", wire(settings.connectionsVisibility()));
    node.put("openProfile", settings.openProfile());
    node.put("followsVisibility", wire(settings.followsVisibility()));
    return node;
  }

  /** L6: every limit, what was used and when it frees up. */
  static ObjectNode limits(LimitsView limits) {
    ObjectNode node = Json.object();
    node.put("tier", limits.tier());
    node.set("weeklyInvitations", usage(limits.weeklyInvitations()));
    node.set("monthlyNotes", usage(limits.monthlyNotes()));
    node.put("noteMaxLength", limits.noteMaxLength());
    node.set("pendingInvitations", usage(limits.pendingInvitations()));
    node.set("connections", usage(limits.connections()));
    node.set("restriction", limits.restriction().<JsonNode>map(Representations::restriction).orElse(Json.nullNode()));
    return node;
  }

  private static ObjectNode usage(LimitsView.Usage usage) {
    ObjectNode node = Json.object();
    put(node, "limit", usage.limit());
    node.put("used", usage.used());
    put(node, "resetsAt", usage.resetsAt());
    return node;
  }

  private static ObjectNode restriction(Restriction restriction) {
    ObjectNode node = Json.object();
    node.put("reason", restriction.reason());
    node.put("startsAt", time(restriction.startsAt()));
    node.put("endsAt", time(restriction.endsAt()));
    return node;
  }

  /** An invitation between two members, addressed by handle; the state is as the viewer sees it. */
  static ObjectNode invitation(Invitation invitation, Handle from, Handle to) {
    ObjectNode node = Json.object();
    node.put("id", Long.toString(invitation.id()));
    node.put("from", from.value());
    node.put("to", to.value());
    node.put("state", wire(invitation.state()));
    put(node, "note", invitation.note());
    node.put("sentAt", time(invitation.sentAt()));
    node.put("updatedAt", time(invitation.updatedAt()));
    return node;
  }

  static ObjectNode invitation(InvitationView view) {
    return invitation(view.invitation(), view.sender().handle(), view.recipient().handle());
  }

  /** {@code {"connected": bool, "invitation": {...}}}: the answer to sending or acting on an invitation. */
  static ObjectNode invitationOutcome(boolean connected, ObjectNode invitation) {
    ObjectNode node = Json.object();
    node.put("connected", connected);
    node.set("invitation", invitation);
    return node;
  }

  /** NT1: one notification as the list shows an item, a group of its own. */
  static ObjectNode notification(NotificationView view) {
    return notificationGroup(NotificationGroup.single(view));
  }

  /**
   * NT1: a group of notifications as the list shows it: a single notification's fields, with {@code
   * id} its first notification's and {@code actor} its latest actor, and the latest {@code actors},
   * {@code othersCount} and its {@code latestId}, what marking it read goes up to
   * (docs/decisions/0042-notifications-grouped-on-read-by-day.md,
   * docs/decisions/0046-a-group-marked-read-by-its-first-id.md).
   */
  static ObjectNode notificationGroup(NotificationGroup group) {
    ObjectNode node = Json.object();
    node.put("id", Long.toString(group.id()));
    node.put("kind", wire(group.kind()));
    if (group.actors().isEmpty()) {
      node.putNull("actor");
    } else {
      node.set("actor", actor(group.actors().getFirst()));
    }
    var actors = node.putArray("actors");
    group.actors().forEach(member -> actors.add(actor(member)));
    node.put("othersCount", group.othersCount());
    node.put("latestId", Long.toString(group.latestId()));
    about(node, group.kind(), group.refId(), group.about());
    node.put("at", time(group.at()));
    node.put("read", group.read());
    return node;
  }

  private static ObjectNode actor(Member member) {
    ObjectNode actor = Json.object();
    actor.put("handle", member.handle().value());
    actor.put("name", member.name());
    return actor;
  }

  /** What a notification is about: its ref under the name of what it refers to, and an endorsed skill. */
  private static void about(ObjectNode node, NotificationKind kind, long refId, String about) {
    if (refId != 0) {
      node.put(switch (kind) {
        case REACTED, COMMENTED -> "postId";
        case RECOMMENDED -> "recommendationId";
        case MESSAGE_RECEIVED -> "conversationId";
        default -> "invitationId";
      }, Long.toString(refId));
    }
    if (!about.isEmpty()) {
      node.put("skill", about);
    }
  }

  /** The state of a one-way relationship after an idempotent change, e.g. {@code {"following": true, "changed": false}}. */
  static ObjectNode flag(String name, boolean value, boolean changed) {
    ObjectNode node = Json.object();
    node.put(name, value);
    node.put("changed", changed);
    return node;
  }

  static ObjectNode clock(Instant now) {
    ObjectNode node = Json.object();
    node.put("now", time(now));
    return node;
  }

  static ObjectNode health(String store, String version) {
    ObjectNode node = Json.object();
    node.put("status", "up");
    node.put("store", store);
    node.put("version", version);
    return node;
  }

  /** {@code GET /health/ready} once the server answers at once. */
  static ObjectNode ready(String store, String version) {
    ObjectNode node = health(store, version);
    node.put("status", "ready");
    node.put("indexLoaded", true);
    return node;
  }

  /** A page of a list: {@code {"items": [...], "next": "<cursor>" | null}}. */
  static <T> ObjectNode page(Page<T> page, Function<? super T, ? extends JsonNode> item) {
    ObjectNode node = Json.object();
    ArrayNode items = node.putArray("items");
    page.items().stream().map(item).forEach(items::add);
    put(node, "next", page.next());
    return node;
  }

  /** A page of a list with how many items all pages hold: {@code {"total": n, "items": [...], "next": ...}}. */
  static <T> ObjectNode countedPage(CountedPage<T> counted, Function<? super T, ? extends JsonNode> item) {
    ObjectNode node = Json.object();
    node.put("total", counted.total());
    node.setAll(page(counted.page(), item));
    return node;
  }

  /** Puts a detail value: instants as ISO-8601, empty optionals as null, numbers and strings as they are. */
  static void put(ObjectNode node, String name, Object value) {
    switch (value) {
      case null -> node.putNull(name);
      case Optional<?> optional -> put(node, name, optional.orElse(null));
      case Instant instant -> node.put(name, time(instant));
      case Integer i -> node.put(name, i);
      case Long l -> node.put(name, l);
      case Boolean b -> node.put(name, b);
      case Enum<?> e -> node.put(name, wire(e));
      default -> node.put(name, value.toString());
    }
  }
}
