package dev.rapport.endorsement;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.Endorsement;
import dev.rapport.model.Member;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Text;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * E1: a member's ordered skills, and endorsements of them by 1st-degree connections. Endorsements
 * are kept by the skill's name in lower case; removing a skill removes its endorsements, removing a
 * connection keeps them (E2), a block removes them both ways (B1).
 */
public final class Skills {
  /** E1: the most skills a profile lists. */
  public static final int MAX_SKILLS = 50;
  /** The longest name a skill may have. */
  public static final int MAX_SKILL_NAME = 80;

  private Skills() {}

  /**
   * E1: the member's skills become {@code requested}, in that order.
   *
   * @param current the member's skills now
   * @throws InvalidInputException {@code too-many-skills}, {@code invalid-skill}, {@code duplicate-skill}
   */
  public static Decision<List<String>> set(Member member, List<String> current, List<String> requested,
      Effects effects) {
    if (requested.size() > MAX_SKILLS) {
      throw new InvalidInputException("too-many-skills",
          "a profile lists at most %d skills, not %d".formatted(MAX_SKILLS, requested.size()),
          Map.of("limit", MAX_SKILLS, "used", requested.size()));
    }
    List<String> skills = new ArrayList<>(requested.size());
    Set<String> keys = new HashSet<>();
    for (String name : requested) {
      String skill = requireSkill(name);
      if (!keys.add(Change.SetSkills.key(skill))) {
        throw new InvalidInputException("duplicate-skill",
            "'%s' is listed twice (skills are compared case aside)".formatted(skill), Map.of("field", "skills"));
      }
      skills.add(skill);
    }
    if (skills.equals(current)) {
      return Decision.apply(effects, skills);
    }
    List<String> removed = current.stream().map(Change.SetSkills::key).filter(k -> !keys.contains(k)).toList();
    effects.expect(member.id(), member.version())
        .add(new Change.SetSkills(member.id(), skills, removed), EventType.SKILLS_SET, member.id(), 0, 0);
    return Decision.apply(effects, skills);
  }

  /** A skill's name as stored: one line, 1 to {@value #MAX_SKILL_NAME} characters. */
  public static String requireSkill(String name) {
    String clean = Text.line(name, "skills", "invalid-skill");
    if (clean.isEmpty() || clean.length() > MAX_SKILL_NAME) {
      throw new InvalidInputException("invalid-skill",
          "a skill has 1 to %d characters".formatted(MAX_SKILL_NAME), Map.of("field", "skills", "limit", MAX_SKILL_NAME));
    }
    return clean;
  }

  /**
   * E1: the actor endorses one of the other member's skills; only 1st-degree connections may.
   * Idempotent.
   *
   * @param skills the member's skills
   * @param endorsements the member's endorsements
   * @return the skill's name as the member wrote it
   * @throws ForbiddenException {@code endorsement-requires-connection}
   * @throws NotFoundException {@code skill-not-found}, or B2's {@code member-not-found}
   */
  public static Decision<String> endorse(PairState pair, List<String> skills, List<Endorsement> endorsements,
      String skill, Effects effects) {
    requireOther(pair);
    Visibility.requireReachable(pair);
    // E1: only 1st-degree connections endorse.
    if (!pair.connected()) {
      throw new ForbiddenException("endorsement-requires-connection",
          "only 1st-degree connections of '%s' may endorse their skills".formatted(pair.other().handle()));
    }
    String name = find(pair, skills, skill);
    String key = Change.SetSkills.key(name);
    long actor = pair.actor().id();
    if (endorsements.stream().anyMatch(e -> e.endorserId() == actor && e.skillKey().equals(key))) {
      return Decision.apply(effects, name);
    }
    long member = pair.other().id();
    effects.expectPair(pair)
        .add(new Change.AddEndorsement(member, key, actor, effects.now()), EventType.ENDORSED, actor, member, 0)
        .notify(member, NotificationKind.ENDORSED, actor, 0, name);
    return Decision.apply(effects, name);
  }

  /**
   * E1: the actor takes back their endorsement of a skill, connected or not any more. Idempotent.
   *
   * @throws NotFoundException {@code skill-not-found}, or B2's {@code member-not-found}
   */
  public static Decision<String> unendorse(PairState pair, List<String> skills, List<Endorsement> endorsements,
      String skill, Effects effects) {
    requireOther(pair);
    Visibility.requireNotBlockedBy(pair);
    String name = find(pair, skills, skill);
    String key = Change.SetSkills.key(name);
    long actor = pair.actor().id();
    if (endorsements.stream().noneMatch(e -> e.endorserId() == actor && e.skillKey().equals(key))) {
      return Decision.apply(effects, name);
    }
    long member = pair.other().id();
    effects.expectPair(pair)
        .add(new Change.RemoveEndorsement(member, key, actor), EventType.ENDORSEMENT_REMOVED, actor, member, 0);
    return Decision.apply(effects, name);
  }

  /** The member's skill with this name, case aside. */
  public static Optional<String> named(List<String> skills, String skill) {
    String key = Change.SetSkills.key(skill.strip());
    return skills.stream().filter(s -> Change.SetSkills.key(s).equals(key)).findFirst();
  }

  private static String find(PairState pair, List<String> skills, String skill) {
    return named(skills, skill).orElseThrow(() -> new NotFoundException("skill-not-found",
        "'%s' lists no skill '%s'".formatted(pair.other().handle(), skill.strip())));
  }

  private static void requireOther(PairState pair) {
    if (pair.isSelf()) {
      throw new RuleBrokenException("cannot-endorse-self", "you cannot endorse your own skills");
    }
  }
}
