package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;

import java.util.List;
import java.util.Optional;

/**
 * A request to every route that would succeed as it stands, with the fields of its body:
 * {@link BadInputIT} breaks each of them in every way it can.
 */
final class RouteSamples {
  /** A field of a route's body: its JSON type and whether it is required. */
  record Field(String path, Kind kind, boolean required) {}

  enum Kind { STRING, STRINGS, BOOLEAN, CHOICE, OBJECT }

  /** A request that would succeed, from which each case breaks exactly one thing. */
  record Sample(String route, String method, String path, String token, Optional<String> body,
      List<Field> fields) {}

  private RouteSamples() {}

  /** The problem type of an id that names nothing in the sample's path. */
  static String notFoundTypeOfId(Sample sample) {
    String path = sample.path();
    return path.startsWith("/v1/me/tokens/") ? "token-not-found"
        : path.startsWith("/v1/me/recommendations/") ? "recommendation-not-found"
        : path.startsWith("/v1/conversations/") ? "conversation-not-found" : "invitation-not-found";
  }

  /** Every route's sample, as the member whose token is {@code alice} would send it. */
  static List<Sample> all(String alice) {
    List<Field> none = List.of();
    return List.of(
        new Sample("GET /health", "GET", "/health", null, Optional.empty(), none),
        new Sample("GET /health/ready", "GET", "/health/ready", null, Optional.empty(), none),
        new Sample("GET /problems", "GET", "/problems", null, Optional.empty(), none),
        new Sample("GET /problems/{slug}", "GET", "/problems/weekly-invitation-limit", null, Optional.empty(), none),
        new Sample("GET /openapi.json", "GET", "/openapi.json", null, Optional.empty(), none),
        new Sample("GET /openapi.yaml", "GET", "/openapi.yaml", null, Optional.empty(), none),
        new Sample("GET /docs", "GET", "/docs", null, Optional.empty(), none),
        new Sample("GET /docs/{asset}", "GET", "/docs/docs.js", null, Optional.empty(), none),
        // The web app's addresses, with their parameters filled in: its page reads them, so any handle is served.
        new Sample("GET /", "GET", "/", null, Optional.empty(), none),
        new Sample("GET /feed", "GET", "/feed?order=top", null, Optional.empty(), none),
        new Sample("GET /in/{h}", "GET", "/in/bob", null, Optional.empty(), none),
        new Sample("GET /mynetwork", "GET", "/mynetwork", null, Optional.empty(), none),
        new Sample("GET /mynetwork/{section}", "GET", "/mynetwork/followers", null, Optional.empty(), none),
        new Sample("GET /notifications", "GET", "/notifications", null, Optional.empty(), none),
        new Sample("GET /limits", "GET", "/limits", null, Optional.empty(), none),
        new Sample("GET /settings", "GET", "/settings", null, Optional.empty(), none),
        new Sample("GET /account", "GET", "/account", null, Optional.empty(), none),
        new Sample("GET /search", "GET", "/search?q=bo", null, Optional.empty(), none),
        new Sample("GET /signin", "GET", "/signin", null, Optional.empty(), none),
        new Sample("GET /signup", "GET", "/signup", null, Optional.empty(), none),
        new Sample("GET /company/{h}", "GET", "/company/acme", null, Optional.empty(), none),
        new Sample("GET /companies", "GET", "/companies", null, Optional.empty(), none),
        new Sample("GET /app/{file}", "GET", "/app/app.js", null, Optional.empty(), none),
        new Sample("POST /v1/members", "POST", "/v1/members", ADMIN,
            Optional.of("{\"handle\":\"brand-new\",\"name\":\"Brand New\",\"kind\":\"person\"}"), List.of(
                new Field("handle", Kind.STRING, true), new Field("name", Kind.STRING, true),
                new Field("headline", Kind.STRING, false), new Field("email", Kind.STRING, false),
                new Field("tier", Kind.STRING, false), new Field("kind", Kind.CHOICE, false))),
        new Sample("POST /v1/members/{h}/tokens", "POST", "/v1/members/{h}/tokens", ADMIN, Optional.empty(), none),
        new Sample("GET /v1/members", "GET", "/v1/members?q=bo", alice, Optional.empty(), none),
        new Sample("GET /v1/members/{h}", "GET", "/v1/members/{h}", alice, Optional.empty(), none),
        new Sample("GET /v1/me", "GET", "/v1/me", alice, Optional.empty(), none),
        new Sample("PATCH /v1/me", "PATCH", "/v1/me", alice,
            Optional.of("{\"name\":\"Alice Again\",\"settings\":{\"followPrimary\":true,\"whoCanFollow\":\"everyone\"}}"),
            List.of(new Field("name", Kind.STRING, false), new Field("headline", Kind.STRING, false),
                new Field("settings", Kind.OBJECT, false),
                new Field("settings.followPrimary", Kind.BOOLEAN, false),
                new Field("settings.whoCanFollow", Kind.CHOICE, false),
                new Field("settings.whoCanInvite", Kind.CHOICE, false),
                new Field("settings.connectionsVisibility", Kind.CHOICE, false),
                new Field("settings.openProfile", Kind.BOOLEAN, false))),
        new Sample("GET /v1/me/limits", "GET", "/v1/me/limits", alice, Optional.empty(), none),
        new Sample("PUT /v1/me/following/{h}", "PUT", "/v1/me/following/{h}", alice, Optional.empty(), none),
        new Sample("DELETE /v1/me/following/{h}", "DELETE", "/v1/me/following/{h}", alice, Optional.empty(), none),
        new Sample("DELETE /v1/me/followers/{h}", "DELETE", "/v1/me/followers/{h}", alice, Optional.empty(), none),
        new Sample("GET /v1/members/{h}/followers", "GET", "/v1/members/{h}/followers", alice, Optional.empty(), none),
        new Sample("GET /v1/members/{h}/following", "GET", "/v1/members/{h}/following", alice, Optional.empty(), none),
        new Sample("POST /v1/invitations", "POST", "/v1/invitations", alice,
            Optional.of("{\"to\":\"dave\",\"note\":\"hi\",\"email\":\"dave@example.com\"}"),
            List.of(new Field("to", Kind.STRING, true), new Field("note", Kind.STRING, false),
                new Field("email", Kind.STRING, false))),
        new Sample("GET /v1/me/invitations", "GET", "/v1/me/invitations?box=sent&state=pending", alice,
            Optional.empty(), none),
        new Sample("POST /v1/me/invitations/withdraw", "POST", "/v1/me/invitations/withdraw?olderThanDays=3650", alice,
            Optional.empty(), none),
        new Sample("POST /v1/invitations/{id}/accept", "POST", "/v1/invitations/{id}/accept", alice, Optional.empty(),
            none),
        new Sample("POST /v1/invitations/{id}/ignore", "POST", "/v1/invitations/{id}/ignore", alice, Optional.empty(),
            none),
        new Sample("POST /v1/invitations/{id}/withdraw", "POST", "/v1/invitations/{id}/withdraw", alice,
            Optional.empty(), none),
        new Sample("POST /v1/invitations/{id}/report", "POST", "/v1/invitations/{id}/report", alice, Optional.empty(),
            none),
        new Sample("GET /v1/members/{h}/connections", "GET", "/v1/members/{h}/connections", alice, Optional.empty(),
            none),
        new Sample("DELETE /v1/me/connections/{h}", "DELETE", "/v1/me/connections/{h}", alice, Optional.empty(), none),
        new Sample("GET /v1/members/{h}/mutual-connections", "GET", "/v1/members/{h}/mutual-connections", alice,
            Optional.empty(), none),
        new Sample("GET /v1/me/network", "GET", "/v1/me/network", alice, Optional.empty(), none),
        new Sample("POST /v1/me/degrees", "POST", "/v1/me/degrees", alice, Optional.of("{\"handles\":[\"bob\",\"carol\"]}"),
            List.of(new Field("handles", Kind.STRINGS, true))),
        new Sample("GET /v1/me/suggestions", "GET", "/v1/me/suggestions", alice, Optional.empty(), none),
        new Sample("DELETE /v1/me/suggestions/{h}", "DELETE", "/v1/me/suggestions/{h}", alice, Optional.empty(), none),
        new Sample("PUT /v1/me/blocks/{h}", "PUT", "/v1/me/blocks/{h}", alice, Optional.empty(), none),
        new Sample("DELETE /v1/me/blocks/{h}", "DELETE", "/v1/me/blocks/{h}", alice, Optional.empty(), none),
        new Sample("GET /v1/me/blocks", "GET", "/v1/me/blocks", alice, Optional.empty(), none),
        new Sample("GET /v1/me/notifications", "GET", "/v1/me/notifications", alice, Optional.empty(), none),
        new Sample("POST /v1/me/notifications/read", "POST", "/v1/me/notifications/read", alice, Optional.empty(),
            none),
        new Sample("GET /v1/me/analytics", "GET", "/v1/me/analytics", alice, Optional.empty(), none),
        new Sample("GET /v1/me/prospects", "GET", "/v1/me/prospects", alice, Optional.empty(), none),
        // Posts: {post} is a post alice sees, {comment} a comment on it that she may delete.
        new Sample("POST /v1/posts", "POST", "/v1/posts", alice, Optional.of("{\"text\":\"Hello\",\"visibility\":\"anyone\"}"),
            List.of(new Field("text", Kind.STRING, true), new Field("visibility", Kind.CHOICE, false))),
        new Sample("GET /v1/posts/{id}", "GET", "/v1/posts/{post}", alice, Optional.empty(), none),
        new Sample("PATCH /v1/posts/{id}", "PATCH", "/v1/posts/{post}", alice, Optional.of("{\"text\":\"Edited\"}"),
            List.of(new Field("text", Kind.STRING, true))),
        new Sample("DELETE /v1/posts/{id}", "DELETE", "/v1/posts/{post}", alice, Optional.empty(), none),
        new Sample("GET /v1/members/{h}/posts", "GET", "/v1/members/{h}/posts", alice, Optional.empty(), none),
        new Sample("PUT /v1/posts/{id}/reactions/me", "PUT", "/v1/posts/{post}/reactions/me", alice,
            Optional.of("{\"kind\":\"like\"}"), List.of(new Field("kind", Kind.STRING, true))),
        new Sample("DELETE /v1/posts/{id}/reactions/me", "DELETE", "/v1/posts/{post}/reactions/me", alice,
            Optional.empty(), none),
        new Sample("GET /v1/posts/{id}/reactions", "GET", "/v1/posts/{post}/reactions?kind=like", alice,
            Optional.empty(), none),
        new Sample("POST /v1/posts/{id}/comments", "POST", "/v1/posts/{post}/comments", alice,
            Optional.of("{\"text\":\"Well done\"}"), List.of(new Field("text", Kind.STRING, true))),
        new Sample("GET /v1/posts/{id}/comments", "GET", "/v1/posts/{post}/comments", alice, Optional.empty(), none),
        new Sample("DELETE /v1/posts/{id}/comments/{commentId}", "DELETE", "/v1/posts/{post}/comments/{comment}", alice,
            Optional.empty(), none),
        new Sample("GET /v1/me/feed", "GET", "/v1/me/feed?order=top", alice, Optional.empty(), none),
        // Messaging: {id} is no conversation of alice's, so each of these paths is also its own not-found case.
        new Sample("POST /v1/messages", "POST", "/v1/messages", alice, Optional.of("{\"to\":\"bob\",\"text\":\"Hi\"}"),
            List.of(new Field("to", Kind.STRING, true), new Field("text", Kind.STRING, true))),
        new Sample("GET /v1/me/conversations", "GET", "/v1/me/conversations", alice, Optional.empty(), none),
        new Sample("GET /v1/conversations/{id}/messages", "GET", "/v1/conversations/{id}/messages", alice,
            Optional.empty(), none),
        new Sample("POST /v1/conversations/{id}/messages", "POST", "/v1/conversations/{id}/messages", alice,
            Optional.of("{\"text\":\"Hi\"}"), List.of(new Field("text", Kind.STRING, true))),
        new Sample("POST /v1/conversations/{id}/read", "POST", "/v1/conversations/{id}/read", alice, Optional.empty(),
            none),
        new Sample("POST /v1/conversations/{id}/accept", "POST", "/v1/conversations/{id}/accept", alice,
            Optional.empty(), none),
        new Sample("POST /v1/conversations/{id}/decline", "POST", "/v1/conversations/{id}/decline", alice,
            Optional.empty(), none),
        new Sample("GET /v1/members/{h}/message-terms", "GET", "/v1/members/{h}/message-terms", alice,
            Optional.empty(), none),
        new Sample("POST /v1/admin/clock", "POST", "/v1/admin/clock", ADMIN, Optional.of("{\"advance\":\"P1D\"}"),
            List.of(new Field("advance", Kind.STRING, true))),
        new Sample("POST /v1/accounts", "POST", "/v1/accounts", null, Optional.of(Browser.signUpBody("newcomer",
            "newcomer@example.com", "correct horse battery")), List.of(new Field("email", Kind.STRING, true),
                new Field("password", Kind.STRING, true), new Field("handle", Kind.STRING, true),
                new Field("name", Kind.STRING, true), new Field("headline", Kind.STRING, false),
                new Field("invite", Kind.STRING, false))),
        new Sample("POST /v1/sessions", "POST", "/v1/sessions", null, Optional.of(Browser.signInBody(
            "newcomer@example.com", "correct horse battery")), List.of(new Field("email", Kind.STRING, true),
                new Field("password", Kind.STRING, true))),
        new Sample("PUT /v1/me/password", "PUT", "/v1/me/password", alice,
            Optional.of("{\"current\":\"old password\",\"new\":\"new password\"}"),
            List.of(new Field("current", Kind.STRING, true), new Field("new", Kind.STRING, true))),
        new Sample("GET /v1/me/tokens", "GET", "/v1/me/tokens", alice, Optional.empty(), none),
        new Sample("POST /v1/me/tokens", "POST", "/v1/me/tokens", alice, Optional.of("{\"name\":\"script\"}"),
            List.of(new Field("name", Kind.STRING, true))),
        new Sample("DELETE /v1/me/tokens/{id}", "DELETE", "/v1/me/tokens/{id}", alice, Optional.empty(), none),
        new Sample("POST /v1/me/invites", "POST", "/v1/me/invites", alice, Optional.of("{}"), none),
        new Sample("POST /v1/companies", "POST", "/v1/companies", alice,
            Optional.of("{\"handle\":\"brand-new-page\",\"name\":\"Brand New\",\"headline\":\"Things\"}"),
            List.of(new Field("handle", Kind.STRING, true), new Field("name", Kind.STRING, true),
                new Field("headline", Kind.STRING, false))),
        new Sample("GET /v1/companies/{h}", "GET", "/v1/companies/{h}", alice, Optional.empty(), none),
        new Sample("PATCH /v1/companies/{h}", "PATCH", "/v1/companies/{h}", alice,
            Optional.of("{\"name\":\"Acme Again\",\"headline\":\"Rockets\"}"),
            List.of(new Field("name", Kind.STRING, false), new Field("headline", Kind.STRING, false))),
        new Sample("PUT /v1/companies/{h}/admins/{m}", "PUT", "/v1/companies/acme/admins/{h}", alice, Optional.empty(),
            none),
        new Sample("DELETE /v1/companies/{h}/admins/{m}", "DELETE", "/v1/companies/acme/admins/{h}", alice,
            Optional.empty(), none),
        new Sample("PUT /v1/admin/companies/{h}/admins/{m}", "PUT", "/v1/admin/companies/acme/admins/{h}", ADMIN,
            Optional.empty(), none),
        new Sample("GET /v1/me/companies", "GET", "/v1/me/companies", alice, Optional.empty(), none),
        new Sample("POST /v1/companies/{h}/posts", "POST", "/v1/companies/acme/posts", alice,
            Optional.of("{\"text\":\"Hello\",\"visibility\":\"anyone\"}"),
            List.of(new Field("text", Kind.STRING, true), new Field("visibility", Kind.CHOICE, false))),
        new Sample("PUT /v1/me/skills", "PUT", "/v1/me/skills", alice, Optional.of("{\"skills\":[\"Java\",\"SQL\"]}"),
            List.of(new Field("skills", Kind.STRINGS, true))),
        new Sample("GET /v1/members/{h}/skills", "GET", "/v1/members/{h}/skills", alice, Optional.empty(), none),
        new Sample("POST /v1/members/{h}/endorsements", "POST", "/v1/members/{h}/endorsements", alice,
            Optional.of("{\"skill\":\"Java\"}"), List.of(new Field("skill", Kind.STRING, true))),
        new Sample("DELETE /v1/members/{h}/endorsements", "DELETE", "/v1/members/{h}/endorsements?skill=Java", alice,
            Optional.empty(), none),
        new Sample("POST /v1/members/{h}/recommendations", "POST", "/v1/members/{h}/recommendations", alice,
            Optional.of("{\"text\":\"Bob ships.\",\"relationship\":\"Worked together\"}"),
            List.of(new Field("text", Kind.STRING, true), new Field("relationship", Kind.STRING, false))),
        new Sample("GET /v1/members/{h}/recommendations", "GET", "/v1/members/{h}/recommendations", alice,
            Optional.empty(), none),
        new Sample("GET /v1/me/recommendations/given", "GET", "/v1/me/recommendations/given", alice, Optional.empty(),
            none),
        new Sample("POST /v1/me/recommendations/{id}/approve", "POST", "/v1/me/recommendations/{id}/approve", alice,
            Optional.empty(), none),
        new Sample("POST /v1/me/recommendations/{id}/hide", "POST", "/v1/me/recommendations/{id}/hide", alice,
            Optional.empty(), none),
        new Sample("DELETE /v1/me/recommendations/{id}", "DELETE", "/v1/me/recommendations/{id}", alice,
            Optional.empty(), none),
        new Sample("POST /v1/admin/invites", "POST", "/v1/admin/invites", ADMIN, Optional.of("{}"), none));
  }
}
