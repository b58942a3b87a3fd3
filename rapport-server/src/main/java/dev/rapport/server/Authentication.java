package dev.rapport.server;

import dev.rapport.AccountCommands;
import dev.rapport.Rapport;
import dev.rapport.model.Member;
import dev.rapport.server.accounts.SessionCookies;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who calls: {@code Authorization: Bearer <token>} names either the administrator (the configured
 * admin token) or a member (an API token the engine issued and that has not expired); without that
 * header, a session cookie names a signed-in member (A2). Member routes take member tokens and
 * sessions, admin routes only the admin token. A state change made with a session cookie carries the
 * session's CSRF token in {@code X-CSRF-Token}; a bearer token needs none, as no browser sends one
 * by itself. Thread safe.
 */
final class Authentication {
  private static final String CHALLENGE = "Bearer realm=\"rapport\"";
  private static final HeaderName CSRF_HEADER = HeaderNames.create(SessionCookies.CSRF_HEADER);

  private final Rapport rapport;
  private final byte[] adminTokenHash;

  Authentication(Rapport rapport, String adminToken) {
    this.rapport = rapport;
    this.adminTokenHash = sha256(adminToken);
  }

  /** A member who called, the token or session secret they called with, and whether it was a session. */
  record Caller(Member member, String token, boolean session) {
    /** Never shows the token. */
    @Override
    public String toString() {
      return "Caller[member=%d, session=%s]".formatted(member.id(), session);
    }
  }

  /**
   * The member the request's bearer token acts as or, without an {@code Authorization} header, its
   * session cookie.
   *
   * @throws ProblemException 401 {@code unauthenticated} without a valid member token or session, 403
   *     {@code member-only} for the admin token, 403 {@code csrf-token-missing} or
   *     {@code csrf-token-invalid} for a state change made with a session but not its CSRF token
   */
  Caller member(ServerRequest request) {
    if (!request.headers().contains(HeaderNames.AUTHORIZATION) && sessionCookie(request).isPresent()) {
      return session(request);
    }
    String token = bearer(request);
    if (isAdmin(token)) {
      throw new ProblemException(403, "member-only",
          "this route acts as a member; the admin token is not a member's token");
    }
    return new Caller(rapport.authenticate(token).orElseThrow(() -> invalidToken()), token, false);
  }

  /**
   * The member the request's session cookie acts as; a state change must carry the session's CSRF token.
   *
   * @throws ProblemException 401 {@code unauthenticated} without a live session, 403
   *     {@code csrf-token-missing} or {@code csrf-token-invalid}
   */
  Caller session(ServerRequest request) {
    String token = sessionCookie(request).orElseThrow(() -> new ProblemException(401, "unauthenticated",
        "this route needs a session: sign in with POST /v1/sessions", Map.of(), Map.of("WWW-Authenticate", CHALLENGE)));
    AccountCommands.Session session = rapport.accounts().session(token).orElseThrow(() -> new ProblemException(401,
        "unauthenticated", "the session has ended or expired; sign in again", Map.of(),
        Map.of("WWW-Authenticate", CHALLENGE)));
    Method method = request.prologue().method();
    if (!Method.GET.equals(method) && !Method.HEAD.equals(method)) {
      Optional<String> csrf = request.headers().first(CSRF_HEADER);
      if (csrf.isEmpty()) {
        throw new ProblemException(403, "csrf-token-missing", ("a change made with the session cookie needs the "
            + "session's CSRF token in the %s header (from POST /v1/sessions or GET /v1/sessions/current)")
            .formatted(SessionCookies.CSRF_HEADER));
      }
      if (!SessionCookies.csrfMatches(token, csrf)) {
        throw new ProblemException(403, "csrf-token-invalid", "the %s header is not this session's CSRF token"
            .formatted(SessionCookies.CSRF_HEADER));
      }
    }
    return new Caller(session.member(), token, true);
  }

  /** The session cookie's value, if the request carries one. */
  static Optional<String> sessionCookie(ServerRequest request) {
    if (!request.headers().contains(HeaderNames.COOKIE)) {
      return Optional.empty();
    }
    return request.headers().cookies().first(SessionCookies.NAME).asOptional().filter(value -> !value.isBlank());
  }

  /**
   * Checks the request carries the admin token.
   *
   * @throws ProblemException 401 {@code unauthenticated} without a valid token, 403
   *     {@code admin-only} for a member's token
   */
  void admin(ServerRequest request) {
    String token = bearer(request);
    if (isAdmin(token)) {
      return;
    }
    if (rapport.authenticate(token).isPresent()) {
      throw new ProblemException(403, "admin-only", "this route needs the admin token, not a member's token");
    }
    throw invalidToken();
  }

  private boolean isAdmin(String token) {
    return MessageDigest.isEqual(adminTokenHash, sha256(token));
  }

  /**
   * The bearer token of a request.
   *
   * @throws ProblemException 401 {@code unauthenticated} without a well-formed {@code Authorization: Bearer} header
   */
  static String bearer(ServerRequest request) {
    Optional<String> header = request.headers().first(HeaderNames.AUTHORIZATION);
    if (header.isEmpty()) {
      throw new ProblemException(401, "unauthenticated", "this route needs an 'Authorization: Bearer <token>' header",
          Map.of(), Map.of("WWW-Authenticate", CHALLENGE));
    }
    String value = header.get().strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")
        || value.substring(space + 1).isBlank()) {
      throw new ProblemException(401, "unauthenticated", "the Authorization header must be 'Bearer <token>'",
          Map.of(), Map.of("WWW-Authenticate", CHALLENGE + ", error=\"invalid_request\""));
    }
    return value.substring(space + 1).strip();
  }

  private static ProblemException invalidToken() {
    return new ProblemException(401, "unauthenticated", "the bearer token is unknown or has expired",
        Map.of(), Map.of("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\""));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
