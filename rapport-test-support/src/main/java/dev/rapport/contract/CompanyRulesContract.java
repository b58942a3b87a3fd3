package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.company.CompanyView;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.member.NewMember;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.PageRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Company pages and their admins (CP1), through the facade against a real store. */
public abstract class CompanyRulesContract extends RulesContract {
  CompanyView page(long creator, String handle) {
    return rapport.companies().create(creator, h(handle), capitalize(handle) + " Inc", "We make things");
  }

  static List<String> adminHandles(CompanyView view) {
    return view.admins().orElseThrow().stream().map(m -> m.handle().value()).toList();
  }

  @Test
  void CP1_create_makesTheCreatorTheFirstAdmin() {
    long ada = member("ada");
    CompanyView created = page(ada, "acme");
    assertThat(created.page().isCompany()).isTrue();
    assertThat(created.admin()).isTrue();
    assertThat(adminHandles(created)).containsExactly("ada");
    assertThat(rapport.companies().isAdmin(ada, h("acme"))).isTrue();
    assertThat(handles(rapport.companies().administered(ada, PageRequest.first()))).containsExactly("acme");
    assertThat(store.eventsAfter(0, 1000)).extracting(Event::type).contains(EventType.PAGE_CREATED);
  }

  @Test
  void CP1_create_withATakenHandle_isRefused_andMakesNothing() {
    long ada = member("ada");
    member("bob");
    assertThat(problemType(() -> page(ada, "bob"))).isEqualTo("handle-taken");
    assertThat(rapport.companies().administered(ada, PageRequest.first()).items()).isEmpty();
  }

  @Test
  void CP1_adminsAddAndRemoveAdmins_othersSeeNoAdmins() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    page(ada, "acme");
    assertThat(adminHandles(rapport.companies().addAdmin(ada, h("acme"), h("bob")))).containsExactly("ada", "bob");
    assertThat(rapport.companies().addAdmin(ada, h("acme"), h("bob")).admins().orElseThrow()).hasSize(2); // idempotent
    CompanyView seenByCyd = rapport.companies().company(cyd, h("acme"));
    assertThat(seenByCyd.admin()).isFalse();
    assertThat(seenByCyd.admins()).isEmpty();
    assertThat(rapport.companies().isAdmin(bob, h("acme"))).isTrue();
    assertThat(adminHandles(rapport.companies().removeAdmin(bob, h("acme"), h("ada")))).containsExactly("bob");
    assertThat(rapport.companies().isAdmin(ada, h("acme"))).isFalse();
    assertThat(store.eventsAfter(0, 1000)).extracting(Event::type)
        .contains(EventType.PAGE_ADMIN_ADDED, EventType.PAGE_ADMIN_REMOVED);
  }

  @Test
  void CP1_nonAdmins_cannotAddRemoveOrEdit() {
    long ada = member("ada");
    long bob = member("bob");
    page(ada, "acme");
    assertThat(problemType(() -> rapport.companies().addAdmin(bob, h("acme"), h("bob")))).isEqualTo("not-page-admin");
    assertThat(problemType(() -> rapport.companies().removeAdmin(bob, h("acme"), h("ada"))))
        .isEqualTo("not-page-admin");
    assertThat(problemType(() -> rapport.companies().update(bob, h("acme"), Optional.of("Mine"), Optional.empty())))
        .isEqualTo("not-page-admin");
    assertThat(rapport.companies().company(ada, h("acme")).page().name()).isEqualTo("Acme Inc");
  }

  @Test
  void CP1_theLastAdmin_cannotBeRemoved_evenByThemselves() {
    long ada = member("ada");
    page(ada, "acme");
    assertThat(problemType(() -> rapport.companies().removeAdmin(ada, h("acme"), h("ada"))))
        .isEqualTo("last-page-admin");
    assertThat(rapport.companies().isAdmin(ada, h("acme"))).isTrue();
  }

  @Test
  void CP1_admins_editTheNameAndHeadline() {
    long ada = member("ada");
    page(ada, "acme");
    CompanyView edited = rapport.companies().update(ada, h("acme"), Optional.of("Acme Corp"), Optional.of("Rockets"));
    assertThat(edited.page().name()).isEqualTo("Acme Corp");
    assertThat(edited.page().headline()).isEqualTo("Rockets");
  }

  @Test
  void CP1_pages_areFollowedNeverConnected_andTheFollowerCountIsTheirFigure() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    page(ada, "acme");
    assertThat(problemType(() -> invite(bob, "acme"))).isEqualTo("not-connectable");
    rapport.follow(bob, h("acme"));
    rapport.follow(cyd, h("acme"));
    CompanyView seen = rapport.companies().company(bob, h("acme"));
    assertThat(seen.followerCount()).isEqualTo(2);
    assertThat(seen.following()).isTrue();
    assertThat(profile(bob, "acme").followerCount()).contains(2);
    rapport.unfollow(bob, h("acme"));
    assertThat(rapport.companies().company(bob, h("acme")).following()).isFalse();
    assertThat(rapport.companies().company(bob, h("acme")).followerCount()).isEqualTo(1);
  }

  @Test
  void CP1_aPersonsHandle_isNoPage() {
    long ada = member("ada");
    member("bob");
    assertThat(problemType(() -> rapport.companies().company(ada, h("bob")))).isEqualTo("member-not-found");
    assertThat(problemType(() -> rapport.companies().company(ada, h("nobody")))).isEqualTo("member-not-found");
    assertThat(rapport.companies().isAdmin(ada, h("bob"))).isFalse();
  }

  @Test
  void CP1_aPage_cannotBeMadeAnAdmin() {
    long ada = member("ada");
    page(ada, "acme");
    page(ada, "globex");
    assertThat(problemType(() -> rapport.companies().addAdmin(ada, h("acme"), h("globex"))))
        .isEqualTo("page-admin-not-a-person");
  }

  @Test
  void CP1_theOperator_addsTheFirstAdminOfAPageMadeWithoutOne() {
    long ada = member("ada");
    long page = rapport.createMember(new NewMember(h("initech"), MemberKind.COMPANY, "Initech", "", Optional.empty(),
        Optional.empty())).member().id();
    assertThat(page).isPositive();
    rapport.companies().addAdminAsOperator(h("initech"), h("ada"));
    assertThat(rapport.companies().isAdmin(ada, h("initech"))).isTrue();
  }

  @Test
  void B2_aBlockedMember_cannotBeAddedAsAdmin_andIsNotListed() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    page(ada, "acme");
    rapport.block(cyd, h("ada"));
    assertThat(problemType(() -> rapport.companies().addAdmin(ada, h("acme"), h("cyd")))).isEqualTo("member-not-found");
    rapport.block(ada, h("bob"));
    assertThat(problemType(() -> rapport.companies().addAdmin(ada, h("acme"), h("bob")))).isEqualTo("member-blocked");
    rapport.unblock(ada, h("bob"));
    rapport.companies().addAdmin(ada, h("acme"), h("bob"));
    rapport.block(bob, h("ada"));
    assertThat(adminHandles(rapport.companies().company(ada, h("acme")))).containsExactly("ada");
    assertThat(rapport.companies().company(bob, h("acme")).admins().orElseThrow()).extracting(Member::handle)
        .extracting(Object::toString).containsExactly("bob");
  }
}
