package dev.rapport.company;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.Member;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.util.List;
import java.util.Optional;

/**
 * The rules of company pages (CP1): the member who makes a page is its first admin; admins add and
 * remove admins, never the last one, and edit the page. Every change of admins is decided on the
 * page's version, so two admins removing each other at once cannot both succeed.
 */
public final class Companies {
  private Companies() {}

  /**
   * CP1: the page, made by a person who becomes its first admin.
   *
   * @param page the page as {@link dev.rapport.member.Members} made it in these effects
   */
  public static Decision<Member> created(Member page, Member creator, Effects effects) {
    requirePerson(creator);
    effects.add(new Change.AddPageAdmin(page.id(), creator.id(), effects.now()), EventType.PAGE_CREATED,
        creator.id(), page.id(), page.id());
    return Decision.apply(effects, page);
  }

  /**
   * CP1: an admin (or, with {@code actor} empty, the operator) adds a person as an admin of the page.
   * Idempotent.
   *
   * @param pair the acting admin and the member to add; empty for the operator
   * @param candidate the member to add
   * @param admins the page's admins now
   * @throws ForbiddenException {@code not-page-admin} if the actor is not an admin
   * @throws RuleBrokenException {@code page-admin-not-a-person} for a page as admin, or B3's refusal
   */
  public static Decision<Boolean> addAdmin(Member page, Optional<PairState> pair, Member candidate, List<Long> admins,
      Effects effects) {
    requirePage(page);
    pair.ifPresent(p -> requireAdmin(page, p.actor().id(), admins));
    if (pair.isPresent() && !pair.get().isSelf()) {
      // B2, B3: an admin cannot add a member hidden from them by a block, either way.
      Visibility.requireReachable(pair.get());
    }
    if (candidate.isCompany()) {
      throw new RuleBrokenException("page-admin-not-a-person",
          "'%s' is a company page: only people run pages".formatted(candidate.handle()));
    }
    if (admins.contains(candidate.id())) {
      return Decision.apply(effects, false);
    }
    long actor = pair.map(p -> p.actor().id()).orElse(0L);
    effects.expect(page.id(), page.version())
        .add(new Change.AddPageAdmin(page.id(), candidate.id(), effects.now()), EventType.PAGE_ADMIN_ADDED,
            actor == 0 ? candidate.id() : actor, candidate.id(), page.id());
    return Decision.apply(effects, true);
  }

  /**
   * CP1: an admin (or the operator, with {@code actorId} 0) removes an admin, themselves too, but
   * never the last one. Removing a member who is not an admin changes nothing.
   *
   * @throws ForbiddenException {@code not-page-admin} if the actor is not an admin
   * @throws RuleBrokenException {@code last-page-admin} if the admin is the page's only one
   */
  public static Decision<Boolean> removeAdmin(Member page, long actorId, Member admin, List<Long> admins,
      Effects effects) {
    requirePage(page);
    if (actorId != 0) {
      requireAdmin(page, actorId, admins);
    }
    if (!admins.contains(admin.id())) {
      return Decision.apply(effects, false);
    }
    // CP1: a page always keeps an admin.
    if (admins.size() == 1) {
      throw new RuleBrokenException("last-page-admin",
          "'%s' is the last admin of '%s': add another admin first".formatted(admin.handle(), page.handle()));
    }
    effects.expect(page.id(), page.version())
        .add(new Change.RemovePageAdmin(page.id(), admin.id()), EventType.PAGE_ADMIN_REMOVED,
            actorId == 0 ? admin.id() : actorId, admin.id(), page.id());
    return Decision.apply(effects, true);
  }

  /** CP1: an admin changes the page's name or headline. */
  public static Decision<Member> update(Member page, long actorId, List<Long> admins, Optional<String> name,
      Optional<String> headline, Effects effects) {
    requirePage(page);
    requireAdmin(page, actorId, admins);
    Member updated = page.withProfile(name.orElse(page.name()), headline.orElse(page.headline()), page.settings());
    if (updated.equals(page)) {
      return Decision.apply(effects, page);
    }
    effects.expect(page.id(), page.version())
        .add(new Change.UpdateMember(updated), EventType.MEMBER_UPDATED, actorId, page.id(), 0);
    return Decision.apply(effects, updated);
  }

  /** CP1: a person's handle is no page; to the caller it is not found, in the words of an unknown handle. */
  public static void requirePage(Member page) {
    if (!page.isCompany()) {
      throw NotFoundException.member(page.handle().value());
    }
  }

  private static void requireAdmin(Member page, long actorId, List<Long> admins) {
    if (!admins.contains(actorId)) {
      throw new ForbiddenException("not-page-admin", "only the admins of '%s' may do this".formatted(page.handle()));
    }
  }

  private static void requirePerson(Member creator) {
    if (creator.isCompany()) {
      throw new RuleBrokenException("page-admin-not-a-person", "a company page cannot make or run a page");
    }
  }
}
