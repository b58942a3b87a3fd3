package dev.rapport.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The session cookie and its CSRF token (A2). The cookie is {@code HttpOnly} (no script reads it),
 * {@code SameSite=Lax} (a link from another site still arrives signed in, but no cross-site form or
 * script sends it with a state change), {@code Path=/}, and {@code Secure} over TLS. The CSRF token
 * is derived from the session's own secret by a one-way hash: a page learns it from the API, a
 * server checks it without storing it, and it reveals nothing of the cookie. Stateless.
 */
public final class SessionCookies {
  /** The cookie's name. */
  public static final String NAME = "rapport_session";
  /** The header every state change made with the cookie carries. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private SessionCookies() {}

  /** The {@code Set-Cookie} value that hands the session to the browser until it expires. */
  public static String set(String token, Duration maxAge, boolean secure) {
    return "%s=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Lax%s".formatted(NAME, token, maxAge.toSeconds(),
        secure ? "; Secure" : "");
  }

  /** The {@code Set-Cookie} value that makes the browser forget the session. */
  public static String clear(boolean secure) {
    return "%s=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax%s".formatted(NAME, secure ? "; Secure" : "");
  }

  /** The CSRF token of a session: base64url of SHA-256 over a label and the session's secret. */
  public static String csrfToken(String sessionToken) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("rapport-csrf:" + sessionToken));
  }

  /** Whether the header carries the session's CSRF token; compared in constant time. */
  public static boolean csrfMatches(String sessionToken, Optional<String> header) {
    return header.isPresent() && MessageDigest.isEqual(sha256(csrfToken(sessionToken)), sha256(header.get().strip()));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
