package dev.rapport.store;

import dev.rapport.model.Endorsement;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Recommendation;
import dev.rapport.model.RecommendationState;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a profile shows beyond the relationship, and the rules about it read: skills and their
 * endorsements (E1), recommendations (E2), and who runs a company page (CP1).
 */
public interface ProfileReads {

  /** E1: the member's skills, in the member's order. */
  List<String> skills(long memberId);

  /** E1: every endorsement of the member's skills, newest first. */
  List<Endorsement> endorsements(long memberId);

  /** E2: the recommendation with this id, in any state. */
  Optional<Recommendation> recommendation(long id);

  /** E2: the writer's pending recommendation for the recipient, if there is one (at most one is). */
  Optional<Recommendation> pendingRecommendation(long writerId, long recipientId);

  /**
   * E2: the recommendations the member received in any of the given states, newest first, leaving
   * out writers the viewer blocked or is blocked by (B2).
   */
  Page<Recommendation> recommendationsReceived(long recipientId, Set<RecommendationState> states, long viewerId,
      PageRequest page);

  /** E2: the recommendations the member wrote, in any state, newest first. */
  Page<Recommendation> recommendationsGiven(long writerId, PageRequest page);

  /** CP1: the ids of the page's admins, the earliest added first. */
  List<Long> pageAdmins(long pageId);

  /** CP1: whether the member is one of the page's admins; one indexed lookup. */
  boolean isPageAdmin(long pageId, long memberId);

  /** CP1: the pages the member is an admin of, the latest made an admin first. */
  Page<Member> administeredPages(long memberId, PageRequest page);
}
