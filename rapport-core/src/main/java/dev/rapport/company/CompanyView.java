package dev.rapport.company;

import dev.rapport.model.Member;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A company page as one viewer sees it (CP1).
 *
 * @param followerCount the page's main figure, without followers a block hides from the viewer (B2)
 * @param following whether the viewer follows the page
 * @param admins the page's admins, the earliest first: shown only to its admins, as on LinkedIn
 * @param admin whether the viewer is one of them
 */
public record CompanyView(Member page, int followerCount, boolean following, Optional<List<Member>> admins,
    boolean admin) {
  public CompanyView {
    Objects.requireNonNull(page, "page");
    admins = admins == null ? Optional.empty() : admins.map(List::copyOf);
  }
}
