package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.Rapport;
import dev.rapport.follow.FollowOutcome;
import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.invitation.InvitationView;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.Policy;
import dev.rapport.limit.LimitsView;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Restriction;
import dev.rapport.model.Settings;
import dev.rapport.model.Tier;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.model.WhoCanInvite;
import dev.rapport.network.NetworkSize;
import dev.rapport.notification.NotificationView;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RapportException;
import dev.rapport.problem.RuleBrokenException;
import dev.rapport.profile.ProfileAction;
import dev.rapport.profile.ProfileView;
import dev.rapport.store.Store;
import dev.rapport.suggestion.SuggestedMember;
import dev.rapport.time.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of PRODUCT.md, one test (or a few) per rule id, run through the {@link Rapport} facade
 * against a real store. Each backend runs this suite by extending it: the contract every store must
 * keep. Every test starts from an empty store and a clock standing still at {@link #START}.
 */
public abstract class RulesContract {
  protected static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

  /** A fresh, empty store. The suite closes it after each test. */
  protected abstract Store openStore();

  private Store store;
  private AdjustableClock clock;
  private Rapport rapport;

  @BeforeEach
  void openFreshStore() {
    store = openStore();
    clock = AdjustableClock.fixedAt(START);
    rapport = engine(Policy.defaults());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private Rapport engine(Policy policy) {
    return Rapport.builder().store(store).clock(clock).policy(policy).build();
  }

  private void usePolicy(Policy policy) {
    rapport = engine(policy);
  }

  private long member(String handle) {
    return rapport.createMember(NewMember.person(handle, capitalize(handle) + " Example")).member().id();
  }

  private long member(String handle, String tier) {
    return rapport.createMember(new NewMember(Handle.of(handle), MemberKind.PERSON, capitalize(handle), "",
        Optional.of(handle + "@example.com"), Optional.of(tier))).member().id();
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Handle h(String handle) {
    return Handle.of(handle);
  }

  private InvitationOutcome invite(long from, String to) {
    return rapport.invite(from, new SendInvitation(h(to), Optional.empty(), Optional.empty()));
  }

  private Invitation invitationSent(long from, String to) {
    InvitationOutcome outcome = invite(from, to);
    assertThat(outcome).isInstanceOf(InvitationOutcome.Sent.class);
    return outcome.invitation();
  }

  private InvitationOutcome inviteWithNote(long from, String to, String note) {
    return rapport.invite(from, new SendInvitation(h(to), Optional.of(note), Optional.empty()));
  }

  private void connect(long a, String aHandle, long b, String bHandle) {
    Invitation invitation = invitationSent(a, bHandle);
    rapport.accept(b, invitation.id());
  }

  private ProfileView profile(long viewer, String handle) {
    return rapport.profile(viewer, h(handle));
  }

  /**
   * ada knows bob and cyd, who both know dan, who knows eve: dan is 2nd-degree to ada with two
   * mutual connections, eve 3rd-degree with none.
   */
  private long[] diamondWithATail() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    long eve = member("eve");
    connect(ada, "ada", bob, "bob");
    connect(ada, "ada", cyd, "cyd");
    connect(bob, "bob", dan, "dan");
    connect(cyd, "cyd", dan, "dan");
    connect(dan, "dan", eve, "eve");
    return new long[] {ada, bob, cyd, dan, eve};
  }

  private ProfileView.Relationship relationship(long viewer, String handle) {
    return profile(viewer, handle).relationship().orElseThrow();
  }

  private static List<String> handles(Page<Member> page) {
    return page.items().stream().map(m -> m.handle().value()).toList();
  }

  private List<String> followers(long viewer, String handle) {
    return handles(rapport.followers(viewer, h(handle), PageRequest.first(200)));
  }

  private List<String> following(long viewer, String handle) {
    return handles(rapport.following(viewer, h(handle), PageRequest.first(200)));
  }

  private List<String> connections(long viewer, String handle) {
    return handles(rapport.connections(viewer, h(handle), PageRequest.first(200)));
  }

  private List<NotificationKind> notificationKinds(long member) {
    return rapport.notifications(member, PageRequest.first(200)).items().stream()
        .map(n -> n.notification().kind()).toList();
  }

  private List<InvitationView> received(long member, Optional<InvitationState> state) {
    return rapport.invitations(member, false, state, PageRequest.first(200)).items();
  }

  private List<InvitationView> sent(long member, Optional<InvitationState> state) {
    return rapport.invitations(member, true, state, PageRequest.first(200)).items();
  }

  private static String problemType(Runnable action) {
    try {
      action.run();
    } catch (RapportException e) {
      return e.type();
    }
    throw new AssertionError("expected a refusal");
  }

  private static Tier tier(String name, int weekly, int notesPerMonth) {
    return new Tier(name, weekly, weekly, notesPerMonth, 200, 0, 0, false);
  }

  // ---- M: members and tiers --------------------------------------------------------------------

  @Nested
  class Members {
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
          ConnectionsVisibility.ONLY_ME, false);
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
  }

  // ---- F: follow -------------------------------------------------------------------------------

  @Nested
  class Follow {
    @Test
    void F1_follow_needsNoApproval_andTakesEffectAtOnce() {
      long ada = member("ada");
      member("bob");
      assertThat(rapport.follow(ada, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
      assertThat(relationship(ada, "bob").following()).isTrue();
      assertThat(followers(ada, "bob")).containsExactly("ada");
    }

    @Test
    void F1_follows_haveNoLimitByDefault() {
      long ada = member("ada");
      for (int i = 0; i < 60; i++) {
        member("m" + i + "x");
        rapport.follow(ada, h("m" + i + "x"));
      }
      assertThat(following(ada, "ada")).hasSize(60);
    }

    @Test
    void F1_optionalFollowCap_whenConfigured_refusesBeyondIt() {
      usePolicy(Policy.defaults().withFollowCap(2));
      long ada = member("ada");
      member("bob");
      member("cyd");
      member("dan");
      rapport.follow(ada, h("bob"));
      rapport.follow(ada, h("cyd"));
      assertThatThrownBy(() -> rapport.follow(ada, h("dan")))
          .isInstanceOf(LimitReachedException.class)
          .satisfies(e -> assertThat(((RapportException) e).type()).isEqualTo("follow-limit"));
    }

    @Test
    void F2_following_isOneWay_untilFollowedBack() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.follow(ada, h("bob"));
      assertThat(relationship(ada, "bob").following()).isTrue();
      assertThat(relationship(bob, "ada").following()).isFalse();
      assertThat(relationship(bob, "ada").followedBy()).isTrue();
      assertThat(following(bob, "bob")).isEmpty();
      rapport.follow(bob, h("ada"));
      assertThat(following(bob, "bob")).containsExactly("ada");
      assertThat(relationship(ada, "bob").connected()).isFalse();
    }

    @Test
    void F3_followee_isNotified() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.follow(ada, h("bob"));
      List<NotificationView> notifications = rapport.notifications(bob, PageRequest.first()).items();
      assertThat(notifications).singleElement().satisfies(n -> {
        assertThat(n.notification().kind()).isEqualTo(NotificationKind.FOLLOWED);
        assertThat(n.actor().id()).isEqualTo(ada);
      });
      assertThat(notificationKinds(ada)).isEmpty();
    }

    @Test
    void F4_followAndUnfollow_areIdempotent() {
      long ada = member("ada");
      long bob = member("bob");
      assertThat(rapport.follow(ada, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
      assertThat(rapport.follow(ada, h("bob"))).isEqualTo(FollowOutcome.UNCHANGED);
      assertThat(followers(ada, "bob")).containsExactly("ada");
      assertThat(notificationKinds(bob)).hasSize(1);
      assertThat(rapport.unfollow(ada, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
      assertThat(rapport.unfollow(ada, h("bob"))).isEqualTo(FollowOutcome.UNCHANGED);
      assertThat(followers(ada, "bob")).isEmpty();
    }

    @Test
    void F5_whoCanFollowConnections_letsOnlyConnectionsFollow() {
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      rapport.updateMe(bob, ProfileUpdate.none().withWhoCanFollow(WhoCanFollow.CONNECTIONS));
      assertThatThrownBy(() -> rapport.follow(ada, h("bob"))).isInstanceOf(ForbiddenException.class)
          .satisfies(e -> assertThat(((RapportException) e).type()).isEqualTo("follow-restricted"));
      connect(cyd, "cyd", bob, "bob");
      rapport.unfollow(cyd, h("bob"));
      assertThat(rapport.follow(cyd, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
      assertThat(followers(ada, "bob")).containsExactly("cyd");
    }

    @Test
    void F5_switchingToConnections_hidesOutsideFollowers_andSwitchingBack_restoresThem() {
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      rapport.follow(ada, h("bob"));
      connect(cyd, "cyd", bob, "bob");
      rapport.updateMe(bob, ProfileUpdate.none().withWhoCanFollow(WhoCanFollow.CONNECTIONS).withFollowPrimary(true));
      assertThat(followers(bob, "bob")).containsExactly("cyd");
      assertThat(profile(cyd, "bob").followerCount()).contains(1);
      assertThat(following(ada, "ada")).isEmpty();
      assertThat(relationship(ada, "bob").following()).isFalse();

      rapport.updateMe(bob, ProfileUpdate.none().withWhoCanFollow(WhoCanFollow.EVERYONE));
      assertThat(followers(bob, "bob")).containsExactlyInAnyOrder("ada", "cyd");
      assertThat(following(ada, "ada")).containsExactly("bob");
      assertThat(relationship(ada, "bob").following()).isTrue();
    }

    @Test
    void F6_removingAFollower_doesNotBlock_andTheyMayFollowAgain() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.follow(ada, h("bob"));
      assertThat(rapport.removeFollower(bob, h("ada"))).isEqualTo(FollowOutcome.CHANGED);
      assertThat(followers(bob, "bob")).isEmpty();
      assertThat(rapport.blocked(bob, PageRequest.first()).items()).isEmpty();
      assertThat(rapport.follow(ada, h("bob"))).isEqualTo(FollowOutcome.CHANGED);
      assertThat(followers(bob, "bob")).containsExactly("ada");
    }

    @Test
    void F7_cannotFollowYourself() {
      long ada = member("ada");
      assertThat(problemType(() -> rapport.follow(ada, h("ada")))).isEqualTo("cannot-follow-self");
    }

    @Test
    void F7_cannotFollowAMemberWhoBlockedYou_norOneYouBlocked() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.block(bob, h("ada"));
      assertThatThrownBy(() -> rapport.follow(ada, h("bob"))).isInstanceOf(NotFoundException.class);
      assertThat(problemType(() -> rapport.follow(bob, h("ada")))).isEqualTo("member-blocked");
      assertThat(followers(bob, "bob")).isEmpty();
      assertThat(following(bob, "bob")).isEmpty();
    }
  }

  // ---- C: connect ------------------------------------------------------------------------------

  @Nested
  class Connect {
    @Test
    void C1_invitation_isPendingUntilAnswered_andCarriesAnOptionalNote() {
      long ada = member("ada");
      long bob = member("bob");
      Invitation invitation = inviteWithNote(ada, "bob", "We met at the Analytical Engine meetup").invitation();
      assertThat(invitation.state()).isEqualTo(InvitationState.PENDING);
      assertThat(invitation.note()).contains("We met at the Analytical Engine meetup");
      assertThat(received(bob, Optional.empty())).singleElement()
          .satisfies(v -> assertThat(v.invitation().id()).isEqualTo(invitation.id()));
      assertThat(sent(ada, Optional.empty())).singleElement()
          .satisfies(v -> assertThat(v.invitation().state()).isEqualTo(InvitationState.PENDING));
    }

    @Test
    void C1_atMostOnePendingInvitationPerPair() {
      long ada = member("ada");
      member("bob");
      invitationSent(ada, "bob");
      assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("invitation-already-pending");
      assertThat(rapport.limits(ada).pendingInvitations().used()).isEqualTo(1);
    }

    @Test
    void C2_sendingAnInvitation_followsTheRecipient_andIgnoreOrWithdrawLeavesTheFollow() {
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      Invitation toBob = invitationSent(ada, "bob");
      Invitation toCyd = invitationSent(ada, "cyd");
      assertThat(following(ada, "ada")).containsExactlyInAnyOrder("bob", "cyd");
      rapport.ignore(bob, toBob.id());
      rapport.withdraw(ada, toCyd.id());
      assertThat(following(ada, "ada")).containsExactlyInAnyOrder("bob", "cyd");
      assertThat(relationship(bob, "ada").following()).isFalse();
    }

    @Test
    void C2_sendingAnInvitation_doesNotFollowWhereF5Forbids() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.updateMe(bob, ProfileUpdate.none().withWhoCanFollow(WhoCanFollow.CONNECTIONS));
      invitationSent(ada, "bob");
      assertThat(following(ada, "ada")).isEmpty();
    }

    @Test
    void C3_accepting_connectsBothAndMakesEachFollowTheOther() {
      long ada = member("ada");
      long bob = member("bob");
      Invitation invitation = invitationSent(ada, "bob");
      Invitation accepted = rapport.accept(bob, invitation.id()).invitation();
      assertThat(accepted.state()).isEqualTo(InvitationState.ACCEPTED);
      assertThat(connections(ada, "ada")).containsExactly("bob");
      assertThat(connections(bob, "bob")).containsExactly("ada");
      assertThat(relationship(ada, "bob")).satisfies(r -> {
        assertThat(r.connected()).isTrue();
        assertThat(r.following()).isTrue();
        assertThat(r.followedBy()).isTrue();
        assertThat(r.invitation()).isEmpty();
      });
      assertThat(rapport.member(h("ada")).orElseThrow().connectionCount()).isEqualTo(1);
      assertThat(rapport.member(h("bob")).orElseThrow().connectionCount()).isEqualTo(1);
      assertThat(notificationKinds(ada)).containsExactly(NotificationKind.INVITATION_ACCEPTED);
      assertThat(notificationKinds(bob)).containsExactly(NotificationKind.INVITATION_RECEIVED);
    }

    @Test
    void C4_crossingInvitations_connectAtOnce_acceptingTheFirst() {
      long ada = member("ada");
      long bob = member("bob");
      Invitation first = invitationSent(ada, "bob");
      InvitationOutcome crossing = invite(bob, "ada");
      assertThat(crossing).isInstanceOf(InvitationOutcome.Connected.class);
      assertThat(crossing.invitation().id()).isEqualTo(first.id());
      assertThat(crossing.invitation().state()).isEqualTo(InvitationState.ACCEPTED);
      assertThat(connections(ada, "ada")).containsExactly("bob");
      assertThat(relationship(bob, "ada").following()).isTrue();
      assertThat(relationship(bob, "ada").followedBy()).isTrue();
      assertThat(sent(bob, Optional.empty())).isEmpty();
    }

    @Test
    void C5_ignoredInvitation_looksPendingToTheSender_andCanStillBeAccepted() {
      long ada = member("ada");
      long bob = member("bob");
      Invitation invitation = invitationSent(ada, "bob");
      assertThat(rapport.ignore(bob, invitation.id()).invitation().state()).isEqualTo(InvitationState.IGNORED);
      assertThat(sent(ada, Optional.of(InvitationState.PENDING))).singleElement()
          .satisfies(v -> assertThat(v.invitation().state()).isEqualTo(InvitationState.PENDING));
      assertThat(sent(ada, Optional.of(InvitationState.IGNORED))).isEmpty();
      assertThat(relationship(ada, "bob").invitation().orElseThrow().state()).isEqualTo(InvitationState.PENDING);
      assertThat(notificationKinds(ada)).isEmpty();
      assertThat(received(bob, Optional.empty())).isEmpty();
      assertThat(received(bob, Optional.of(InvitationState.IGNORED))).hasSize(1);

      rapport.accept(bob, invitation.id());
      assertThat(relationship(ada, "bob").connected()).isTrue();
    }

    @Test
    void C6_afterWithdrawing_theSenderCannotInviteTheSameMemberFor21Days() {
      long ada = member("ada");
      member("bob");
      member("cyd");
      Invitation invitation = invitationSent(ada, "bob");
      rapport.withdraw(ada, invitation.id());
      assertThatThrownBy(() -> invite(ada, "bob")).isInstanceOf(LimitReachedException.class)
          .satisfies(e -> {
            assertThat(((RapportException) e).type()).isEqualTo("invitation-cooldown");
            assertThat(((RapportException) e).details()).containsEntry("retryAt", START.plus(Duration.ofDays(21)));
          });
      invitationSent(ada, "cyd");
      clock.advance(Duration.ofDays(21));
      assertThat(invite(ada, "bob")).isInstanceOf(InvitationOutcome.Sent.class);
    }

    @Test
    void C6_withdrawnInvitation_cannotBeAnsweredAnymore() {
      long ada = member("ada");
      long bob = member("bob");
      Invitation invitation = invitationSent(ada, "bob");
      rapport.withdraw(ada, invitation.id());
      assertThat(problemType(() -> rapport.accept(bob, invitation.id()))).isEqualTo("invitation-not-open");
      assertThat(relationship(bob, "ada").connected()).isFalse();
    }

    @Test
    void C7_report_ignoresTheInvitation_andCountsAgainstTheSender() {
      long ada = member("ada");
      long bob = member("bob");
      Invitation invitation = invitationSent(ada, "bob");
      Invitation reported = rapport.report(bob, invitation.id()).invitation();
      assertThat(reported.state()).isEqualTo(InvitationState.IGNORED);
      assertThat(reported.reportedAt()).contains(START);
      assertThat(received(bob, Optional.of(InvitationState.IGNORED))).hasSize(1);
      assertThat(notificationKinds(ada)).isEmpty();
    }

    @Test
    void C7_fiveReportsIn30Days_restrictTheSender() {
      long spammer = member("spammer");
      List<Long> recipients = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        recipients.add(member("target-" + i));
      }
      for (int i = 0; i < 4; i++) {
        Invitation invitation = invitationSent(spammer, "target-" + i);
        rapport.report(recipients.get(i), invitation.id());
      }
      assertThat(rapport.limits(spammer).restriction()).isEmpty();
      Invitation fifth = invitationSent(spammer, "target-4");
      rapport.report(recipients.get(4), fifth.id());
      Restriction restriction = rapport.limits(spammer).restriction().orElseThrow();
      assertThat(restriction.reason()).isEqualTo(Restriction.REPORTED);
      assertThat(problemType(() -> invite(spammer, "target-5"))).isEqualTo("invitations-restricted");
    }

    @Test
    void C7_reportsOlderThan30Days_doNotCount() {
      long spammer = member("spammer");
      for (int i = 0; i < 5; i++) {
        long target = member("target-" + i);
        Invitation invitation = invitationSent(spammer, "target-" + i);
        rapport.report(target, invitation.id());
        if (i == 1) {
          clock.advance(Duration.ofDays(31));
        }
      }
      assertThat(rapport.limits(spammer).restriction()).isEmpty();
    }

    @Test
    void C8_noteLongerThanTheTierMaximum_isRejected() {
      long ada = member("ada");
      long premium = member("pam", "premium");
      member("bob");
      assertThat(problemType(() -> inviteWithNote(ada, "bob", "x".repeat(201)))).isEqualTo("note-too-long");
      assertThat(sent(ada, Optional.empty())).isEmpty();
      assertThat(inviteWithNote(ada, "bob", "x".repeat(200))).isInstanceOf(InvitationOutcome.Sent.class);
      member("cyd");
      assertThat(inviteWithNote(premium, "cyd", "y".repeat(300))).isInstanceOf(InvitationOutcome.Sent.class);
    }

    @Test
    void C8_basicMembersSixthNoteInAMonth_isRejected_butTheInvitationCanGoWithoutANote() {
      long ada = member("ada");
      for (int i = 0; i < 6; i++) {
        member("peer-" + i);
      }
      for (int i = 0; i < 5; i++) {
        inviteWithNote(ada, "peer-" + i, "Hello " + i);
      }
      assertThat(problemType(() -> inviteWithNote(ada, "peer-5", "Hello again"))).isEqualTo("monthly-note-limit");
      assertThat(invite(ada, "peer-5")).isInstanceOf(InvitationOutcome.Sent.class);
      assertThat(rapport.limits(ada).monthlyNotes().used()).isEqualTo(5);
    }

    @Test
    void C8_notes_areCountedPerCalendarMonth() {
      long ada = member("ada");
      for (int i = 0; i < 7; i++) {
        member("peer-" + i);
      }
      for (int i = 0; i < 5; i++) {
        inviteWithNote(ada, "peer-" + i, "Hello " + i);
      }
      clock.advance(Duration.ofDays(22)); // 2026-04-01T09:00Z: a new month
      assertThat(inviteWithNote(ada, "peer-5", "A new month")).isInstanceOf(InvitationOutcome.Sent.class);
      assertThat(rapport.limits(ada).monthlyNotes().used()).isEqualTo(1);
    }

    @Test
    void C9_whoCanInviteEmail_requiresTheRecipientsEmail_comparedCaseInsensitively() {
      long ada = member("ada");
      long bob = member("bob", "basic");
      rapport.updateMe(bob, ProfileUpdate.none().withWhoCanInvite(WhoCanInvite.EMAIL));
      assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("email-required");
      assertThat(problemType(() -> rapport.invite(ada, new SendInvitation(h("bob"), Optional.empty(),
          Optional.of("someone@example.com"))))).isEqualTo("email-mismatch");
      assertThat(rapport.invite(ada, new SendInvitation(h("bob"), Optional.empty(), Optional.of("BOB@Example.com"))))
          .isInstanceOf(InvitationOutcome.Sent.class);
    }

    @Test
    void C9_whoCanInviteNobody_refusesAllInvitations() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.updateMe(bob, ProfileUpdate.none().withWhoCanInvite(WhoCanInvite.NOBODY));
      assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("invitations-not-accepted");
      assertThat(received(bob, Optional.empty())).isEmpty();
    }

    @Test
    void C10_removingAConnection_isSilent_andRemovesBothFollows() {
      long ada = member("ada");
      long bob = member("bob");
      connect(ada, "ada", bob, "bob");
      int adaNotes = notificationKinds(ada).size();
      int bobNotes = notificationKinds(bob).size();
      rapport.removeConnection(ada, h("bob"));
      assertThat(connections(ada, "ada")).isEmpty();
      assertThat(connections(bob, "bob")).isEmpty();
      assertThat(following(ada, "ada")).isEmpty();
      assertThat(following(bob, "bob")).isEmpty();
      assertThat(rapport.member(h("bob")).orElseThrow().connectionCount()).isZero();
      assertThat(notificationKinds(ada)).hasSize(adaNotes);
      assertThat(notificationKinds(bob)).hasSize(bobNotes);
      assertThat(problemType(() -> rapport.removeConnection(ada, h("bob")))).isEqualTo("not-connected");
    }

    @Test
    void C11_connectingWithYourself_isRefused() {
      long ada = member("ada");
      assertThat(problemType(() -> invite(ada, "ada"))).isEqualTo("cannot-invite-self");
    }

    @Test
    void C11_connectingWhenAlreadyConnected_isRefused() {
      long ada = member("ada");
      long bob = member("bob");
      connect(ada, "ada", bob, "bob");
      assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("already-connected");
      assertThat(problemType(() -> invite(bob, "ada"))).isEqualTo("already-connected");
    }

    @Test
    void C11_connectingWhenBlockedOrBlocking_isRefused() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.block(ada, h("bob"));
      assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("member-blocked");
      assertThatThrownBy(() -> invite(bob, "ada")).isInstanceOf(NotFoundException.class);
      assertThat(received(ada, Optional.empty())).isEmpty();
      assertThat(received(bob, Optional.empty())).isEmpty();
    }

    @Test
    void C11_companyPages_areFollowedNeverConnected() {
      long ada = member("ada");
      rapport.createMember(new NewMember(h("acme"), MemberKind.COMPANY, "Acme", "", Optional.empty(), Optional.empty()));
      assertThat(problemType(() -> invite(ada, "acme"))).isEqualTo("not-connectable");
      assertThat(rapport.follow(ada, h("acme"))).isEqualTo(FollowOutcome.CHANGED);
    }

    @Test
    void C_onlyTheRightMember_canAnswerAnInvitation() {
      long ada = member("ada");
      long bob = member("bob");
      long eve = member("eve");
      Invitation invitation = invitationSent(ada, "bob");
      assertThatThrownBy(() -> rapport.accept(eve, invitation.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> rapport.accept(ada, invitation.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> rapport.withdraw(bob, invitation.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> rapport.report(eve, invitation.id())).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> rapport.ignore(eve, invitation.id())).isInstanceOf(NotFoundException.class);
      assertThat(received(bob, Optional.empty())).hasSize(1);
    }
  }

  // ---- L: limits and restrictions --------------------------------------------------------------

  @Nested
  class Limits {
    @Test
    void L1_atTheConnectionCap_aMemberCannotSendInvitations() {
      usePolicy(Policy.defaults().withMaxConnections(1));
      long ada = member("ada");
      long bob = member("bob");
      member("cyd");
      connect(ada, "ada", bob, "bob");
      assertThat(problemType(() -> invite(ada, "cyd"))).isEqualTo("connection-limit");
    }

    @Test
    void L1_atTheCap_aMemberCannotAccept_andTheInvitationStaysPending() {
      usePolicy(Policy.defaults().withMaxConnections(1));
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      Invitation fromCyd = invitationSent(cyd, "ada");
      connect(ada, "ada", bob, "bob");
      assertThat(problemType(() -> rapport.accept(ada, fromCyd.id()))).isEqualTo("connection-limit");
      assertThat(received(ada, Optional.empty())).singleElement()
          .satisfies(v -> assertThat(v.invitation().state()).isEqualTo(InvitationState.PENDING));
    }

    @Test
    void L1_anAcceptThatWouldTakeTheSenderOverTheCap_isRefused() {
      usePolicy(Policy.defaults().withMaxConnections(1));
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      Invitation toCyd = invitationSent(ada, "cyd");
      connect(bob, "bob", ada, "ada");
      assertThat(problemType(() -> rapport.accept(cyd, toCyd.id()))).isEqualTo("connection-limit");
      assertThat(connections(cyd, "cyd")).isEmpty();
    }

    @Test
    void L1_atTheCap_othersCanStillFollow() {
      usePolicy(Policy.defaults().withMaxConnections(1));
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      connect(ada, "ada", bob, "bob");
      assertThat(rapport.follow(cyd, h("ada"))).isEqualTo(FollowOutcome.CHANGED);
    }

    @Test
    void L1_theDefaultCap_is30000() {
      assertThat(Policy.defaults().maxConnections()).isEqualTo(30_000);
    }

    @Test
    void L2_overTheWeeklyLimit_anInvitationIsRefusedWithTheTimeTheNextSlotFreesUp() {
      usePolicy(Policy.defaults().withTier(tier("basic", 2, 5)));
      long ada = member("ada");
      member("bob");
      member("cyd");
      member("dan");
      invitationSent(ada, "bob");
      clock.advance(Duration.ofHours(5));
      invitationSent(ada, "cyd");
      assertThatThrownBy(() -> invite(ada, "dan")).isInstanceOf(LimitReachedException.class)
          .satisfies(e -> {
            RapportException problem = (RapportException) e;
            assertThat(problem.type()).isEqualTo("weekly-invitation-limit");
            assertThat(problem.details()).containsEntry("retryAt", START.plus(Duration.ofDays(7)))
                .containsEntry("limit", 2).containsEntry("used", 2);
          });
    }

    @Test
    void L2_theWindowRolls_aSlotFreesUpSevenDaysAfterEachInvitation() {
      usePolicy(Policy.defaults().withTier(tier("basic", 2, 5)));
      long ada = member("ada");
      long bob = member("bob");
      member("cyd");
      member("dan");
      Invitation first = invitationSent(ada, "bob");
      rapport.accept(bob, first.id());
      clock.advance(Duration.ofDays(3));
      invitationSent(ada, "cyd");
      clock.advance(Duration.ofDays(4));
      assertThat(invite(ada, "dan")).isInstanceOf(InvitationOutcome.Sent.class);
      assertThat(rapport.limits(ada).weeklyInvitations().used()).isEqualTo(2);
    }

    @Test
    void L3_atMost1500OutstandingInvitations_configurable() {
      assertThat(Policy.defaults().maxPendingSent()).isEqualTo(1_500);
      usePolicy(Policy.defaults().withMaxPendingSent(2));
      long ada = member("ada");
      long bob = member("bob");
      member("cyd");
      member("dan");
      Invitation toBob = invitationSent(ada, "bob");
      invitationSent(ada, "cyd");
      assertThat(problemType(() -> invite(ada, "dan"))).isEqualTo("pending-invitation-limit");
      rapport.ignore(bob, toBob.id());
      assertThat(problemType(() -> invite(ada, "dan"))).isEqualTo("pending-invitation-limit");
      rapport.withdraw(ada, toBob.id());
      assertThat(invite(ada, "dan")).isInstanceOf(InvitationOutcome.Sent.class);
    }

    @Test
    void L4_threeWeeklyLimitRefusalsIn24Hours_restrictFor1Day_then7_then30() {
      usePolicy(Policy.defaults().withTier(tier("basic", 1, 5)));
      long ada = member("ada");
      for (int i = 0; i < 10; i++) {
        member("peer-" + i);
      }
      invitationSent(ada, "peer-0");
      assertThat(restrictionAfterThreeRefusals(ada, "peer-9")).isEqualTo(Duration.ofDays(1));

      clock.advance(Duration.ofDays(1));
      assertThat(problemType(() -> invite(ada, "peer-9"))).isEqualTo("weekly-invitation-limit");
      assertThat(rapport.limits(ada).restriction()).isEmpty();
      assertThat(restrictionAfterTwoMoreRefusals(ada, "peer-9")).isEqualTo(Duration.ofDays(7));

      clock.advance(Duration.ofDays(7));
      invitationSent(ada, "peer-1");
      assertThat(restrictionAfterThreeRefusals(ada, "peer-9")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void L4_refusalsSpreadOverMoreThan24Hours_doNotRestrict() {
      usePolicy(Policy.defaults().withTier(tier("basic", 1, 5)));
      long ada = member("ada");
      member("bob");
      member("cyd");
      invitationSent(ada, "bob");
      for (int i = 0; i < 3; i++) {
        assertThat(problemType(() -> invite(ada, "cyd"))).isEqualTo("weekly-invitation-limit");
        clock.advance(Duration.ofHours(13));
      }
      assertThat(rapport.limits(ada).restriction()).isEmpty();
    }

    private Duration restrictionAfterThreeRefusals(long member, String target) {
      assertThat(problemType(() -> invite(member, target))).isEqualTo("weekly-invitation-limit");
      return restrictionAfterTwoMoreRefusals(member, target);
    }

    private Duration restrictionAfterTwoMoreRefusals(long member, String target) {
      assertThat(problemType(() -> invite(member, target))).isEqualTo("weekly-invitation-limit");
      assertThat(rapport.limits(member).restriction()).isEmpty();
      assertThat(problemType(() -> invite(member, target))).isEqualTo("weekly-invitation-limit");
      Restriction restriction = rapport.limits(member).restriction().orElseThrow();
      assertThat(restriction.reason()).isEqualTo(Restriction.WEEKLY_LIMIT_REFUSALS);
      assertThat(problemType(() -> invite(member, target))).isEqualTo("invitations-restricted");
      return Duration.between(restriction.startsAt(), restriction.endsAt());
    }

    @Test
    void L5_aRestrictedMember_cannotInvite_butCanFollowAcceptAndBeSeen() {
      usePolicy(Policy.defaults().withTier(tier("basic", 1, 5)));
      long ada = member("ada");
      member("bob");
      member("cyd");
      long dan = member("dan");
      invitationSent(ada, "bob");
      Invitation fromDan = invitationSent(dan, "ada");
      for (int i = 0; i < 3; i++) {
        problemType(() -> invite(ada, "cyd"));
      }
      assertThatThrownBy(() -> invite(ada, "cyd")).isInstanceOf(LimitReachedException.class)
          .satisfies(e -> {
            assertThat(((RapportException) e).type()).isEqualTo("invitations-restricted");
            assertThat(((RapportException) e).details()).containsEntry("retryAt", START.plus(Duration.ofDays(1)));
          });
      assertThat(rapport.follow(ada, h("cyd"))).isEqualTo(FollowOutcome.CHANGED);
      assertThat(rapport.accept(ada, fromDan.id()).invitation().state()).isEqualTo(InvitationState.ACCEPTED);
    }

    @Test
    void L5_aRestrictedMember_seesWhyAndUntilWhen() {
      usePolicy(Policy.defaults().withTier(tier("basic", 1, 5)));
      long ada = member("ada");
      member("bob");
      member("cyd");
      invitationSent(ada, "bob");
      for (int i = 0; i < 3; i++) {
        problemType(() -> invite(ada, "cyd"));
      }
      Restriction restriction = rapport.limits(ada).restriction().orElseThrow();
      assertThat(restriction.reason()).isEqualTo("weekly-limit-refusals");
      assertThat(restriction.endsAt()).isEqualTo(START.plus(Duration.ofDays(1)));
    }

    @Test
    void L6_everyLimit_showsTheLimitTheUseAndWhenItFreesUp() {
      long ada = member("ada");
      long bob = member("bob");
      member("cyd");
      clock.advance(Duration.ofDays(31));
      Instant sentAt = clock.instant();
      connect(ada, "ada", bob, "bob");
      inviteWithNote(ada, "cyd", "Hello");
      LimitsView limits = rapport.limits(ada);
      assertThat(limits.tier()).isEqualTo("basic");
      assertThat(limits.weeklyInvitations()).isEqualTo(
          new LimitsView.Usage(Optional.of(200), 2, Optional.of(sentAt.plus(Duration.ofDays(7)))));
      assertThat(limits.monthlyNotes().limit()).contains(5);
      assertThat(limits.monthlyNotes().used()).isEqualTo(1);
      assertThat(limits.monthlyNotes().resetsAt()).contains(Instant.parse("2026-05-01T00:00:00Z"));
      assertThat(limits.noteMaxLength()).isEqualTo(200);
      assertThat(limits.pendingInvitations()).isEqualTo(new LimitsView.Usage(Optional.of(1500), 1, Optional.empty()));
      assertThat(limits.connections()).isEqualTo(new LimitsView.Usage(Optional.of(30_000), 1, Optional.empty()));
      assertThat(limits.restriction()).isEmpty();
    }
  }

  // ---- B, P: blocks and privacy ----------------------------------------------------------------

  @Nested
  class BlocksAndPrivacy {
    @Test
    void B1_blocking_removesTheConnection_followsBothWays_andPendingInvitationsBothWays() {
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      connect(ada, "ada", bob, "bob");
      Invitation fromCyd = invitationSent(cyd, "ada");
      rapport.follow(ada, h("cyd"));
      rapport.block(ada, h("bob"));
      rapport.block(ada, h("cyd"));
      assertThat(connections(ada, "ada")).isEmpty();
      assertThat(following(ada, "ada")).isEmpty();
      assertThat(followers(ada, "ada")).isEmpty();
      assertThat(rapport.member(h("bob")).orElseThrow().connectionCount()).isZero();
      assertThat(received(ada, Optional.empty())).isEmpty();
      assertThat(problemType(() -> rapport.accept(ada, fromCyd.id()))).isEqualTo("invitation-not-open");
      assertThat(handles(rapport.blocked(ada, PageRequest.first()))).containsExactlyInAnyOrder("bob", "cyd");
      // Blocking notifies nobody (NT1), and B2 hides what ada caused before.
      assertThat(notificationKinds(bob)).isEmpty();
      assertThat(notificationKinds(cyd)).isEmpty();
    }

    @Test
    void B2_blockedPairs_areInvisibleToEachOther_profilesAndLists() {
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      connect(ada, "ada", cyd, "cyd");
      connect(bob, "bob", cyd, "cyd");
      rapport.follow(bob, h("cyd"));
      rapport.block(ada, h("bob"));
      assertThatThrownBy(() -> profile(ada, "bob")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> profile(bob, "ada")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> connections(bob, "ada")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> followers(bob, "ada")).isInstanceOf(NotFoundException.class);
      assertThat(connections(ada, "cyd")).containsExactly("ada");
      assertThat(connections(bob, "cyd")).containsExactly("bob");
      assertThat(followers(ada, "cyd")).containsExactly("ada");
      assertThat(connections(cyd, "cyd")).containsExactlyInAnyOrder("ada", "bob");
    }

    @Test
    void B2_notificationsFromABlockedMember_disappear() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.follow(bob, h("ada"));
      assertThat(notificationKinds(ada)).hasSize(1);
      rapport.block(ada, h("bob"));
      assertThat(notificationKinds(ada)).isEmpty();
    }

    @Test
    void B3_neitherSideCanFollowOrInvite_whileBlocked() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.block(ada, h("bob"));
      assertThat(problemType(() -> rapport.follow(ada, h("bob")))).isEqualTo("member-blocked");
      assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("member-blocked");
      assertThatThrownBy(() -> rapport.follow(bob, h("ada"))).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> invite(bob, "ada")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> rapport.unfollow(bob, h("ada"))).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> rapport.removeFollower(bob, h("ada"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void B3_unblocking_restoresNothing() {
      long ada = member("ada");
      long bob = member("bob");
      connect(ada, "ada", bob, "bob");
      rapport.block(ada, h("bob"));
      assertThat(rapport.unblock(ada, h("bob"))).isTrue();
      assertThat(rapport.unblock(ada, h("bob"))).isFalse();
      assertThat(relationship(ada, "bob")).isEqualTo(
          new ProfileView.Relationship(false, false, false, Optional.empty(), OptionalInt.empty(), 0, List.of()));
      assertThat(invite(bob, "ada")).isInstanceOf(InvitationOutcome.Sent.class);
    }

    @Test
    void P1_onlyMe_hidesTheConnectionList_butSharedConnectionsStayVisible() {
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      long dan = member("dan");
      connect(ada, "ada", bob, "bob");
      connect(ada, "ada", cyd, "cyd");
      connect(dan, "dan", cyd, "cyd");
      rapport.updateMe(ada, ProfileUpdate.none().withConnectionsVisibility(ConnectionsVisibility.ONLY_ME));
      assertThat(connections(ada, "ada")).containsExactlyInAnyOrder("bob", "cyd");
      assertThat(connections(bob, "ada")).isEmpty();
      assertThat(connections(dan, "ada")).containsExactly("cyd");
    }

    @Test
    void P1_byDefault_connectionsSeeTheWholeList_andOthersOnlyWhatTheyShare() {
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      long dan = member("dan");
      connect(ada, "ada", bob, "bob");
      connect(ada, "ada", cyd, "cyd");
      connect(dan, "dan", cyd, "cyd");
      assertThat(connections(bob, "ada")).containsExactlyInAnyOrder("bob", "cyd");
      assertThat(connections(dan, "ada")).containsExactly("cyd");
    }
  }

  // ---- PR1: the profile as seen by a viewer ----------------------------------------------------

  @Nested
  class Profile {
    @Test
    void PR1_byDefault_connectIsPrimary_pendingWhenInvited_messageWhenConnected() {
      long ada = member("ada");
      long bob = member("bob");
      ProfileView stranger = profile(ada, "bob");
      assertThat(stranger.primaryAction()).isEqualTo(ProfileAction.CONNECT);
      assertThat(stranger.moreActions()).containsExactly(ProfileAction.FOLLOW, ProfileAction.BLOCK);
      assertThat(stranger.followerCount()).isEmpty();

      Invitation invitation = invitationSent(ada, "bob");
      ProfileView pending = profile(ada, "bob");
      assertThat(pending.primaryAction()).isEqualTo(ProfileAction.PENDING);
      assertThat(pending.moreActions()).containsExactly(ProfileAction.UNFOLLOW, ProfileAction.BLOCK);
      assertThat(pending.relationship().orElseThrow().invitation())
          .contains(new ProfileView.InvitationSummary(invitation.id(), true, InvitationState.PENDING));
      ProfileView received = profile(bob, "ada");
      assertThat(received.primaryAction()).isEqualTo(ProfileAction.ACCEPT);
      assertThat(received.relationship().orElseThrow().invitation().orElseThrow().sent()).isFalse();

      rapport.accept(bob, invitation.id());
      ProfileView connected = profile(ada, "bob");
      assertThat(connected.primaryAction()).isEqualTo(ProfileAction.MESSAGE);
      assertThat(connected.moreActions())
          .containsExactly(ProfileAction.UNFOLLOW, ProfileAction.REMOVE_CONNECTION, ProfileAction.BLOCK);
      assertThat(connected.relationship().orElseThrow())
          .isEqualTo(new ProfileView.Relationship(true, true, true, Optional.empty(), OptionalInt.of(1), 0, List.of()));
    }

    /** N1 and N2 on the profile, naming the first mutual connections; a block ends the connection it stood on, so it leaves the count (B1, B2). */
    @Test
    void PR1_profile_showsTheDegree_theMutualCount_andTheFirstMutuals() {
      long[] members = diamondWithATail();
      long ada = members[0];
      long cyd = members[2];
      long eve = members[4];
      assertThat(relationship(ada, "bob").degree()).hasValue(1);
      assertThat(relationship(ada, "dan").degree()).hasValue(2);
      assertThat(relationship(ada, "dan").mutualCount()).isEqualTo(2);
      assertThat(relationship(ada, "dan").firstMutuals()).extracting(m -> m.handle().value())
          .containsExactlyInAnyOrder("bob", "cyd");
      assertThat(relationship(ada, "eve").degree()).hasValue(3);
      assertThat(relationship(ada, "eve").mutualCount()).isZero();
      assertThat(relationship(eve, "ada").degree()).hasValue(3);

      rapport.block(cyd, h("ada")); // cyd leaves ada's connections and hides from her
      assertThat(relationship(ada, "dan").mutualCount()).isEqualTo(1);
      assertThat(relationship(ada, "dan").firstMutuals()).extracting(m -> m.handle().value()).containsExactly("bob");
      rapport.block(ada, h("bob")); // and now the last mutual connection is hidden as well
      assertThat(relationship(ada, "dan").mutualCount()).isZero();
      assertThat(relationship(ada, "dan").degree()).isEmpty();
    }

    @Test
    void PR1_creatorMode_makesFollowPrimary_putsConnectUnderMore_andShowsFollowers() {
      long ada = member("ada");
      long bob = member("bob");
      long cyd = member("cyd");
      rapport.updateMe(bob, ProfileUpdate.none().withFollowPrimary(true));
      rapport.follow(cyd, h("bob"));
      ProfileView view = profile(ada, "bob");
      assertThat(view.primaryAction()).isEqualTo(ProfileAction.FOLLOW);
      assertThat(view.moreActions()).containsExactly(ProfileAction.CONNECT, ProfileAction.BLOCK);
      assertThat(view.followerCount()).contains(1);
      rapport.follow(ada, h("bob"));
      assertThat(profile(ada, "bob").primaryAction()).isEqualTo(ProfileAction.UNFOLLOW);
      assertThat(profile(ada, "bob").followerCount()).contains(2);
    }

    @Test
    void PR1_profile_showsEmailOnlyToTheMemberAndTheirConnections() {
      long ada = member("ada", "basic");
      long bob = member("bob");
      long cyd = member("cyd");
      assertThat(profile(ada, "ada").email()).contains("ada@example.com");
      assertThat(profile(ada, "ada").self()).isTrue();
      assertThat(profile(ada, "ada").primaryAction()).isEqualTo(ProfileAction.EDIT);
      assertThat(profile(cyd, "ada").email()).isEmpty();
      connect(bob, "bob", ada, "ada");
      assertThat(profile(bob, "ada").email()).contains("ada@example.com");
    }

    @Test
    void PR1_whoCanInviteNobody_offersNoConnect() {
      long ada = member("ada");
      long bob = member("bob");
      rapport.updateMe(bob, ProfileUpdate.none().withWhoCanInvite(WhoCanInvite.NOBODY));
      ProfileView view = profile(ada, "bob");
      assertThat(view.primaryAction()).isEqualTo(ProfileAction.FOLLOW);
      assertThat(view.moreActions()).doesNotContain(ProfileAction.CONNECT);
    }
  }

  // ---- N1, N2, N3, N4: the network -------------------------------------------------------------

  @Nested
  class Network {
    @Test
    void N1_degrees_ofABatch_inOrder_noneForOneselfUnknownAndBlocked() {
      long[] members = diamondWithATail();
      long ada = members[0];
      List<Handle> asked = Stream.of("bob", "dan", "eve", "ada", "nobody", "bob").map(Handle::of).toList();
      assertThat(rapport.degrees(ada, asked)).containsExactly(1, 2, 3, 0, 0, 1);

      rapport.block(members[4], h("ada")); // eve hides from ada, and ada from her (B2)
      assertThat(rapport.degrees(ada, asked)).containsExactly(1, 2, 0, 0, 0, 1);
      assertThat(rapport.degrees(members[4], List.of(h("ada"), h("bob")))).containsExactly(0, 2);

      List<Handle> tooMany = IntStream.rangeClosed(0, Rapport.MAX_DEGREE_BATCH)
          .mapToObj(i -> h("member-" + i)).toList();
      assertThatThrownBy(() -> rapport.degrees(ada, tooMany)).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).type()).isEqualTo("too-many-handles"));
    }

    @Test
    void N3_networkSize_countsEachDegree() {
      long[] members = diamondWithATail();
      assertThat(rapport.networkSize(members[0])).isEqualTo(new NetworkSize(2, 1, 1));
      assertThat(rapport.networkSize(members[4])).isEqualTo(new NetworkSize(1, 2, 1));
    }

    @Test
    void N2_mutualConnections_listTheSharedOnes_evenUnderP1OnlyMe_andNoneAcrossABlock() {
      long[] members = diamondWithATail();
      long ada = members[0];
      long eve = members[4];
      assertThat(rapport.mutualConnections(ada, h("dan"), PageRequest.first()).items())
          .extracting(m -> m.handle().value()).containsExactlyInAnyOrder("bob", "cyd");
      assertThat(rapport.mutualConnections(ada, h("dan"), PageRequest.first(1)).next()).isPresent();
      assertThat(rapport.mutualConnections(ada, h("ada"), PageRequest.first()).items()).isEmpty();

      // P1: a member who hides their connections still shows the ones they share.
      rapport.updateMe(members[3], ProfileUpdate.none().withConnectionsVisibility(ConnectionsVisibility.ONLY_ME));
      assertThat(rapport.mutualConnections(ada, h("dan"), PageRequest.first()).items())
          .extracting(m -> m.handle().value()).containsExactlyInAnyOrder("bob", "cyd");

      rapport.block(eve, h("ada"));
      assertThatThrownBy(() -> rapport.mutualConnections(ada, h("eve"), PageRequest.first()))
          .isInstanceOf(NotFoundException.class);
    }

    /**
     * ada knows bob and cyd; dan shares both with her, fay gus hal ivy and jon one each. Each kind
     * of exclusion takes one of them out.
     */
    @Test
    void N4_suggestions_rankByMutualCount_leavingOutInvitationsBlocksAndDismissed() {
      long[] members = diamondWithATail();
      long ada = members[0];
      long bob = members[1];
      long cyd = members[2];
      long[] others = {member("fay"), member("gus"), member("hal"), member("ivy"), member("jon")};
      connect(bob, "bob", others[0], "fay");
      connect(cyd, "cyd", others[1], "gus");
      connect(bob, "bob", others[2], "hal");
      connect(cyd, "cyd", others[3], "ivy");
      connect(bob, "bob", others[4], "jon");
      assertThat(suggested(ada)).containsExactly("dan:2", "fay:1", "gus:1", "hal:1", "ivy:1", "jon:1");

      invitationSent(ada, "gus");
      invitationSent(others[2], "ada");
      rapport.block(others[4], h("ada"));
      rapport.dismissSuggestion(ada, h("ivy"));
      rapport.dismissSuggestion(ada, h("ivy")); // repeating is not an error
      assertThat(suggested(ada)).containsExactly("dan:2", "fay:1");

      Page<SuggestedMember> first = rapport.suggestions(ada, PageRequest.first(1));
      assertThat(first.items()).extracting(s -> s.member().handle().value()).containsExactly("dan");
      Page<SuggestedMember> second = rapport.suggestions(ada, new PageRequest(1, first.next()));
      assertThat(second.items()).extracting(s -> s.member().handle().value()).containsExactly("fay");
      assertThat(second.next()).isEmpty();

      assertThatThrownBy(() -> rapport.dismissSuggestion(ada, h("ada"))).isInstanceOf(RuleBrokenException.class);
      assertThatThrownBy(() -> rapport.dismissSuggestion(ada, h("jon"))).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> rapport.dismissSuggestion(ada, h("nobody"))).isInstanceOf(NotFoundException.class);
    }

    private List<String> suggested(long viewer) {
      return rapport.suggestions(viewer, PageRequest.first()).items().stream()
          .map(s -> s.member().handle().value() + ":" + s.mutualCount()).toList();
    }
  }

  // ---- the event log ---------------------------------------------------------------------------

  @Nested
  class EventLog {
    @Test
    void everyCommittedChange_appendsToTheOrderedEventLog() {
      long ada = member("ada");
      long bob = member("bob");
      Invitation invitation = invitationSent(ada, "bob");
      rapport.accept(bob, invitation.id());
      rapport.removeConnection(ada, h("bob"));
      rapport.block(bob, h("ada"));
      List<Event> events = store.eventsAfter(0, 1000);
      assertThat(events).extracting(Event::seq).isSorted().doesNotHaveDuplicates();
      assertThat(events).extracting(Event::type).containsSubsequence(
          EventType.MEMBER_CREATED, EventType.MEMBER_CREATED, EventType.INVITATION_SENT, EventType.FOLLOWED,
          EventType.INVITATION_ACCEPTED, EventType.CONNECTED, EventType.DISCONNECTED, EventType.BLOCKED);
      long afterAccept = events.get(events.size() - 1).seq();
      assertThat(store.eventsAfter(afterAccept, 10)).isEmpty();
    }

    @Test
    void aRefusedCommand_changesNothing() {
      long ada = member("ada");
      member("bob");
      invitationSent(ada, "bob");
      long before = store.eventsAfter(0, 1000).size();
      problemType(() -> invite(ada, "bob"));
      problemType(() -> invite(ada, "ada"));
      problemType(() -> rapport.follow(ada, h("ada")));
      assertThat(store.eventsAfter(0, 1000)).hasSize((int) before);
    }
  }
}
