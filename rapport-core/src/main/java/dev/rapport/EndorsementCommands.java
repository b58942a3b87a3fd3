package dev.rapport;

import static dev.rapport.CommandReads.me;
import static dev.rapport.CommandReads.pair;

import dev.rapport.endorsement.SkillView;
import dev.rapport.endorsement.SkillViews;
import dev.rapport.endorsement.Skills;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Recommendation;
import dev.rapport.model.RecommendationState;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.recommendation.RecommendationView;
import dev.rapport.recommendation.Recommendations;
import dev.rapport.store.StoreReads;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Skills and endorsements (E1) and recommendations (E2) through the engine. Reached through
 * {@link Rapport#endorsements()}. Thread safe.
 */
public final class EndorsementCommands {
  private final CommandLoop commands;
  private final Supplier<StoreReads> reads;
  private final BiPredicate<Long, Long> connected;

  EndorsementCommands(CommandLoop commands, Supplier<StoreReads> reads, BiPredicate<Long, Long> connected) {
    this.commands = commands;
    this.reads = reads;
    this.connected = connected;
  }

  /**
   * E1: the actor's skills become these, in this order; a skill left out goes with its endorsements.
   *
   * @return the skills as the actor sees them
   * @throws dev.rapport.problem.InvalidInputException {@code too-many-skills}, {@code invalid-skill},
   *     {@code duplicate-skill}
   */
  public List<SkillView> setSkills(long actorId, List<String> skills) {
    Member me = commands.run((reads, effects) -> {
      Member member = me(reads, actorId);
      return Skills.set(member, reads.skills(actorId), skills, effects).map(_ -> member);
    });
    return skills(actorId, me.handle());
  }

  /**
   * E1: the member's skills, in their order, as the viewer sees them.
   *
   * @throws NotFoundException unknown or blocked (B2)
   */
  public List<SkillView> skills(long viewerId, Handle handle) {
    StoreReads current = reads.get();
    Member member = visible(current, viewerId, handle);
    return SkillViews.of(current.skills(member.id()), current.endorsements(member.id()), viewerId,
        current.blockedEitherWay(viewerId), id -> connected.test(viewerId, id), current::members);
  }

  /**
   * E1: endorses one of a connection's skills; idempotent.
   *
   * @throws ForbiddenException {@code endorsement-requires-connection}
   * @throws NotFoundException {@code skill-not-found}, {@code member-not-found}
   */
  public SkillView endorse(long actorId, Handle handle, String skill) {
    String name = commands.run((reads, effects) -> {
      PairState pair = pair(reads, actorId, handle);
      return Skills.endorse(pair, reads.skills(pair.other().id()), reads.endorsements(pair.other().id()), skill,
          effects);
    });
    return skill(actorId, handle, name);
  }

  /** E1: takes back an endorsement; idempotent. @throws NotFoundException {@code skill-not-found} */
  public SkillView unendorse(long actorId, Handle handle, String skill) {
    String name = commands.run((reads, effects) -> {
      PairState pair = pair(reads, actorId, handle);
      return Skills.unendorse(pair, reads.skills(pair.other().id()), reads.endorsements(pair.other().id()), skill,
          effects);
    });
    return skill(actorId, handle, name);
  }

  private SkillView skill(long viewerId, Handle handle, String name) {
    return skills(viewerId, handle).stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new NotFoundException("skill-not-found", "no skill '" + name + "'"));
  }

  /**
   * E2: writes a recommendation for a connection, pending until they approve it.
   *
   * @throws ForbiddenException {@code recommendation-requires-connection}
   * @throws dev.rapport.problem.RuleBrokenException {@code recommendation-already-pending}
   */
  public RecommendationView recommend(long actorId, Handle handle, String text, Optional<String> relationship) {
    Recommendation written = commands.run((reads, effects) -> {
      PairState pair = pair(reads, actorId, handle);
      return Recommendations.write(pair, reads.pendingRecommendation(actorId, pair.other().id()), text, relationship,
          effects);
    });
    return view(reads.get(), written);
  }

  /**
   * E2: the recommendations the member received, newest first. Others see the shown ones, without
   * writers a block hides from them (B2); the member sees all of theirs, or those in {@code state}.
   *
   * @throws ForbiddenException {@code recommendations-hidden} if another asks for a state but shown
   * @throws NotFoundException unknown or blocked (B2)
   */
  public Page<RecommendationView> received(long viewerId, Handle handle, Optional<RecommendationState> state,
      PageRequest page) {
    StoreReads current = reads.get();
    Member member = visible(current, viewerId, handle);
    Set<RecommendationState> states;
    if (member.id() == viewerId) {
      states = state.map(EnumSet::of).orElse(EnumSet.allOf(RecommendationState.class));
    } else if (state.isEmpty() || state.get() == RecommendationState.SHOWN) {
      // E2: others see only what the recipient approved.
      states = EnumSet.of(RecommendationState.SHOWN);
    } else {
      throw new ForbiddenException("recommendations-hidden",
          "only '%s' sees their recommendations that are not shown".formatted(handle));
    }
    return views(current, current.recommendationsReceived(member.id(), states, viewerId, page));
  }

  /** E2: the recommendations the actor wrote, in any state, newest first. */
  public Page<RecommendationView> given(long actorId, PageRequest page) {
    StoreReads current = reads.get();
    return views(current, current.recommendationsGiven(actorId, page));
  }

  /** E2: the recipient shows it on their profile (again). @throws NotFoundException {@code recommendation-not-found} */
  public RecommendationView approve(long actorId, long id) {
    return setState(actorId, id, RecommendationState.SHOWN);
  }

  /** E2: the recipient hides it from their profile. @throws NotFoundException {@code recommendation-not-found} */
  public RecommendationView hide(long actorId, long id) {
    return setState(actorId, id, RecommendationState.HIDDEN);
  }

  private RecommendationView setState(long actorId, long id, RecommendationState state) {
    Recommendation changed = commands.run((reads, effects) ->
        Recommendations.setState(actorId, reads.recommendation(id), state, effects));
    return view(reads.get(), changed);
  }

  /**
   * E2: its recipient declines or removes it, or its writer withdraws it.
   *
   * @throws NotFoundException {@code recommendation-not-found}
   */
  public void remove(long actorId, long id) {
    commands.run((reads, effects) -> Recommendations.remove(actorId, reads.recommendation(id), effects));
  }

  private static Member visible(StoreReads reads, long viewerId, Handle handle) {
    PairState pair = pair(reads, viewerId, handle);
    if (!pair.isSelf()) {
      Visibility.requireVisible(pair);
    }
    return pair.other();
  }

  private static RecommendationView view(StoreReads reads, Recommendation r) {
    Map<Long, Member> members = reads.members(List.of(r.writerId(), r.recipientId()));
    return new RecommendationView(r, members.get(r.writerId()), members.get(r.recipientId()));
  }

  private static Page<RecommendationView> views(StoreReads reads, Page<Recommendation> page) {
    Set<Long> ids = new HashSet<>();
    page.items().forEach(r -> {
      ids.add(r.writerId());
      ids.add(r.recipientId());
    });
    Map<Long, Member> members = ids.isEmpty() ? Map.of() : reads.members(ids);
    return page.map(r -> new RecommendationView(r, members.get(r.writerId()), members.get(r.recipientId())));
  }
}
