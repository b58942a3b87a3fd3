package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.Rapport;
import dev.rapport.kernel.Policy;
import dev.rapport.limit.LimitsView;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Settings;
import dev.rapport.model.Tier;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.problem.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Members and tiers (M1, M2, M3), through the facade against a real store. */
public abstract class MemberRulesContract extends RulesContract {
  @Test
  void M1_member_hasHandleNameHeadlineEmailTierCreationTimeAndSettings() {
    Rapport.MemberWithToken created = rapport.createMember(new NewMember(h("ada-lovelace"), MemberKind.PERSON,
        "Ada Lovelace", "Analyst of engines", Optional.of("ada@example.com"), Optional.of("premium")));
    Member ada = rapport.member(h("ada-lovelace")).orElseThrow();
    assertThat(ada.name()).isEqualTo("Ada Lovelace");
    assertThat(ada.headline()).isEqualTo("Analyst of engines");
    assertThat(ada.email()).contains("ada@example.com");
    assertThat(ada.tier()).isEqualTo("premium");
    assertThat(ada.createdAt()).isEqualTo(START);
    assertThat(ada.settings()).isEqualTo(Settings.DEFAULTS);
    assertThat(rapport.authenticate(created.token()).map(Member::id)).contains(ada.id());
  }

  @Test
  void M1_handle_is3To40OfLowercaseLettersDigitsAndDashes() {
    for (String bad : List.of("ab", "a".repeat(41), "Ada", "ada_l", "ada l", "adá", "")) {
      assertThatThrownBy(() -> Handle.of(bad)).isInstanceOf(InvalidInputException.class);
    }
    for (String good : List.of("abc", "a".repeat(40), "ada-lovelace-1815", "123")) {
      assertThat(Handle.of(good).value()).isEqualTo(good);
    }
  }

  @Test
  void M1_handle_isUnique_andSharedWithCompanyPages() {
    member("ada");
    assertThat(problemType(() -> member("ada"))).isEqualTo("handle-taken");
    assertThat(problemType(() -> rapport.createMember(new NewMember(h("ada"), MemberKind.COMPANY, "Ada Inc", "",
        Optional.empty(), Optional.empty()))))
        .isEqualTo("handle-taken");
  }

  @Test
  void M2_tiers_areDataWithTheDefaultNumbers() {
    Policy policy = Policy.defaults();
    Tier basic = policy.tier("basic");
    assertThat(basic.weeklyInvitations()).isEqualTo(200);
    assertThat(basic.newAccountWeeklyInvitations()).isEqualTo(100);
    assertThat(basic.monthlyNotes()).hasValue(5);
    assertThat(basic.noteMaxLength()).isEqualTo(200);
    assertThat(basic.inMailPerMonth()).isZero();
    assertThat(basic.openProfileAllowed()).isFalse();
    Tier premium = policy.tier("premium");
    assertThat(premium.weeklyInvitations()).isEqualTo(250);
    assertThat(premium.monthlyNotes()).isEmpty();
    assertThat(premium.noteMaxLength()).isEqualTo(300);
    assertThat(premium.inMailPerMonth()).isEqualTo(15);
    assertThat(premium.inMailCap()).isEqualTo(45);
    assertThat(premium.openProfileAllowed()).isTrue();
    assertThat(policy.defaultTier()).isEqualTo("basic");
  }

  @Test
  void M2_basicAccountYoungerThan30Days_has100InvitationsAWeek_then200() {
    long ada = member("ada");
    assertThat(rapport.limits(ada).weeklyInvitations().limit()).contains(100);
    clock.advance(Duration.ofDays(30));
    assertThat(rapport.limits(ada).weeklyInvitations().limit()).contains(200);
  }

  @Test
  void M2_premium_has250InvitationsAWeekAndUnlimitedNotes() {
    long ada = member("ada", "premium");
    LimitsView limits = rapport.limits(ada);
    assertThat(limits.tier()).isEqualTo("premium");
    assertThat(limits.weeklyInvitations().limit()).contains(250);
    assertThat(limits.monthlyNotes().limit()).isEmpty();
    assertThat(limits.noteMaxLength()).isEqualTo(300);
  }

