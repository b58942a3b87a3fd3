package dev.rapport;

import static dev.rapport.CommandReads.find;
import static dev.rapport.CommandReads.me;
import static dev.rapport.CommandReads.pair;

import dev.rapport.company.Companies;
import dev.rapport.company.CompanyView;
import dev.rapport.kernel.Policy;
import dev.rapport.member.Members;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.NotFoundException;
import dev.rapport.profile.ProfileView;
import dev.rapport.store.StoreReads;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Company pages (CP1) through the engine: making one, its admins, its name and headline, and the
 * page as a viewer sees it. Reached through {@link Rapport#companies()}. Thread safe.
 */
public final class CompanyCommands {
  private final CommandLoop commands;
  private final Supplier<StoreReads> reads;
  private final NetworkQueries queries;
  private final Policy policy;

  CompanyCommands(CommandLoop commands, Supplier<StoreReads> reads, NetworkQueries queries, Policy policy) {
    this.commands = commands;
    this.reads = reads;
    this.queries = queries;
    this.policy = policy;
  }

  /**
   * CP1: makes a company page whose first admin is the actor.
   *
   * @throws dev.rapport.problem.RuleBrokenException {@code handle-taken}, or {@code page-admin-not-a-person}
   *     if the actor is a page
   */
  public CompanyView create(long actorId, Handle handle, String name, String headline) {
    NewMember command = new NewMember(handle, MemberKind.COMPANY, name, headline, Optional.empty(), Optional.empty());
    commands.run((reads, effects) -> {
      Member creator = me(reads, actorId);
      Member page = Members.page(command, reads.member(handle), policy, effects);
      return Companies.created(page, creator, effects);
    });
    return company(actorId, handle);
  }

  /**
   * CP1: the page as the viewer sees it.
   *
   * @throws NotFoundException {@code member-not-found} for an unknown handle, a person's, or a page a
   *     block hides (B2)
   */
  public CompanyView company(long viewerId, Handle handle) {
    ProfileView profile = queries.profile(viewerId, handle);
    Member page = profile.member();
    Companies.requirePage(page);
    StoreReads current = reads.get();
    List<Long> adminIds = current.pageAdmins(page.id());
    boolean admin = adminIds.contains(viewerId);
    Optional<List<Member>> admins = Optional.empty();
    if (admin) {
      long[] hidden = current.blockedEitherWay(viewerId);
      Map<Long, Member> members = current.members(adminIds);
      admins = Optional.of(adminIds.stream().filter(id -> Arrays.binarySearch(hidden, id) < 0).map(members::get)
          .filter(Objects::nonNull).toList());
    }
    boolean following = profile.relationship().map(ProfileView.Relationship::following).orElse(false);
    return new CompanyView(page, profile.followerCount().orElse(0), following, admins, admin);
  }

  /** CP1: an admin changes the page's name or headline. @throws dev.rapport.problem.ForbiddenException {@code not-page-admin} */
  public CompanyView update(long actorId, Handle handle, Optional<String> name, Optional<String> headline) {
    ProfileUpdate checked = new ProfileUpdate(name, headline, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
    commands.run((reads, effects) -> {
      Member page = visiblePage(reads, actorId, handle);
      return Companies.update(page, actorId, reads.pageAdmins(page.id()), checked.name(), checked.headline(), effects);
    });
    return company(actorId, handle);
  }

  /**
   * CP1: an admin adds a person as an admin of the page; idempotent.
   *
   * @throws dev.rapport.problem.ForbiddenException {@code not-page-admin}
   * @throws dev.rapport.problem.RuleBrokenException {@code page-admin-not-a-person}, {@code member-blocked}
   */
  public CompanyView addAdmin(long actorId, Handle handle, Handle member) {
    commands.run((reads, effects) -> {
      Member page = visiblePage(reads, actorId, handle);
      var pair = pair(reads, actorId, member);
      return Companies.addAdmin(page, Optional.of(pair), pair.other(), reads.pageAdmins(page.id()), effects);
    });
    return company(actorId, handle);
  }

  /**
   * CP1: the operator adds an admin to a page, as for a page made with the administrator's token,
   * which has none.
   */
  public void addAdminAsOperator(Handle handle, Handle member) {
    commands.run((reads, effects) -> {
      Member page = find(reads, handle);
      return Companies.addAdmin(page, Optional.empty(), find(reads, member), reads.pageAdmins(page.id()), effects);
    });
  }

  /**
   * CP1: an admin removes an admin, themselves too, never the last one.
   *
   * @throws dev.rapport.problem.ForbiddenException {@code not-page-admin}
   * @throws dev.rapport.problem.RuleBrokenException {@code last-page-admin}
   */
  public CompanyView removeAdmin(long actorId, Handle handle, Handle member) {
    commands.run((reads, effects) -> {
      Member page = visiblePage(reads, actorId, handle);
      Member admin = find(reads, member);
      return Companies.removeAdmin(page, actorId, admin, reads.pageAdmins(page.id()), effects);
    });
    return company(actorId, handle);
  }

  /** CP1: the pages the actor is an admin of, the latest made an admin first. */
  public Page<Member> administered(long actorId, PageRequest page) {
    return reads.get().administeredPages(actorId, page);
  }

  /**
   * CP1: whether the member is an admin of the page (so may post as it); false for a handle that is
   * no page. One indexed read of the store.
   */
  public boolean isAdmin(long memberId, Handle page) {
    return reads.get().member(page).filter(Member::isCompany)
        .map(p -> reads.get().isPageAdmin(p.id(), memberId)).orElse(false);
  }

  /** A page the actor may see (B2), or not found. */
  private static Member visiblePage(StoreReads reads, long actorId, Handle handle) {
    var pair = pair(reads, actorId, handle);
    Member page = pair.other();
    Companies.requirePage(page);
    if (pair.blockedEitherWay()) {
      throw NotFoundException.member(handle.value());
    }
    return page;
  }
}
