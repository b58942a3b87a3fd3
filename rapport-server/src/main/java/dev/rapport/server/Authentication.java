package dev.rapport.server;

import dev.rapport.Rapport;
import dev.rapport.model.Member;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who calls: {@code Authorization: Bearer <token>} names either the administrator (the configured
 * admin token) or a member (a token the engine issued and that has not expired). Member routes
 * take only member tokens, admin routes only the admin token. Thread safe.
 */
final class Authentication {
  private static final String CHALLENGE = "Bearer realm=\"rapport\"";

  private final Rapport rapport;
  private final byte[] adminTokenHash;

  Authentication(Rapport rapport, String adminToken) {
    this.rapport = rapport;
    this.adminTokenHash = sha256(adminToken);
  }

  /**
   * The member the request's token acts as.
   *
   * @throws ProblemException 401 {@code unauthenticated} without a valid member token, 403
   *     {@code member-only} for the admin token
   */
  Member member(ServerRequest request) {
    String token = bearer(request);
    if (isAdmin(token)) {
      throw new ProblemException(403, "member-only",
          "this route acts as a member; the admin token is not a member's token");
    }
    return rapport.authenticate(token).orElseThrow(() -> invalidToken());
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
