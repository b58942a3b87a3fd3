package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.follow.FollowOutcome;
import dev.rapport.invitation.InvitationOutcome;
import dev.rapport.kernel.Policy;
import dev.rapport.limit.LimitsView;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Restriction;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.RapportException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Limits and restrictions (L1, L2, L3, L4, L5, L6), through the facade against a real store. */
public abstract class LimitRulesContract extends RulesContract {
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
    assertThat(problemType(() -> rapport.invitations().accept(ada, fromCyd.id()))).isEqualTo("connection-limit");
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
    assertThat(problemType(() -> rapport.invitations().accept(cyd, toCyd.id()))).isEqualTo("connection-limit");
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
    rapport.invitations().accept(bob, first.id());
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
    rapport.invitations().ignore(bob, toBob.id());
    assertThat(problemType(() -> invite(ada, "dan"))).isEqualTo("pending-invitation-limit");
    rapport.invitations().withdraw(ada, toBob.id());
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
    assertThat(rapport.invitations().accept(ada, fromDan.id()).invitation().state()).isEqualTo(InvitationState.ACCEPTED);
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
