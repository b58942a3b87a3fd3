package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.outreach.AnalyticsPeriod;
import dev.rapport.outreach.InvitationFigures;
import dev.rapport.outreach.OutreachAnalytics;
import dev.rapport.outreach.Prospect;
import dev.rapport.outreach.WeekGrowth;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Outreach insight (X1, X2) through the facade against a real store: warm and cold invitations,
 * what becomes of them, growth by ISO week, and warm prospects
 * (docs/decisions/0030-outreach-analytics-and-prospects.md); and the bulk clean-up of old
 * invitations (X3).
 */
public abstract class OutreachRulesContract extends RulesContract {
  private static final Duration DAY = Duration.ofDays(1);

  private OutreachAnalytics analytics(long member) {
    return rapport.outreach().analytics(member, AnalyticsPeriod.byDefault());
  }

  private long postBy(long author) {
    return rapport.content().post(author, "Hello", PostVisibility.ANYONE).post().id();
  }

  private List<String> prospects(long viewer) {
    return rapport.outreach().prospects(viewer, PageRequest.first(50)).items().stream()
        .map(p -> p.member().handle().value()).toList();
  }

  @Test
  void X1_warm_whenFollowedSevenDaysBeforeInviting() {
    long ada = member("ada");
    member("bob");
    rapport.follow(ada, h("bob"));
    clock.advance(Duration.ofDays(7));
    invitationSent(ada, "bob");

    assertThat(analytics(ada).warm()).isEqualTo(new InvitationFigures(0, 1, 0));
    assertThat(analytics(ada).cold().sent()).isZero();
  }

  @Test
  void X1_cold_whenFollowedLessThanSevenDaysBefore_orTheFollowBrokeSince() {
    long ada = member("ada");
    member("bob");
    member("cyd");
    rapport.follow(ada, h("bob"));
    rapport.follow(ada, h("cyd"));
    clock.advance(Duration.ofDays(7).minusMinutes(1));
    invitationSent(ada, "bob"); // a minute short of seven days
    clock.advance(Duration.ofDays(1));
    rapport.unfollow(ada, h("cyd"));
    rapport.follow(ada, h("cyd")); // the follow that stands began just now
    invitationSent(ada, "cyd");

    assertThat(analytics(ada).cold()).isEqualTo(new InvitationFigures(0, 2, 0));
    assertThat(analytics(ada).warm().sent()).isZero();
  }

  @Test
  void X1_cold_whenOnlyTheInvitationMadeTheFollow_andUnfollowingAfterwardsChangesNothing() {
    long ada = member("ada");
    member("bob");
    invitationSent(ada, "bob"); // C2: inviting follows
    clock.advance(Duration.ofDays(30));
    rapport.unfollow(ada, h("bob"));

    assertThat(analytics(ada).cold()).isEqualTo(new InvitationFigures(0, 1, 0));
  }

  @Test
  void X1_warm_byAReactionOrCommentBeforeInviting_evenIfRemovedSince() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    long eve = member("eve");
    rapport.content().react(ada, postBy(bob), ReactionKind.INSIGHTFUL);
    rapport.content().comment(ada, postBy(cyd), "Well said");
    long dansPost = postBy(dan);
    rapport.content().react(ada, dansPost, ReactionKind.LIKE);
    rapport.content().unreact(ada, dansPost);
    invitationSent(ada, "bob");
    invitationSent(ada, "cyd");
    invitationSent(ada, "dan");
    invitationSent(ada, "eve");
    rapport.content().react(ada, postBy(eve), ReactionKind.LIKE);

