package dev.rapport.company;

import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.company;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.model.Member;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Company pages and their admins (CP1) decided on literal state. */
class CompanyRulesTest {
  final Member ada = member("ada");
  final Member bob = member("bob");
  final Member acme = company("acme");

  @Test
  void CP1_adminsAddAdmins_onThePagesVersion_andNonAdminsCannot() {
    Effects effects = effects();
    assertThat(result(Companies.addAdmin(acme, Optional.of(pair(ada, bob).build()), bob, List.of(ada.id()), effects)))
        .isTrue();
    assertThat(changes(effects)).hasSize(1).first().isInstanceOf(Change.AddPageAdmin.class);
    assertThat(effects.toCommit().expectedVersions()).containsKey(acme.id());
    refused(ForbiddenException.class, "not-page-admin", () -> Companies.addAdmin(acme,
        Optional.of(pair(bob, ada).build()), ada, List.of(ada.id()), effects()));
    refused(RuleBrokenException.class, "page-admin-not-a-person", () -> Companies.addAdmin(acme,
        Optional.of(pair(ada, acme).build()), acme, List.of(ada.id()), effects()));
  }

  @Test
  void CP1_theLastAdmin_isNeverRemoved() {
    refused(RuleBrokenException.class, "last-page-admin",
        () -> Companies.removeAdmin(acme, ada.id(), ada, List.of(ada.id()), effects()));
    Effects effects = effects();
    Companies.removeAdmin(acme, ada.id(), ada, List.of(ada.id(), bob.id()), effects);
    assertThat(changes(effects)).containsExactly(new Change.RemovePageAdmin(acme.id(), ada.id()));
  }

  @Test
  void CP1_aPersonIsNoPage() {
    refused(NotFoundException.class, "member-not-found", () -> Companies.requirePage(ada));
  }
}
