package dev.rapport.server;

import static dev.rapport.server.TestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.kernel.Policy;
import io.helidon.http.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * P1, P5 and B2 over HTTP, route by route: a viewer reads every GET route of the server's route
 * table (and the one read by POST, degrees) about every member they know, and no answer names a
 * member that a hidden connection list or a block hides from them, and no count differs from the
 * list the viewer can see it count. A GET route this test does not know how to read fails every
 * test here, so a new route cannot be forgotten.
 */
class PrivacyIT {
  @TempDir
  static Path dataDir;

  private static TestServer server;
  private static ApiClient api;
  /** Every member this class created: the handles any viewer could name (network size, N3). */
  private static final List<String> UNIVERSE = new ArrayList<>();
  private static final List<String> STATES = List.of("", "pending", "ignored", "accepted", "withdrawn", "canceled");

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir, true, Policy.defaults());
    api = server.api;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One read: the route it went to, the address and the answer. */
  private record Read(String route, String address, ApiClient.Answer answer) {}

  /** A viewer: their token and handle, and the handles they know. */
  private record Viewer(String token, String handle, List<String> known) {}

  @Test
  void everyGetRoute_isReadByThesePrivacyTests() {
    List<String> unread = new ArrayList<>();
    for (Route route : server.server.routes()) {
      if (route.method().equals(Method.GET) && addresses(route.path(), List.of("someone")) == null) {
        unread.add(route.toString());
      }
    }
    assertThat(unread).as("GET routes the privacy tests do not read; add them to addresses()").isEmpty();
  }

  @Test
  void P1_P5_hiddenConnections_cannotBeReadBack_fromAnyListOrCount() {
    String hid = unique("hid");
    String one = unique("hidden-one");
    String two = unique("hidden-two");
    String shared = unique("shared");
    String viewer = unique("viewer");
    String stranger = unique("stranger");
    String connection = unique("connection");
    Map<String, String> tokens = members(hid, one, two, shared, viewer, stranger, connection);
    connect(tokens, hid, one);
    connect(tokens, hid, two);
    connect(tokens, hid, shared);
    connect(tokens, hid, connection);
    connect(tokens, viewer, shared);
    assertThat(api.patch("/v1/me", tokens.get(hid), "{\"settings\":{\"connectionsVisibility\":\"only-me\"}}").status())
        .isEqualTo(200);
    List<String> known = List.of(hid, shared, viewer, stranger, connection);
    Set<String> hidden = Set.of(one, two);

    // A 2nd-degree viewer (sharing one connection with hid), a stranger, and one of hid's connections.
    SoftAssertions softly = new SoftAssertions();
    for (String who : List.of(viewer, stranger, connection)) {
      Viewer v = new Viewer(tokens.get(who), who, known);
      // N4 suggests members by the connections the viewer shares with them: hid is one to his own
      // connection, and P1 keeps shared connections visible.
      Map<String, Set<String>> allowed = who.equals(connection) ? Map.of("/v1/me/suggestions", hidden) : Map.of();
      List<Read> reads = readEverything(v);
      assertNamesNone(softly, v, reads, hidden, allowed);
      assertCountsAgreeWithLists(softly, v, reads, Set.of(who));
    }
    softly.assertAll();
  }

  @Test
  void B2_afterABlock_neitherSideCanReadTheOtherBack_fromAnyListCountOrInvitation() {
    String blocker = unique("blocker");
    String blocked = unique("blocked");
    String third = unique("third");
    String other = unique("other");
    Map<String, String> tokens = members(blocker, blocked, third, other);
    // History between the two: a withdrawn invitation, an accepted one, a removed connection, an
    // invitation pending when the block came (B1 cancels it), and follows both ways.
    String withdrawn = invite(tokens, blocker, blocked);
    assertThat(api.post("/v1/invitations/" + withdrawn + "/withdraw", tokens.get(blocker)).status()).isEqualTo(200);
    connect(tokens, blocked, blocker);
    // MS3: a conversation from while they were connected, which the block hides from both.
    assertThat(api.post("/v1/messages", tokens.get(blocker), "{\"to\":\"%s\",\"text\":\"Hi\"}".formatted(blocked))
        .status()).isEqualTo(201);
    assertThat(api.delete("/v1/me/connections/" + blocked, tokens.get(blocker)).status()).isEqualTo(204);
    api.put("/v1/me/following/" + blocker, tokens.get(blocked));
    api.put("/v1/me/following/" + blocked, tokens.get(blocker));
    invite(tokens, blocked, blocker);
    // A member both know: connected to both, followed by both, in Creator Mode (follower count shown).
    connect(tokens, third, blocker);
    connect(tokens, third, blocked);
    connect(tokens, other, third);
    assertThat(api.patch("/v1/me", tokens.get(third), "{\"settings\":{\"followPrimary\":true}}").status())
        .isEqualTo(200);
    // E1, E2, CP1: both endorse the third and recommend them (shown), and both run a page with them.
    String page = unique("page");
    assertThat(api.post("/v1/companies", tokens.get(third), "{\"handle\":\"%s\",\"name\":\"Page\"}".formatted(page))
        .status()).isEqualTo(201);
    assertThat(api.withBody("PUT", "/v1/me/skills", tokens.get(third), "{\"skills\":[\"Java\"]}").status())
        .isEqualTo(200);
    for (String who : List.of(blocker, blocked)) {
      assertThat(api.put("/v1/companies/%s/admins/%s".formatted(page, who), tokens.get(third)).status()).isEqualTo(200);
      assertThat(api.post("/v1/members/%s/endorsements".formatted(third), tokens.get(who), "{\"skill\":\"Java\"}")
          .status()).isEqualTo(200);
      String id = api.post("/v1/members/%s/recommendations".formatted(third), tokens.get(who), "{\"text\":\"Good.\"}")
          .json().path("id").asText();
      assertThat(api.post("/v1/me/recommendations/%s/approve".formatted(id), tokens.get(third)).status())
          .isEqualTo(200);
    }
    assertThat(api.put("/v1/me/blocks/" + blocked, tokens.get(blocker)).status()).isEqualTo(200);
    List<String> known = List.of(blocker, blocked, third, other, page);

    SoftAssertions softly = new SoftAssertions();
    Viewer ofBlocked = new Viewer(tokens.get(blocked), blocked, known);
    List<Read> reads = readEverything(ofBlocked);
    assertNamesNone(softly, ofBlocked, reads, Set.of(blocker), Map.of());
    assertCountsAgreeWithLists(softly, ofBlocked, reads, Set.of(blocked, third));

    Viewer ofBlocker = new Viewer(tokens.get(blocker), blocker, known);
    reads = readEverything(ofBlocker);
    // The blocker's own list of blocks names whom they blocked, and nothing else does.
    assertNamesNone(softly, ofBlocker, reads, Set.of(blocked), Map.of("/v1/me/blocks", Set.of(blocked)));
    assertCountsAgreeWithLists(softly, ofBlocker, reads, Set.of(blocker, third));
    softly.assertAll();
  }

  // ---- reading everything ----------------------------------------------------------------------

  /**
   * The addresses a viewer reads on a GET route, about each member they know; null for a route
   * this test does not know.
   */
  private static List<String> addresses(String route, List<String> known) {
    return switch (route) {
      case "/health", "/health/ready", "/problems", "/v1/me", "/v1/me/limits", "/v1/me/network", "/openapi.json", "/openapi.yaml",
           "/docs", "/v1/me/tokens", "/v1/me/analytics", "/v1/me/notification-settings" -> List.of(route);
      // The live stream never ends, so it is not read here: it carries the notifications list's very
      // items, read back by the same query (LiveStreamIT, LiveStreamContract).
      case "/v1/me/events" -> List.of();
      // Only a session cookie reads it, and only its own member (AccountSecurityIT); these viewers hold tokens.
      case "/v1/sessions/current" -> List.of();
      case "/docs/{asset}" -> List.of("/docs/swagger-ui.css");
      // The web app's page and files are the same for everyone and name nobody: nothing to read back.
      case "/", "/feed", "/in/{h}", "/mynetwork", "/mynetwork/{section}", "/notifications", "/limits", "/settings",
           "/account", "/search", "/signin", "/signup", "/company/{h}", "/companies", "/messaging", "/messaging/{id}",
           "/outreach", "/app/{file}" -> List.of();
      case "/v1/members" -> known.stream().map(h -> "/v1/members?limit=200&q=" + h).toList();
      case "/problems/{slug}" -> List.of("/problems/member-not-found");
      case "/v1/me/suggestions", "/v1/me/blocks", "/v1/me/notifications", "/v1/me/companies",
           "/v1/me/recommendations/given", "/v1/me/prospects" -> List.of(route + "?limit=200");
      case "/v1/companies/{h}", "/v1/members/{h}/skills" -> known.stream().map(h -> route.replace("{h}", h)).toList();
      case "/v1/members/{h}/recommendations" ->
          known.stream().map(h -> route.replace("{h}", h) + "?limit=200").toList();
      case "/v1/members/{h}" -> known.stream().map(h -> "/v1/members/" + h).toList();
      case "/v1/members/{h}/followers", "/v1/members/{h}/following", "/v1/members/{h}/connections",
           "/v1/members/{h}/mutual-connections" ->
          known.stream().map(h -> route.replace("{h}", h) + "?limit=200").toList();
      // Posts name members as authors, reactors and commenters: the feed and every member's posts are read here;
      // one post's own lists are read per post by PostsOverHttpIT, which knows the posts' ids.
      case "/v1/me/feed" -> List.of("/v1/me/feed?limit=100", "/v1/me/feed?order=top&limit=100");
      case "/v1/members/{h}/posts" -> known.stream().map(h -> "/v1/members/" + h + "/posts?limit=200").toList();
      case "/v1/posts/{id}", "/v1/posts/{id}/reactions", "/v1/posts/{id}/comments" -> List.of();
      // Conversations name the other member: one's list, and what a message to each known member would cost;
      // one conversation's messages are read by MessagingRulesContract, which knows the conversations' ids.
      case "/v1/me/conversations" -> List.of(route + "?limit=100");
      case "/v1/members/{h}/message-terms" -> known.stream().map(h -> route.replace("{h}", h)).toList();
      case "/v1/conversations/{id}/messages" -> List.of();
      case "/v1/me/invitations" -> {
        List<String> boxes = new ArrayList<>();
        for (String box : List.of("received", "sent")) {
          for (String state : STATES) {
            boxes.add("/v1/me/invitations?limit=200&box=" + box + (state.isEmpty() ? "" : "&state=" + state));
          }
        }
        yield boxes;
      }
      default -> null;
    };
  }

  private static List<Read> readEverything(Viewer viewer) {
    List<Read> reads = new ArrayList<>();
    for (Route route : server.server.routes()) {
      if (!route.method().equals(Method.GET)) {
        continue;
      }
      List<String> addresses = addresses(route.path(), viewer.known());
      assertThat(addresses).as("a GET route the privacy tests do not read: " + route).isNotNull();
      for (String address : addresses) {
        reads.add(new Read(route.path(), address, api.get(address, viewer.token())));
      }
    }
    reads.add(new Read("/v1/me/degrees", "/v1/me/degrees", degrees(viewer, viewer.known())));
    return reads;
  }

  private static ApiClient.Answer degrees(Viewer viewer, List<String> handles) {
    ObjectNode body = ApiClient.MAPPER.createObjectNode();
    ArrayNode array = body.putArray("handles");
    handles.forEach(array::add);
    return api.post("/v1/me/degrees", viewer.token(), body.toString());
  }

  // ---- what must hold --------------------------------------------------------------------------

  /**
   * No answer names a hidden member, except on the routes {@code allowed} names for them. An
   * address that names one itself is answered as if no member had that handle (B2).
   */
  private static void assertNamesNone(SoftAssertions softly, Viewer viewer, List<Read> reads, Set<String> hidden,
      Map<String, Set<String>> allowed) {
    for (Read read : reads) {
      for (String handle : hidden) {
        if (named(read.address(), handle)) {
          String nobody = unique("nobody");
          ApiClient.Answer unknown = api.get(read.address().replace(handle, nobody), viewer.token());
          softly.assertThat(read.answer().status()).as("%s reads %s", viewer.handle(), read.address())
              .isEqualTo(unknown.status());
          softly.assertThat(read.answer().body()).as("%s reads %s", viewer.handle(), read.address())
              .isEqualTo(unknown.body().replace(nobody, handle));
        } else if (read.route().equals("/v1/me/degrees") && viewer.known().contains(handle)) {
          // Named by the request: the answer for a hidden member must be the one for nobody (below).
          continue;
        } else if (!allowed.getOrDefault(read.route(), Set.of()).contains(handle)) {
          softly.assertThat(named(read.answer().body(), handle))
              .as("%s reads %s and learns of %s: %s", viewer.handle(), read.address(), handle, read.answer())
              .isFalse();
        }
      }
      if (read.route().equals("/v1/me/degrees")) {
        JsonNode degrees = read.answer().json().get("degrees");
        hidden.stream().filter(viewer.known()::contains)
            .forEach(h -> softly.assertThat(degrees.get(h).isNull()).as("degree of %s", h).isTrue());
      }
    }
  }

  /**
   * Every count the viewer reads equals the list it counts, wherever the viewer can read that
   * list whole: a member's connections ({@code wholeLists}: themselves, and connections who show
   * theirs) and followers, mutual connections, and the network's sizes against the degrees of
   * every member.
   */
  private static void assertCountsAgreeWithLists(SoftAssertions softly, Viewer viewer, List<Read> reads, Set<String> wholeLists) {
    Map<String, JsonNode> byAddress = new HashMap<>();
    reads.stream().filter(read -> read.answer().status() == 200 && read.answer().contentType().startsWith("application/json"))
        .forEach(read -> byAddress.put(read.address(), read.answer().json()));
    for (String handle : viewer.known()) {
      JsonNode profile = byAddress.get("/v1/members/" + handle);
      if (profile == null) {
        continue;
      }
      String about = viewer.handle() + " about " + handle;
      JsonNode connections = byAddress.get("/v1/members/" + handle + "/connections?limit=200");
      if (wholeLists.contains(handle)) {
        softly.assertThat(profile.get("connectionCount").asInt()).as(about).isEqualTo(connections.get("items").size());
      }
      JsonNode followers = byAddress.get("/v1/members/" + handle + "/followers?limit=200");
      if (profile.has("followerCount") && followers != null) {
        softly.assertThat(profile.get("followerCount").asInt()).as(about).isEqualTo(followers.get("items").size());
      }
      JsonNode mutuals = byAddress.get("/v1/members/" + handle + "/mutual-connections?limit=200");
      if (!profile.get("relationship").isNull()) {
        softly.assertThat(profile.get("relationship").get("mutualCount").asInt()).as(about)
            .isEqualTo(mutuals.get("items").size());
      }
    }
    JsonNode network = byAddress.get("/v1/me/network");
    JsonNode degrees = degrees(viewer, UNIVERSE).json().get("degrees");
    Map<String, Integer> counted = new LinkedHashMap<>(Map.of("first", 0, "second", 0, "third", 0));
    List<String> names = List.of("first", "second", "third");
    degrees.properties().forEach(e -> {
      if (!e.getValue().isNull()) {
        counted.merge(names.get(e.getValue().asInt() - 1), 1, Integer::sum);
      }
    });
    for (String name : names) {
      softly.assertThat(network.get(name).asInt()).as("%s's %s degree", viewer.handle(), name).isEqualTo(counted.get(name));
    }
    JsonNode limits = byAddress.get("/v1/me/limits");
    softly.assertThat(limits.get("connections").get("used").asInt()).as("%s's connections", viewer.handle())
        .isEqualTo(byAddress.get("/v1/members/" + viewer.handle() + "/connections?limit=200").get("items").size());
  }

  /** Whether the text names the handle: not as part of a longer handle. */
  private static boolean named(String text, String handle) {
    return Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(handle) + "(?![a-z0-9-])").matcher(text).find();
  }

  // ---- setting up ------------------------------------------------------------------------------

  private static Map<String, String> members(String... handles) {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String handle : handles) {
      tokens.put(handle, server.member(handle));
      UNIVERSE.add(handle);
    }
    return tokens;
  }

  private static String invite(Map<String, String> tokens, String from, String to) {
    ApiClient.Answer sent = api.post("/v1/invitations", tokens.get(from), "{\"to\":\"%s\"}".formatted(to));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.json().get("invitation").get("id").asText();
  }

  private static void connect(Map<String, String> tokens, String from, String to) {
    String id = invite(tokens, from, to);
    assertThat(api.post("/v1/invitations/" + id + "/accept", tokens.get(to)).status()).isEqualTo(200);
  }
}