    assertThat(analytics(ada).warm()).isEqualTo(new InvitationFigures(0, 3, 0));
    assertThat(analytics(ada).cold()).as("engaging after inviting is too late").isEqualTo(new InvitationFigures(0, 1, 0));
  }

  @Test
  void X1_acceptanceRate_isAcceptedOverAnsweredOrPending_withdrawnCountsOnlyAsSent() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    member("dan");
    member("eve");
    rapport.invitations().accept(bob, invitationSent(ada, "bob").id());
    rapport.invitations().ignore(cyd, invitationSent(ada, "cyd").id());
    rapport.invitations().withdraw(ada, invitationSent(ada, "dan").id());
    invitationSent(ada, "eve");

    InvitationFigures all = analytics(ada).all();
    assertThat(all).as("C5: the ignored one shows as pending").isEqualTo(new InvitationFigures(1, 2, 1));
    assertThat(all.sent()).isEqualTo(4);
    assertThat(all.acceptanceRate()).hasValue(1.0 / 3);
    assertThat(analytics(bob).all().acceptanceRate()).as("nothing sent, no rate").isEmpty();
  }

  @Test
  void X1_B2_invitationsAcrossABlock_areLeftOut_andACanceledOneForGood() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    rapport.invitations().accept(bob, invitationSent(ada, "bob").id());
    invitationSent(ada, "cyd");
    rapport.block(cyd, h("ada")); // B1 cancels the pending invitation
    rapport.block(ada, h("bob"));

    assertThat(analytics(ada).all().sent()).isZero();

    rapport.unblock(cyd, h("ada"));
    rapport.unblock(ada, h("bob"));
    assertThat(analytics(ada).all()).as("decision 17: the history shows again, the canceled one does not")
        .isEqualTo(new InvitationFigures(1, 0, 0));
    assertThat(sent(ada, Optional.of(InvitationState.ACCEPTED))).as("as the list shows it").hasSize(1);
  }

  @Test
  void X1_growth_byIsoWeek_countsFollowersAndConnectionsGainedAndLost() {
    long ada = member("ada"); // START is Tuesday 2026-03-10, in ISO week 2026-W11
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    rapport.follow(bob, h("ada"));
    clock.advance(Duration.ofDays(6)); // Monday 2026-03-16
    rapport.follow(cyd, h("ada"));
    rapport.removeFollower(ada, h("bob")); // F6
    rapport.invitations().accept(ada, invitationSent(dan, "ada").id()); // C3: connected, following each other
    clock.advance(Duration.ofDays(7));
    rapport.removeConnection(dan, h("ada")); // C10: the connection and both follows go
    rapport.unfollow(cyd, h("ada"));
    rapport.follow(cyd, h("ada"));

    List<WeekGrowth> growth = analytics(ada).growth();
    assertThat(growth).hasSize(AnalyticsPeriod.DEFAULT_WEEKS);
    assertThat(growth.getLast().isoWeek()).isEqualTo("2026-W13");
    assertThat(growth.subList(growth.size() - 3, growth.size())).containsExactly(
        new WeekGrowth(LocalDate.parse("2026-03-09"), 1, 0, 0, 0),
        new WeekGrowth(LocalDate.parse("2026-03-16"), 2, 1, 1, 0),
        new WeekGrowth(LocalDate.parse("2026-03-23"), 1, 2, 0, 1));
    assertThat(growth.subList(0, growth.size() - 3)).allMatch(w -> w.equals(new WeekGrowth(w.monday(), 0, 0, 0, 0)));
    assertThat(analytics(dan).growth().getLast()).isEqualTo(new WeekGrowth(LocalDate.parse("2026-03-23"), 0, 1, 0, 1));
  }

  @Test
  void X1_thePeriod_startsOnTheMondayOfItsFirstIsoWeek() {
    long ada = member("ada");
    member("bob");
    member("cyd");
    invitationSent(ada, "bob"); // Tuesday 2026-03-10
    clock.advance(Duration.ofDays(6)); // Monday 2026-03-16, 09:00 UTC
    invitationSent(ada, "cyd");

    OutreachAnalytics thisWeek = rapport.outreach().analytics(ada, new AnalyticsPeriod(1));
    assertThat(thisWeek.from()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
    assertThat(thisWeek.all().sent()).isEqualTo(1);
    assertThat(thisWeek.growth()).hasSize(1);
    assertThat(rapport.outreach().analytics(ada, new AnalyticsPeriod(2)).all().sent()).isEqualTo(2);
  }

  @Test
  void X2_prospects_areFollowedAndEngaged_rankedByEngagementThenRecency_withTheirReasons() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    for (String h : List.of("bob", "cyd", "dan")) {
      rapport.follow(ada, h(h));
    }
    long bobsPost = postBy(bob);
    rapport.content().react(ada, bobsPost, ReactionKind.LIKE);
    rapport.content().comment(ada, bobsPost, "Great");
    rapport.content().comment(ada, bobsPost, "And again");
    rapport.content().react(ada, postBy(cyd), ReactionKind.LIKE);
    clock.advance(DAY);
    rapport.content().comment(ada, postBy(dan), "Nice");
    rapport.content().react(ada, postBy(member("fay")), ReactionKind.LIKE); // engaged, not followed

    assertThat(prospects(ada)).containsExactly("bob", "dan", "cyd");
    Prospect first = rapport.outreach().prospects(ada, PageRequest.first()).items().getFirst();
    assertThat(first.reactions()).isEqualTo(1);
    assertThat(first.comments()).isEqualTo(2);
    assertThat(first.engagement()).isEqualTo(3);
    assertThat(first.lastEngagedAt()).isEqualTo(START);
    assertThat(first.followingSince()).isEqualTo(START);
  }

  @Test
  void X2_prospects_leaveOut_connections_openInvitationsEitherWay_blocks_pages_andOldEngagement() {
    long ada = member("ada");
    List<String> others = List.of("bob", "cyd", "dan", "eve", "fay", "gus");
    for (String h : others) {
      long id = member(h);
      rapport.follow(ada, h(h));
      rapport.content().react(ada, postBy(id), ReactionKind.LIKE);
    }
    rapport.companies().create(ada, h("acme"), "Acme", ""); // CP1: followed and engaged, never invited
    rapport.follow(ada, h("acme"));
    rapport.content().react(ada,
        rapport.content().postAsPage(ada, h("acme"), "News", PostVisibility.ANYONE).post().id(), ReactionKind.LIKE);

    connect(ada, "ada", id("bob"), "bob");
    invitationSent(ada, "cyd");
    invitationSent(id("dan"), "ada");
    rapport.block(ada, h("eve"));
    rapport.invitations().ignore(id("fay"), invitationSent(ada, "fay").id()); // C5: still open
    assertThat(prospects(ada)).containsExactly("gus");

    clock.advance(Duration.ofDays(91));
    assertThat(prospects(ada)).as("engagement older than the window").isEmpty();
  }

  @Test
  void X2_prospects_pageByCursor_withoutDuplicatesOrGaps() {
    long ada = member("ada");
    for (int i = 0; i < 7; i++) {
      String h = "m" + i + "x";
      long id = member(h);
      rapport.follow(ada, h(h));
      for (int r = 0; r <= i % 3; r++) {
        rapport.content().comment(ada, postBy(id), "Hi");
      }
      clock.advance(Duration.ofMinutes(1));
    }
    List<String> whole = prospects(ada);
    assertThat(whole).hasSize(7);
    List<String> paged = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      var page = rapport.outreach().prospects(ada, new PageRequest(2, cursor));
      page.items().forEach(p -> paged.add(p.member().handle().value()));
      cursor = page.next();
    } while (cursor.isPresent());
    assertThat(paged).isEqualTo(whole);
    assertThat(whole).startsWith("m5x", "m2x", "m4x", "m1x");
  }

  @Test
  void X3_bulkWithdraw_withdrawsTheSendersOpenInvitationsSentAtLeastNDaysAgo_andSaysHowMany() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    member("dan");
    long eve = member("eve");
    Invitation toBob = invitationSent(ada, "bob");
    Invitation toCyd = invitationSent(ada, "cyd");
    rapport.invitations().ignore(cyd, toCyd.id()); // C5: still pending as ada sees it
    Invitation fromEve = invitationSent(eve, "ada");
    clock.advance(Duration.ofDays(6));
    Invitation toDan = invitationSent(ada, "dan");
    clock.advance(Duration.ofDays(1));

    assertThat(rapport.invitations().withdrawOlderThan(ada, 7)).isEqualTo(2);

    assertThat(sent(ada, Optional.empty())).extracting(v -> v.invitation().id()).containsExactly(toDan.id());
    assertThat(sent(ada, Optional.of(InvitationState.WITHDRAWN))).extracting(v -> v.invitation().id())
        .containsExactlyInAnyOrder(toBob.id(), toCyd.id());
    assertThat(received(ada, Optional.empty())).extracting(v -> v.invitation().id()).containsExactly(fromEve.id());
    assertThat(received(bob, Optional.empty())).isEmpty();
    // C2: the follows the invitations made stay; NT1: nobody is told of a withdrawal.
    assertThat(relationship(ada, "bob").following()).isTrue();
    assertThat(notificationKinds(bob)).containsExactly(NotificationKind.INVITATION_RECEIVED);
    assertThat(rapport.invitations().withdrawOlderThan(ada, 7)).isZero();
  }

  @Test
  void X3_bulkWithdraw_startsTheC6CooldownForEachMemberItWithdrewFrom() {
    long ada = member("ada");
    member("bob");
    member("cyd");
    invitationSent(ada, "bob");
    clock.advance(Duration.ofDays(30));
    invitationSent(ada, "cyd");

    assertThat(rapport.invitations().withdrawOlderThan(ada, 30)).isEqualTo(1);

    assertThat(problemType(() -> invite(ada, "bob"))).isEqualTo("invitation-cooldown");
    assertThat(problemType(() -> invite(ada, "cyd"))).isEqualTo("invitation-already-pending");
    assertThat(rapport.invitations().withdrawOlderThan(ada, 0)).isEqualTo(1);
    assertThat(problemType(() -> invite(ada, "cyd"))).isEqualTo("invitation-cooldown");
  }

  @Test
  void X3_bulkWithdraw_refusesANegativeAge_andChangesNothing() {
    long ada = member("ada");
    member("bob");
    invitationSent(ada, "bob");

    assertThat(problemType(() -> rapport.invitations().withdrawOlderThan(ada, -1))).isEqualTo("invalid-query");
    assertThat(sent(ada, Optional.empty())).hasSize(1);
  }

  private long id(String handle) {
    return rapport.member(h(handle)).orElseThrow().id();
  }
}
