package dev.rapport.server;

import static dev.rapport.server.TestServer.ADMIN;

import dev.rapport.server.BadRequests.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Well-formed requests that the rules refuse, for {@link BadInputIT}: each names the rule's problem
 * type, and none may change anything.
 */
final class RuleRefusals {
  /** The members' tokens and the invitations, posts and comment that {@link BadInputIT} sets up. */
  record Fixture(Map<String, String> tokens, String aliceToBob, String carolToAlice, String bobsPost,
      String alicesComment, String carolsHiddenPost, String acmeToken) {
    String token(String handle) {
      return tokens.get(handle);
    }
  }

  private RuleRefusals() {}

  /** Well-formed requests the rules refuse: they must change nothing either. */
  static List<Case> all(BadRequests requests, Fixture f) {
    String alice = f.token("alice");
    List<Case> cases = new ArrayList<>();
    for (String days : List.of("", "-1", "abc", "1.5", "36501", "99999999999", "%2B7")) {
      cases.add(new Case("olderThanDays=" + days, requests.request("POST", "/v1/me/invitations/withdraw?olderThanDays=" + days,
          alice, Optional.empty()), 400, "invalid-query"));
    }
    for (String upTo : List.of("abc", "-1", "1.5", "99999999999999999999")) {
      cases.add(new Case("upTo=" + upTo, requests.request("POST", "/v1/me/notifications/read?upTo=" + upTo, alice,
          Optional.empty()), 400, "invalid-query"));
    }
    cases.add(new Case("no olderThanDays", requests.request("POST", "/v1/me/invitations/withdraw", alice, Optional.empty()),
        400, "invalid-query"));
    cases.addAll(List.of(
        requests.post("handle with capitals", "/v1/members", ADMIN, "{\"handle\":\"Bad Handle\",\"name\":\"X\"}", 400,
            "invalid-handle"),
        requests.post("handle too short", "/v1/members", ADMIN, "{\"handle\":\"ab\",\"name\":\"X\"}", 400, "invalid-handle"),
        requests.post("empty name", "/v1/members", ADMIN, "{\"handle\":\"fresh-one\",\"name\":\"  \"}", 400, "invalid-name"),
        requests.post("long name", "/v1/members", ADMIN, "{\"handle\":\"fresh-one\",\"name\":\"%s\"}".formatted("n".repeat(101)),
            400, "invalid-name"),
        requests.post("long headline", "/v1/members", ADMIN,
            "{\"handle\":\"fresh-one\",\"name\":\"X\",\"headline\":\"%s\"}".formatted("h".repeat(221)), 400,
            "invalid-headline"),
        requests.post("bad email", "/v1/members", ADMIN, "{\"handle\":\"fresh-one\",\"name\":\"X\",\"email\":\"nope\"}", 400,
            "invalid-email"),
        requests.post("unknown tier", "/v1/members", ADMIN, "{\"handle\":\"fresh-one\",\"name\":\"X\",\"tier\":\"gold\"}", 400,
            "unknown-tier"),
        requests.post("taken handle", "/v1/members", ADMIN, "{\"handle\":\"bob\",\"name\":\"Another Bob\"}", 409,
            "handle-taken"),
        new Case("blank name", requests.request("PATCH", "/v1/me", alice, Optional.of("{\"name\":\"\"}")), 400, "invalid-name"),
        new Case("long headline", requests.request("PATCH", "/v1/me", alice,
            Optional.of("{\"headline\":\"%s\"}".formatted("h".repeat(221)))), 400, "invalid-headline"),
        new Case("open profile on basic", requests.request("PATCH", "/v1/me", alice,
            Optional.of("{\"settings\":{\"openProfile\":true}}")), 403, "open-profile-not-allowed"),
        new Case("follow self", requests.request("PUT", "/v1/me/following/alice", alice, Optional.empty()), 409,
            "cannot-follow-self"),
        new Case("follow someone one blocked", requests.request("PUT", "/v1/me/following/dave", f.token("erin"),
            Optional.empty()), 409, "member-blocked"),
        new Case("follow someone who blocked you", requests.request("PUT", "/v1/me/following/erin", f.token("dave"),
            Optional.empty()), 404, "member-not-found"),
        new Case("profile of someone who blocked you", requests.request("GET", "/v1/members/erin", f.token("dave"),
            Optional.empty()), 404, "member-not-found"),
        new Case("followers of someone who blocked you", requests.request("GET", "/v1/members/erin/followers", f.token("dave"),
            Optional.empty()), 404, "member-not-found"),
        new Case("followers someone shows only to themself", requests.request("GET", "/v1/members/carol/followers", alice,
            Optional.empty()), 403, "follows-hidden"),
        new Case("following of a connection who hides it", requests.request("GET", "/v1/members/alice/following",
            f.token("bob"), Optional.empty()), 403, "follows-hidden"),
        new Case("a follows visibility that does not exist", requests.request("PATCH", "/v1/me", alice,
            Optional.of("{\"settings\":{\"followsVisibility\":\"everyone\"}}")), 400, "invalid-field"),
        requests.post("invite self", "/v1/invitations", alice, "{\"to\":\"alice\"}", 409, "cannot-invite-self"),
        requests.post("invite a connection", "/v1/invitations", alice, "{\"to\":\"bob\"}", 409, "already-connected"),
        requests.post("invite a company", "/v1/invitations", alice, "{\"to\":\"acme\"}", 409, "not-connectable"),
        requests.post("invite twice", "/v1/invitations", alice, "{\"to\":\"erin\"}", 409, "invitation-already-pending"),
        requests.post("invite someone one blocked", "/v1/invitations", f.token("erin"), "{\"to\":\"dave\"}", 409,
            "member-blocked"),
        requests.post("invite someone who blocked you", "/v1/invitations", f.token("dave"), "{\"to\":\"erin\"}", 404,
            "member-not-found"),
        requests.post("invite an invalid handle", "/v1/invitations", alice, "{\"to\":\"Not Valid\"}", 400, "invalid-handle"),
        requests.post("invite nobody", "/v1/invitations", alice, "{\"to\":\"nobody-here\"}", 404, "member-not-found"),
        requests.post("note over the tier", "/v1/invitations", alice,
            "{\"to\":\"dave\",\"note\":\"%s\"}".formatted("n".repeat(201)), 400, "note-too-long"),
        requests.post("note over any tier", "/v1/invitations", alice,
            "{\"to\":\"dave\",\"note\":\"%s\"}".formatted("n".repeat(2_001)), 400, "note-too-long"),
        new Case("accept an accepted invitation", requests.request("POST", "/v1/invitations/" + f.aliceToBob() + "/accept",
            f.token("bob"), Optional.empty()), 409, "invitation-not-open"),
        new Case("withdraw an accepted invitation", requests.request("POST", "/v1/invitations/" + f.aliceToBob() + "/withdraw",
            alice, Optional.empty()), 409, "invitation-not-open"),
        new Case("accept one's own invitation", requests.request("POST", "/v1/invitations/" + f.carolToAlice() + "/accept",
            f.token("carol"), Optional.empty()), 404, "invitation-not-found"),
        new Case("remove a non-connection", requests.request("DELETE", "/v1/me/connections/carol", alice, Optional.empty()),
            409, "not-connected"),
        new Case("block self", requests.request("PUT", "/v1/me/blocks/alice", alice, Optional.empty()), 409,
            "cannot-block-self"),
        requests.post("degrees of an invalid handle", "/v1/me/degrees", alice, "{\"handles\":[\"bob\",\"Not Valid\"]}", 400,
            "invalid-handle"),
        requests.post("degrees of 1,001 members", "/v1/me/degrees", alice, "{\"handles\":[%s]}".formatted(
            String.join(",", java.util.Collections.nCopies(1_001, "\"bob\""))), 400, "too-many-handles"),
        new Case("dismiss oneself", requests.request("DELETE", "/v1/me/suggestions/alice", alice, Optional.empty()), 409,
            "cannot-dismiss-self"),
        new Case("dismiss someone who blocked you", requests.request("DELETE", "/v1/me/suggestions/erin", f.token("dave"),
            Optional.empty()), 404, "member-not-found"),
        requests.post("post of 3,001 characters", "/v1/posts", alice, "{\"text\":\"%s\"}".formatted("p".repeat(3_001)), 400,
            "post-too-long"),
        requests.post("empty post", "/v1/posts", alice, "{\"text\":\" \\n \"}", 400, "invalid-text"),
        requests.post("post with a bell", "/v1/posts", alice, "{\"text\":\"ding\\u0007\"}", 400, "invalid-text"),
        requests.post("comment of 1,251 characters", "/v1/posts/" + f.bobsPost() + "/comments", alice,
            "{\"text\":\"%s\"}".formatted("c".repeat(1_251)), 400, "comment-too-long"),
        requests.post("comment on a post one may not see", "/v1/posts/" + f.carolsHiddenPost() + "/comments", alice,
            "{\"text\":\"hi\"}", 404, "post-not-found"),
        new Case("react to a post one may not see", requests.request("PUT", "/v1/posts/" + f.carolsHiddenPost() + "/reactions/me",
            alice, Optional.of("{\"kind\":\"like\"}")), 404, "post-not-found"),
        new Case("an unknown reaction", requests.request("PUT", "/v1/posts/" + f.bobsPost() + "/reactions/me", alice,
            Optional.of("{\"kind\":\"wow\"}")), 400, "invalid-reaction"),
        new Case("a reaction in capitals", requests.request("PUT", "/v1/posts/" + f.bobsPost() + "/reactions/me", alice,
            Optional.of("{\"kind\":\"LIKE\"}")), 400, "invalid-reaction"),
        requests.post("CP1: post as a page one is no admin of", "/v1/companies/acme/posts", alice, "{\"text\":\"hi\"}", 403,
            "not-page-admin"),
        requests.post("CP1: a page's post for connections", "/v1/companies/acme/posts", f.token("bob"),
            "{\"text\":\"hi\",\"visibility\":\"connections\"}", 400, "page-post-for-anyone"),
        requests.post("CP1: post as a person", "/v1/companies/bob/posts", alice, "{\"text\":\"hi\"}", 404,
            "member-not-found"),
        requests.post("CP1: post as a page that does not exist", "/v1/companies/nobody-here/posts", alice,
            "{\"text\":\"hi\"}", 404, "member-not-found"),
        requests.post("CP1: a page posting with its own token", "/v1/posts", f.acmeToken(), "{\"text\":\"hi\"}", 403,
            "page-posts-through-admins"),
        new Case("edit another's post", requests.request("PATCH", "/v1/posts/" + f.bobsPost(), alice,
            Optional.of("{\"text\":\"mine now\"}")), 403, "not-post-author"),
        new Case("delete another's post", requests.request("DELETE", "/v1/posts/" + f.bobsPost(), alice, Optional.empty()), 403,
            "not-post-author"),
        new Case("delete another's comment", requests.request("DELETE", "/v1/posts/" + f.bobsPost() + "/comments/" + f.alicesComment(),
            f.token("dave"), Optional.empty()), 403, "not-comment-writer"),
        new Case("reactions of a kind that does not exist", requests.request("GET", "/v1/posts/" + f.bobsPost()
            + "/reactions?kind=wow", alice, Optional.empty()), 400, "invalid-query"),
        new Case("a feed order that does not exist", requests.request("GET", "/v1/me/feed?order=best", alice,
            Optional.empty()), 400, "invalid-query"),
        new Case("a feed page of 101", requests.request("GET", "/v1/me/feed?limit=101", alice, Optional.empty()), 400,
            "invalid-page"),
        requests.post("advance in words", "/v1/admin/clock", ADMIN, "{\"advance\":\"7 days\"}", 400, "invalid-field"),
        requests.post("advance backwards", "/v1/admin/clock", ADMIN, "{\"advance\":\"-P1D\"}", 400, "invalid-field"),
        requests.post("advance by nothing", "/v1/admin/clock", ADMIN, "{\"advance\":\"PT0S\"}", 400, "invalid-field"),
        requests.post("advance by millennia", "/v1/admin/clock", ADMIN, "{\"advance\":\"P999999D\"}", 400, "invalid-field"),
        requests.post("advance past any instant", "/v1/admin/clock", ADMIN, "{\"advance\":\"PT9223372036854775807S\"}", 400,
            "invalid-field")));
    return cases;
  }
}
