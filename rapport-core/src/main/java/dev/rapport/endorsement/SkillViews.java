package dev.rapport.endorsement;

import dev.rapport.kernel.Change;
import dev.rapport.model.Endorsement;
import dev.rapport.model.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;

/** E1: a profile's skills as one viewer sees them. Stateless. */
public final class SkillViews {
  /** How many endorsers a skill names, as "Ada, Bob and 3 others". */
  public static final int FIRST_ENDORSERS = 3;

  private SkillViews() {}

  /**
   * The skills in the member's order, each with its counts for this viewer.
   *
   * @param endorsements the member's endorsements, newest first
   * @param blockedEitherWay the members blocked either way with the viewer, ascending (B2 leaves them out)
   * @param connectedToViewer whether a member is a 1st-degree connection of the viewer
   * @param members the members with these ids that exist
   */
  public static List<SkillView> of(List<String> skills, List<Endorsement> endorsements, long viewerId,
      long[] blockedEitherWay, LongPredicate connectedToViewer, Function<Collection<Long>, Map<Long, Member>> members) {
    List<List<Long>> endorsers = new ArrayList<>(skills.size());
    Set<Long> named = new LinkedHashSet<>();
    for (String skill : skills) {
      String key = Change.SetSkills.key(skill);
      List<Long> ids = endorsements.stream().filter(e -> e.skillKey().equals(key)).map(Endorsement::endorserId)
          .filter(id -> Arrays.binarySearch(blockedEitherWay, id) < 0).toList();
      endorsers.add(ids);
      named.addAll(ids.subList(0, Math.min(FIRST_ENDORSERS, ids.size())));
    }
    Map<Long, Member> known = named.isEmpty() ? Map.of() : members.apply(named);
    List<SkillView> views = new ArrayList<>(skills.size());
    for (int i = 0; i < skills.size(); i++) {
      List<Long> ids = endorsers.get(i);
      int byConnections = (int) ids.stream().filter(connectedToViewer::test).count();
      List<Member> first = ids.stream().limit(FIRST_ENDORSERS).map(known::get).filter(Objects::nonNull).toList();
      views.add(new SkillView(skills.get(i), ids.size(), ids.contains(viewerId), byConnections, first));
    }
    return views;
  }
}