  @Test
  void M2_unknownTier_isRefused() {
    assertThat(problemType(() -> member("ada", "gold"))).isEqualTo("unknown-tier");
    assertThat(rapport.member(h("ada"))).isEmpty();
  }

  @Test
  void M2_tierNumbers_areConfiguration() {
    usePolicy(Policy.defaults().withTier(new Tier("basic", 7, 3, 1, 50, 0, 0, false)));
    long ada = member("ada");
    assertThat(rapport.limits(ada).weeklyInvitations().limit()).contains(3);
    assertThat(rapport.limits(ada).noteMaxLength()).isEqualTo(50);
  }

  @Test
  void M3_settings_areChangedAndKept() {
    long ada = member("ada");
    Member updated = rapport.updateMe(ada, ProfileUpdate.none()
        .withFollowPrimary(true)
        .withWhoCanFollow(WhoCanFollow.CONNECTIONS)
        .withWhoCanInvite(WhoCanInvite.EMAIL)
        .withConnectionsVisibility(ConnectionsVisibility.ONLY_ME));
    Settings expected = new Settings(true, WhoCanFollow.CONNECTIONS, WhoCanInvite.EMAIL,
        ConnectionsVisibility.ONLY_ME, false, FollowsVisibility.ONLY_ME);
    assertThat(updated.settings()).isEqualTo(expected);
    assertThat(rapport.member(h("ada")).orElseThrow().settings()).isEqualTo(expected);
  }

  @Test
  void M3_openProfile_isForTiersThatAllowIt() {
    long basic = member("ada");
    long premium = member("bob", "premium");
    assertThat(problemType(() -> rapport.updateMe(basic, ProfileUpdate.none().withOpenProfile(true))))
        .isEqualTo("open-profile-not-allowed");
    assertThat(rapport.updateMe(premium, ProfileUpdate.none().withOpenProfile(true)).settings().openProfile())
        .isTrue();
  }

  @Test
  void search_findsByTheStartOfTheHandle_orOfAWordOfTheName_caseAside_newestFirst() {
    long viewer = member("viewer");
    rapport.createMember(new NewMember(h("ada-l"), MemberKind.PERSON, "Ada Lovelace", "", Optional.empty(),
        Optional.empty()));
    rapport.createMember(new NewMember(h("grace"), MemberKind.PERSON, "Grace Hopper", "", Optional.empty(),
        Optional.empty()));
    rapport.createMember(new NewMember(h("lovejoy"), MemberKind.PERSON, "Tim Lovejoy", "", Optional.empty(),
        Optional.empty()));

    assertThat(handles(rapport.searchMembers(viewer, "ada", PageRequest.first()))).containsExactly("ada-l");
    assertThat(handles(rapport.searchMembers(viewer, " LOVE ", PageRequest.first())))
        .containsExactly("lovejoy", "ada-l");
    assertThat(handles(rapport.searchMembers(viewer, "hop", PageRequest.first()))).containsExactly("grace");
    // A match inside a word is not a prefix of one.
    assertThat(handles(rapport.searchMembers(viewer, "race", PageRequest.first()))).isEmpty();
    // LIKE's wildcards are matched as themselves.
    assertThat(handles(rapport.searchMembers(viewer, "%", PageRequest.first()))).isEmpty();
    assertThat(handles(rapport.searchMembers(viewer, "_", PageRequest.first()))).isEmpty();
    assertThatThrownBy(() -> rapport.searchMembers(viewer, "  ", PageRequest.first()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void search_pagesWithoutDuplicatesOrGaps() {
    long viewer = member("viewer");
    for (int i = 0; i < 5; i++) {
      member("sam-" + i);
    }
    Page<Member> first = rapport.searchMembers(viewer, "sam", new PageRequest(3, Optional.empty()));
    Page<Member> second = rapport.searchMembers(viewer, "sam", new PageRequest(3, first.next()));
    assertThat(handles(first)).containsExactly("sam-4", "sam-3", "sam-2");
    assertThat(handles(second)).containsExactly("sam-1", "sam-0");
    assertThat(second.next()).isEmpty();
  }
}
