package dev.rapport.member;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Settings;
import dev.rapport.model.TokenKind;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.RuleBrokenException;
import java.util.Optional;

/** The rules of members and their settings (M1, M2, M3). */
public final class Members {
  private Members() {}

  /**
   * M1, M2: a new member with default settings, and their first token.
   *
   * @param existing the member already holding the handle, if any
   * @param tokenHash the hash of the token to issue
   */
  public static Decision<Member> create(NewMember command, Optional<Member> existing, Policy policy,
      String tokenHash, Effects effects) {
    // M1: handles are unique, shared with company pages.
    if (existing.isPresent()) {
      throw new RuleBrokenException("handle-taken", "handle '%s' is taken".formatted(command.handle()));
    }
    Member member = add(command, policy, effects);
    issueToken(member, policy, tokenHash, effects);
    return Decision.apply(effects, member);
  }

  /**
   * M1, M2: a member brought in by an import (an administrator's act), with default settings and no
   * token: the person has not signed in yet, and an administrator issues one when they do. The
   * caller has checked that the handle is free (the commit conflicts otherwise).
   *
   * @throws dev.rapport.problem.InvalidInputException {@code unknown-tier}
   */
  public static Member imported(NewMember command, Policy policy, Effects effects) {
    return add(command, policy, effects);
  }

  private static Member add(NewMember command, Policy policy, Effects effects) {
    // M2: the tier must be one the policy defines; none given takes the default.
    String tier = policy.tier(command.tier().orElse(policy.defaultTier())).name();
    Member member = new Member(effects.newId(), command.handle(), command.kind(), command.name(), command.headline(),
        command.email(), tier, effects.now(), Settings.DEFAULTS, 0, 0);
    effects.add(new Change.AddMember(member), EventType.MEMBER_CREATED, member.id(), 0, 0);
    return member;
  }

  /**
   * A1: a member who signed up, with default settings; the caller adds their credentials in the
   * same commit, so that neither exists without the other.
   *
   * @throws RuleBrokenException {@code handle-taken} if {@code existing} holds the handle
   */
  public static Member signedUp(NewMember command, Optional<Member> existing, Policy policy, Effects effects) {
    if (existing.isPresent()) {
      throw new RuleBrokenException("handle-taken", "handle '%s' is taken".formatted(command.handle()));
    }
    return add(command, policy, effects);
  }

  /**
   * CP1: a company page made by a member, who becomes its admin in the same commit; a page has no
   * token of its own.
   *
   * @throws RuleBrokenException {@code handle-taken} if {@code existing} holds the handle
   */
  public static Member page(NewMember command, Optional<Member> existing, Policy policy, Effects effects) {
    if (command.kind() != MemberKind.COMPANY) {
      throw new IllegalArgumentException("not a company page: " + command.handle());
    }
    return signedUp(command, existing, policy, effects);
  }

  /** Another bearer token for the member, which they see in their list of tokens without a name. */
  public static Decision<Member> issueToken(Member member, Policy policy, String tokenHash, Effects effects) {
    long id = effects.newId();
    effects.add(new Change.AddToken(tokenHash, member.id(), effects.now().plus(policy.tokenLifetime()), TokenKind.API,
        id, Optional.empty(), effects.now()), EventType.TOKEN_ISSUED, member.id(), 0, id);
    return Decision.apply(effects, member);
  }

  /** M3: name, headline and settings. Open Profile only where the tier allows it. */
  public static Decision<Member> update(Member member, ProfileUpdate update, Policy policy, Effects effects) {
    Settings settings = update.applyTo(member.settings());
    // M3: Open Profile only where the tier allows it.
    if (settings.openProfile() && !member.settings().openProfile() && !policy.tier(member.tier()).openProfileAllowed()) {
      throw new ForbiddenException("open-profile-not-allowed",
          "the %s tier does not include Open Profile".formatted(member.tier()));
    }
    Member updated = member.withProfile(update.name().orElse(member.name()),
        update.headline().orElse(member.headline()), settings);
    if (updated.equals(member)) {
      return Decision.apply(effects, member);
    }
    effects.expect(member.id(), member.version())
        .add(new Change.UpdateMember(updated), EventType.MEMBER_UPDATED, member.id(), 0, 0);
    return Decision.apply(effects, updated);
  }
}
