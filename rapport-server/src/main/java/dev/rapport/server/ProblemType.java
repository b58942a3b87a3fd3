package dev.rapport.server;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of problem types: each slug the API can answer with, its HTTP status, the product
 * rule it enforces (empty for problems of the request itself) and a sentence that explains it. The
 * page at {@code /problems/<slug>}, which a problem document's {@code type} names, is made from it.
 */
enum ProblemType {
  // The request itself, refused at the HTTP edge.
  BAD_REQUEST("bad-request", 400, "", "The request line, headers or framing are malformed."),
  MALFORMED_JSON("malformed-json", 400, "", "The body is not well-formed JSON, or a route that needs a JSON object got none."),
  INVALID_BODY("invalid-body", 400, "", "The body is JSON but not an object."),
  MISSING_FIELD("missing-field", 400, "", "A required field of the body is absent; the problem names it in `field`."),
  INVALID_FIELD("invalid-field", 400, "", "A field of the body has the wrong type, is out of range or is not valid Unicode (half of a surrogate pair alone); the problem names it in `field`."),
  UNKNOWN_FIELD("unknown-field", 400, "", "The body has a field this route does not take; the problem names it in `field`."),
  UNREADABLE_BODY("unreadable-body", 400, "", "The body could not be read to its end (broken framing or encoding)."),
  INVALID_PAGE("invalid-page", 400, "", "`limit` must be a whole number from 1 to 200."),
  INVALID_CURSOR("invalid-cursor", 400, "", "The `cursor` was not given by this list; start again from the first page."),
  UNKNOWN_PARAMETER("unknown-parameter", 400, "", "The query has a parameter this route does not take; the problem names it in `parameter`."),
  INVALID_QUERY("invalid-query", 400, "", "A query parameter has a value this route does not take; the problem names it in `parameter`."),
  INVALID_LAST_EVENT_ID("invalid-last-event-id", 400, "NT2", "`Last-Event-ID` must be an id a live stream gave: a log position, a whole number no larger than the log's newest. Nothing was opened or changed."),
  INVALID_NOTIFICATION_KIND("invalid-notification-kind", 400, "NT2", "`muted` names only notification kinds; the problem names the one it does not know in `kind`."),
  UNAUTHENTICATED("unauthenticated", 401, "", "The bearer token is missing, malformed, unknown or expired."),
  ADMIN_ONLY("admin-only", 403, "", "Only the administrator's token may call this route."),
  MEMBER_ONLY("member-only", 403, "", "This route acts as a member: call it with a member's token, not the administrator's."),
  DEV_CLOCK_DISABLED("dev-clock-disabled", 403, "", "Time can be moved only on a server started with the dev clock, never in production."),
  FORBIDDEN("forbidden", 403, "", "The server refused the request before routing it."),
  NOT_FOUND("not-found", 404, "", "There is nothing at this address."),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "", "This address does not take this method; `Allow` lists those it takes."),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "", "The body is larger than the 64 KiB the server accepts; `limit` says how many bytes."),
  URI_TOO_LONG("uri-too-long", 414, "", "The request's address is longer than the server accepts."),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "", "Bodies are JSON: send `Content-Type: application/json`."),
  HEADERS_TOO_LARGE("headers-too-large", 431, "", "The request's headers are larger than the server accepts."),
  RATE_LIMITED("rate-limited", 429, "A3", "A request budget is spent: each token's requests, an address's failed authentications, or the failed sign-ins of an email or an address, per window; `RateLimit` says what is left and `Retry-After` when to come back. Nothing was changed."),
  INTERNAL_ERROR("internal-error", 500, "", "The server failed to answer; the failure is logged and nothing was changed by bad input."),
  TOO_MANY_CONNECTIONS("too-many-connections", 503, "", "The server holds as many connections as it may (a configured number below its open-files limit); the connection is closed, try again after `Retry-After`."),
  BUSY("busy", 503, "", "The server is busy with searches of the network and took the caller's turn for too long; nothing was changed, try again after `Retry-After`."),
  NOT_READY("not-ready", 503, "", "The server is starting: its graph index is still loading, or its store does not answer yet; `indexLoaded` and `storeAnswers` say which. Try again after `Retry-After`."),
  STORE_UNAVAILABLE("store-unavailable", 503, "", "The store cannot answer right now; nothing was changed, try again after `Retry-After`."),
  HTTP_VERSION_NOT_SUPPORTED("http-version-not-supported", 505, "", "This HTTP version is not supported."),

  // Members and tiers.
  INVALID_HANDLE("invalid-handle", 400, "M1", "A handle is 3 to 40 characters of a-z, 0-9 and -."),
  INVALID_NAME("invalid-name", 400, "M1", "A display name is required, has a maximum length, and is one line of text without control or bidirectional formatting characters."),
  INVALID_HEADLINE("invalid-headline", 400, "M1", "A headline has a maximum length, and is one line of text without control or bidirectional formatting characters."),
  INVALID_EMAIL("invalid-email", 400, "M1", "The email address is not one the service keeps: a local part of plain words between dots, @, a domain name of two or more parts, at most 64 characters before the @ and 254 in all (RFC 5321); the problem says which part is wrong."),
  HANDLE_TAKEN("handle-taken", 409, "M1", "Handles are unique across members and company pages, and never change."),
  UNKNOWN_TIER("unknown-tier", 400, "M2", "The tier is not one the service is configured with."),
  INVALID_TIER("invalid-tier", 400, "M2", "A tier's name is a-z, 0-9 and -, and its limits are not negative."),
  INVALID_POLICY("invalid-policy", 400, "M2", "A policy number is out of range."),
  OPEN_PROFILE_NOT_ALLOWED("open-profile-not-allowed", 403, "M3", "Open Profile is a setting only tiers that allow it may turn on."),
  MEMBER_NOT_FOUND("member-not-found", 404, "B2", "No member has this handle, or a block hides them: the two look the same on purpose."),

  // Follow.
  FOLLOW_LIMIT("follow-limit", 429, "F1", "The service caps how many members one may follow, and the cap is reached."),
  FOLLOW_RESTRICTED("follow-restricted", 403, "F5", "This member accepts only their connections as followers."),
  FOLLOWS_HIDDEN("follows-hidden", 403, "P5", "This member shows whom they follow and who follows them only to themself, or to their connections while they show them their connections too."),
  CANNOT_FOLLOW_SELF("cannot-follow-self", 409, "F7", "You cannot follow yourself."),

  // Connect.
  INVITATION_ALREADY_PENDING("invitation-already-pending", 409, "C1", "Your invitation to this member is still pending: a pair has at most one."),
  INVITATION_NOT_OPEN("invitation-not-open", 409, "C1", "The invitation was already accepted, withdrawn or canceled."),
  INVITATION_NOT_FOUND("invitation-not-found", 404, "C1", "No invitation with this id is yours to answer in this way."),
  INVITATION_COOLDOWN("invitation-cooldown", 429, "C6", "After withdrawing an invitation you can invite the same member again only after 21 days; `retryAt` says when."),
  INVALID_NOTE("invalid-note", 400, "C8", "A note may hold line breaks, but no other control or bidirectional formatting characters."),
  NOTE_TOO_LONG("note-too-long", 400, "C8", "The note is longer than your tier allows; `limit` is the maximum."),
  MONTHLY_NOTE_LIMIT("monthly-note-limit", 429, "C8", "Your tier's personalised notes for this calendar month are used up; send the invitation without a note."),
  EMAIL_REQUIRED("email-required", 403, "C9", "This member accepts invitations only from people who know their email: give it."),
  EMAIL_MISMATCH("email-mismatch", 403, "C9", "The email given is not this member's."),
  INVITATIONS_NOT_ACCEPTED("invitations-not-accepted", 403, "C9", "This member accepts no invitations."),
  NOT_CONNECTED("not-connected", 409, "C10", "You are not connected to this member."),
  CANNOT_INVITE_SELF("cannot-invite-self", 409, "C11", "You cannot invite yourself."),
  ALREADY_CONNECTED("already-connected", 409, "C11", "You are already connected to this member."),
  NOT_CONNECTABLE("not-connectable", 409, "CP1", "Company pages are followed, never connected."),

  // Limits.
  CONNECTION_LIMIT("connection-limit", 429, "L1", "A member has at most 30,000 connections (a configured number); at the cap no invitation is sent or accepted."),
  WEEKLY_INVITATION_LIMIT("weekly-invitation-limit", 429, "L2", "Your tier's invitations over the last 7 days are used up; `retryAt` says when the next one frees up."),
  PENDING_INVITATION_LIMIT("pending-invitation-limit", 429, "L3", "You have the most invitations waiting for an answer that one may have; withdraw some first."),
  INVITATIONS_RESTRICTED("invitations-restricted", 429, "L5", "You may not send invitations until the restriction ends (after repeated weekly-limit refusals, L4, or reports, C7)."),

  // Blocks and the network.
  MEMBER_BLOCKED("member-blocked", 409, "B3", "You blocked this member: unblock them first."),
  CANNOT_BLOCK_SELF("cannot-block-self", 409, "B1", "You cannot block yourself."),
  TOO_MANY_HANDLES("too-many-handles", 400, "N1", "One request asks for the degrees of at most 1,000 members."),
  CANNOT_DISMISS_SELF("cannot-dismiss-self", 409, "N4", "You are never suggested to yourself."),
  CONCURRENT_UPDATE("concurrent-update", 409, "", "Others kept changing the same members; nothing was changed, try again."),

  // Posts, reactions and comments.
  INVALID_TEXT("invalid-text", 400, "P2", "A post's or comment's text is 1 or more characters after trimming, and may hold line breaks but no other control or bidirectional formatting characters."),
  POST_TOO_LONG("post-too-long", 400, "P2", "A post has at most 3,000 characters; `limit` is the maximum and `used` what was sent."),
  COMMENT_TOO_LONG("comment-too-long", 400, "P4", "A comment has at most 1,250 characters; `limit` is the maximum and `used` what was sent."),
  INVALID_REACTION("invalid-reaction", 400, "P4", "A reaction is one of like, celebrate, support, love, insightful and funny."),
  POST_NOT_FOUND("post-not-found", 404, "P2", "No post has this id, it was deleted, or you may not see it (a connections-only post of someone you are not connected to, or a block, B2): the three look the same on purpose."),
  COMMENT_NOT_FOUND("comment-not-found", 404, "P4", "The post has no comment with this id."),
  NOT_POST_AUTHOR("not-post-author", 403, "P2", "Only a post's author edits or deletes it."),
  NOT_COMMENT_WRITER("not-comment-writer", 403, "P4", "Only a comment's writer, or the author of the post it is on, deletes it."),
  // Messaging (docs/decisions/0034-messaging-conversations-requests-credits.md).
  MESSAGE_TOO_LONG("message-too-long", 400, "MS1", "A message has 1 to 8,000 characters; `limit` is the maximum and `used` what was sent. Nothing was sent."),
  CANNOT_MESSAGE_SELF("cannot-message-self", 409, "MS1", "You cannot message yourself."),
  NOT_MESSAGEABLE("not-messageable", 409, "MS1", "Company pages are followed, not messaged, and do not message members."),
  NOT_CONNECTED_NEEDS_INMAIL("not-connected-needs-inmail", 403, "MS2", "You are not connected to this member, who has no Open Profile, and your tier has no InMail: connect first, or message them with a tier that has InMail. Following does not allow messaging (MS3)."),
  NO_INMAIL_CREDITS("no-inmail-credits", 429, "MS2", "Messaging a member you are not connected to takes an InMail credit, and you have none left; `retryAt` says when the next month's credits come."),
  REQUEST_PENDING("request-pending", 409, "MS2", "Your message request to this member waits for their answer: one at a time; `conversationId` names it."),
  REQUEST_DECLINED("request-declined", 409, "MS2", "The message request between you was declined, which closes the conversation to both until you connect; `conversationId` names it."),
  REQUEST_NOT_PENDING("request-not-pending", 409, "MS2", "Only a message request sent to you and not yet answered can be accepted or declined."),
  CONVERSATION_NOT_FOUND("conversation-not-found", 404, "MS3", "No conversation of yours has this id, or a block between you and the other member hides it (B2): the two look the same on purpose."),
  MESSAGE_NOT_FOUND("message-not-found", 404, "MS4", "The conversation has no message with this id to read up to."),
  NOTIFICATION_NOT_FOUND("notification-not-found", 404, "NT2", "You have no notification with this id to mark its group read by, or a block or a mute hides it."),

  // Company pages, skills and endorsements, recommendations.
  NOT_PAGE_ADMIN("not-page-admin", 403, "CP1", "Only the admins of a company page may edit it, post as it or change its admins."),
  PAGE_POST_FOR_ANYONE("page-post-for-anyone", 400, "CP1", "A company page has followers, never connections: its posts are for anyone."),
  PAGE_POSTS_THROUGH_ADMINS("page-posts-through-admins", 403, "CP1", "A company page has no sign-in of its own: its admins post as it through POST /v1/companies/{h}/posts."),
  LAST_PAGE_ADMIN("last-page-admin", 409, "CP1", "A company page always keeps an admin: add another before removing the last one."),
  PAGE_ADMIN_NOT_A_PERSON("page-admin-not-a-person", 409, "CP1", "Only people make and run company pages; a page cannot be an admin."),
  TOO_MANY_SKILLS("too-many-skills", 400, "E1", "A profile lists at most 50 skills; `limit` says how many, `used` how many were sent. Nothing changed."),
  INVALID_SKILL("invalid-skill", 400, "E1", "A skill is one line of 1 to 80 characters, without control or bidirectional formatting characters."),
  DUPLICATE_SKILL("duplicate-skill", 400, "E1", "A skill appears twice in the list; skills are compared case aside."),
  SKILL_NOT_FOUND("skill-not-found", 404, "E1", "The member lists no skill with this name (compared case aside)."),
  ENDORSEMENT_REQUIRES_CONNECTION("endorsement-requires-connection", 403, "E1", "Only a member's 1st-degree connections endorse their skills."),
  CANNOT_ENDORSE_SELF("cannot-endorse-self", 409, "E1", "You cannot endorse your own skills."),
  INVALID_RECOMMENDATION("invalid-recommendation", 400, "E2", "A recommendation has 1 to 3,000 characters and may hold line breaks; how you know each other is one line of at most 100; `field` and `limit` say which."),
  RECOMMENDATION_REQUIRES_CONNECTION("recommendation-requires-connection", 403, "E2", "Only a member's 1st-degree connections write recommendations for them."),
  RECOMMENDATION_ALREADY_PENDING("recommendation-already-pending", 409, "E2", "Your recommendation of this member still waits for their approval: one at a time; `recommendationId` names it."),
  CANNOT_RECOMMEND_SELF("cannot-recommend-self", 409, "E2", "You cannot recommend yourself."),
  RECOMMENDATION_NOT_FOUND("recommendation-not-found", 404, "E2", "No recommendation with this id is yours to change: only its recipient approves or hides it, and its writer or recipient removes it."),
  RECOMMENDATIONS_HIDDEN("recommendations-hidden", 403, "E2", "Only the member sees their recommendations that are pending or hidden; others see the shown ones."),

  // Outreach insight.
  INVALID_PERIOD("invalid-period", 400, "X1", "`weeks` is a whole number from 1 to 104: the current ISO week (UTC) and the weeks before it; `limit` says the most."),

  // Accounts.
  INVALID_PASSWORD("invalid-password", 400, "A1", "A password has 8 to 256 characters (NIST SP 800-63B), and no other rule: spaces, any script and symbols are all fine."),
  EMAIL_TAKEN("email-taken", 409, "A1", "An account or a member has this email address already, whatever its case: sign in instead."),
  INVITE_REQUIRED("invite-required", 403, "A1", "Sign-up on this server is by invitation only: use the invite link you were given."),
  INVITE_NOT_FOUND("invite-not-found", 404, "A1", "No invite link has this code; check the link you were given."),
  INVITE_USED("invite-used", 409, "A1", "This invite link was used already; each is good for one sign-up."),
  INVITE_EXPIRED("invite-expired", 409, "A1", "This invite link has expired; ask for a new one."),
  MEMBERS_MAY_NOT_INVITE("members-may-not-invite", 403, "A1", "On this server only the administrator makes invite links."),
  WRONG_PASSWORD("wrong-password", 403, "A1", "The current password, which changing it needs, is wrong. Repeated failures are throttled like failed sign-ins."),
  ACCOUNT_NOT_FOUND("account-not-found", 404, "A1", "This member has no password: the administrator created them, and may give them one."),
  CROSS_SITE_REQUEST("cross-site-request", 403, "A2", "Signing in or up is accepted only from this site's own pages, so that another site cannot sign a visitor in to an account of its choosing."),
  CSRF_TOKEN_MISSING("csrf-token-missing", 403, "A2", "A change made with the session cookie carries the session's CSRF token in `X-CSRF-Token`, so that another site's page cannot make it in the member's name. Nothing was changed."),
  CSRF_TOKEN_INVALID("csrf-token-invalid", 403, "A2", "`X-CSRF-Token` is not this session's CSRF token; read it again from `GET /v1/sessions/current`. Nothing was changed."),
  TOKEN_NOT_FOUND("token-not-found", 404, "A2", "You hold no API token with this id."),
  TOO_MANY_TOKENS("too-many-tokens", 409, "A2", "A member holds at most 100 API tokens; revoke some first."),
  SIGN_IN_FAILED("sign-in-failed", 401, "A3", "The email or the password is wrong; which one is not said, so that nobody learns who has an account. Failed sign-ins are throttled per email and per address.");

  private static final Map<String, ProblemType> BY_SLUG = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(ProblemType::slug, Function.identity()));

  private final String slug;
  private final int status;
  private final String rule;
  private final String explanation;

  ProblemType(String slug, int status, String rule, String explanation) {
    this.slug = slug;
    this.status = status;
    this.rule = rule;
    this.explanation = explanation;
  }

  static Optional<ProblemType> of(String slug) {
    return Optional.ofNullable(BY_SLUG.get(slug));
  }

  String slug() {
    return slug;
  }

  int status() {
    return status;
  }

  /** The product rule's id (for example {@code L2}), or empty for a problem of the request itself. */
  String rule() {
    return rule;
  }

  String explanation() {
    return explanation;
  }

  /** The relative URI of this type's page, as problem documents name it. */
  String uri() {
    return "/problems/" + slug;
  }
}
