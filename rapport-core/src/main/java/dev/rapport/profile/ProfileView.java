package dev.rapport.profile;

import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A profile as one viewer sees it (PR1): the member, the viewer's relationship to them, and the
 * actions to offer.
 *
 * @param relationship empty when viewers look at themselves
 * @param followerCount shown on Creator Mode profiles and to the member themselves
 * @param connectionCount shown to everyone (P1 hides who, not how many), without the members a
 *     block hides from the viewer (B2)
 * @param email shown to the member and their connections
 */
public record ProfileView(
    Member member,
    boolean self,
    Optional<Relationship> relationship,
    ProfileAction primaryAction,
    List<ProfileAction> moreActions,
    Optional<Integer> followerCount,
    int connectionCount,
    Optional<String> email) {

  public ProfileView {
    moreActions = List.copyOf(moreActions);
  }

  /**
   * The viewer's relationship to the member. Follows are as F5 lets them count.
   *
   * @param degree N1: 1, 2 or 3, empty when out of network
   * @param mutualCount N2: how many connections they share
   * @param firstMutuals the first few of them, newest first, to name on the profile
   */
  public record Relationship(boolean following, boolean followedBy, boolean connected,
      Optional<InvitationSummary> invitation, OptionalInt degree, int mutualCount, List<Member> firstMutuals) {
    public Relationship {
      firstMutuals = List.copyOf(firstMutuals);
    }
  }

  /** Where the member stands in the viewer's network: the graph index's part of a relationship. */
  public record Closeness(OptionalInt degree, int mutualCount, List<Member> firstMutuals) {
    public static final Closeness NONE = new Closeness(OptionalInt.empty(), 0, List.of());

    public Closeness {
      firstMutuals = List.copyOf(firstMutuals);
    }
  }

  /**
   * The open invitation between the two.
   *
   * @param sent whether the viewer sent it
   * @param state as the viewer sees it: an ignored invitation looks pending to its sender (C5)
   */
  public record InvitationSummary(long id, boolean sent, InvitationState state) {}
}
