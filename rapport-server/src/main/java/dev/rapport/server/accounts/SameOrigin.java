package dev.rapport.server.accounts;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Login CSRF (A2): signing in or up from another site's page would sign the victim in to the
 * attacker's account. Browsers say where a request comes from ({@code Sec-Fetch-Site}, {@code Origin});
 * when they do, only this site itself is accepted. Clients that send neither (scripts, curl) are not
 * browsers a page can drive. Stateless.
 */
public final class SameOrigin {
  private SameOrigin() {}

  /**
   * Whether the request may come from where it says it comes from.
   *
   * @param host the request's {@code Host} header
   */
  public static boolean allows(Optional<String> secFetchSite, Optional<String> origin, Optional<String> host) {
    if (secFetchSite.isPresent()) {
      String site = secFetchSite.get().strip().toLowerCase(Locale.ROOT);
      if (!site.equals("same-origin") && !site.equals("none")) {
        return false;
      }
    }
    if (origin.isEmpty()) {
      return true;
    }
    if (origin.get().equals("null") || host.isEmpty()) {
      return false;
    }
    try {
      URI uri = URI.create(origin.get().strip());
      String authority = uri.getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host.get().strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
