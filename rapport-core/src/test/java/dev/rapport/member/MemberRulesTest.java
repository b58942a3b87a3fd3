package dev.rapport.member;

import static dev.rapport.Fixtures.NOW;
import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.createdAt;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.premium;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.Policy;
import dev.rapport.limit.InvitationLimits;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Settings;
import dev.rapport.model.Tier;
import dev.rapport.model.TokenKind;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.RuleBrokenException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Members, tiers and settings decided on literal values: M1, M2, M3. */
class MemberRulesTest {
  static final Policy POLICY = Policy.defaults();

  static NewMember newMember(String handle, Optional<String> tier) {
    return new NewMember(Handle.of(handle), MemberKind.PERSON, "Ada L", "Engineer", Optional.of("ada@example.org"), tier);
  }

  @Test
  void M1_aNewMember_hasHandleNameHeadlineEmailTierCreationTimeAndDefaultSettings_andAToken() {
    Effects effects = effects();
    Member ada = result(Members.create(newMember("ada-l", Optional.empty()), Optional.empty(), POLICY, "hash", effects));

    assertThat(ada.handle()).isEqualTo(Handle.of("ada-l"));
    assertThat(ada.name()).isEqualTo("Ada L");
    assertThat(ada.headline()).isEqualTo("Engineer");
    assertThat(ada.email()).contains("ada@example.org");
    assertThat(ada.tier()).isEqualTo("basic");
    assertThat(ada.createdAt()).isEqualTo(NOW);
    assertThat(ada.settings()).isEqualTo(Settings.DEFAULTS);
    assertThat(changes(effects)).hasSize(2).first().isEqualTo(new Change.AddMember(ada));
    Change.AddToken token = (Change.AddToken) changes(effects).get(1);
    assertThat(token.tokenHash()).isEqualTo("hash");
    assertThat(token.memberId()).isEqualTo(ada.id());
    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(365)));
    assertThat(token.kind()).isEqualTo(TokenKind.API);
    assertThat(token.createdAt()).isEqualTo(NOW);
  }

  @Test
  void M1_handle_is3To40OfLowercaseLettersDigitsAndDashes() {
    assertThat(Handle.of("a-1").value()).isEqualTo("a-1");
    assertThat(Handle.of("a".repeat(40)).value()).hasSize(40);
    for (String bad : new String[] {"ab", "a".repeat(41), "Ada", "ada_l", "ada l", "", null}) {
      refused(InvalidInputException.class, "invalid-handle", () -> Handle.of(bad));
    }
  }

  @Test
  void M1_aTakenHandle_isRefused_companyPagesIncluded() {
    Optional<Member> taken = Optional.of(dev.rapport.Fixtures.company("acme"));
    Effects effects = effects();
    refused(RuleBrokenException.class, "handle-taken",
        () -> Members.create(newMember("acme", Optional.empty()), taken, POLICY, "hash", effects));
    assertThat(effects.isEmpty()).isTrue();
  }

  @Test
  void M2_tiers_areDataWithTheDefaultNumbers() {
    assertThat(POLICY.tier("basic")).isEqualTo(new Tier("basic", 200, 100, 5, 200, 0, 0, false));
    assertThat(POLICY.tier("premium")).isEqualTo(new Tier("premium", 250, 250, -1, 300, 15, 45, true));
    assertThat(POLICY.tier("premium").monthlyNotes()).isEmpty();
    assertThat(POLICY.defaultTier()).isEqualTo("basic");
  }

  @Test
  void M2_basicAccountYoungerThan30Days_has100InvitationsAWeek_then200() {
    Member young = createdAt(member("ada"), NOW.minus(Duration.ofDays(29)));
    Member grown = createdAt(member("ada"), NOW.minus(Duration.ofDays(30)));
    assertThat(InvitationLimits.weeklyLimit(young, Tier.BASIC, POLICY, NOW)).isEqualTo(100);
    assertThat(InvitationLimits.weeklyLimit(grown, Tier.BASIC, POLICY, NOW)).isEqualTo(200);
    assertThat(InvitationLimits.weeklyLimit(premium(young), Tier.PREMIUM, POLICY, NOW)).isEqualTo(250);
  }

  @Test
  void M2_anUnknownTier_isRefused_andTierNumbersAreConfiguration() {
    refused(InvalidInputException.class, "unknown-tier",
        () -> Members.create(newMember("ada-l", Optional.of("gold")), Optional.empty(), POLICY, "hash", effects()));
    Policy withGold = POLICY.withTier(new Tier("gold", 500, 500, -1, 500, 30, 90, true));
    Member gold = result(Members.create(newMember("ada-l", Optional.of("gold")), Optional.empty(), withGold, "hash",
        effects()));
    assertThat(gold.tier()).isEqualTo("gold");
  }

  @Test
  void M3_settings_areChanged_andAnUnchangedUpdateCommitsNothing() {
    Member ada = member("ada");
    ProfileUpdate update = ProfileUpdate.none().withFollowPrimary(true).withWhoCanFollow(WhoCanFollow.CONNECTIONS)
        .withWhoCanInvite(WhoCanInvite.EMAIL).withConnectionsVisibility(ConnectionsVisibility.ONLY_ME);
    Effects effects = effects();
    Member updated = result(Members.update(ada, update, POLICY, effects));

    assertThat(updated.settings()).isEqualTo(
        new Settings(true, WhoCanFollow.CONNECTIONS, WhoCanInvite.EMAIL, ConnectionsVisibility.ONLY_ME, false,
            FollowsVisibility.ONLY_ME));
    assertThat(changes(effects)).containsExactly(new Change.UpdateMember(updated));
    Effects none = effects();
    Members.update(ada, ProfileUpdate.none(), POLICY, none);
    assertThat(none.isEmpty()).isTrue();
  }

  @Test
  void M3_openProfile_isForTiersThatAllowIt() {
    ProfileUpdate open = ProfileUpdate.none().withOpenProfile(true);
    refused(ForbiddenException.class, "open-profile-not-allowed",
        () -> Members.update(member("ada"), open, POLICY, effects()));
    assertThat(result(Members.update(premium(member("ada")), open, POLICY, effects())).settings().openProfile())
        .isTrue();
  }
}
