package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.model.Member;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.notification.NotificationGroup;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * NT1's grouping a backend must keep: reactions or comments on one post, endorsements of one skill
 * and new followers are one group a day, placed by its first notification, naming its latest actors
 * and counting the others, with nothing a block (B2) or a mute hides
 * (docs/decisions/0042-notifications-grouped-on-read-by-day.md).
 */
public abstract class NotificationGroupingContract extends RulesContract {

  private List<NotificationGroup> groups(long member) {
    return rapport.notifications().groups(member, PageRequest.first(200)).items();
  }

  private static String line(NotificationGroup group) {
    String actors = String.join(" and ", group.actors().stream().map(Member::name).toList());
    return group.kind() + " " + actors + (group.othersCount() > 0 ? " +" + group.othersCount() : "")
        + (group.about().isEmpty() ? "" : " " + group.about()) + (group.read() ? " read" : "");
  }

  private List<String> lines(long member) {
    return groups(member).stream().map(NotificationGroupingContract::line).toList();
  }

  private long post(long author) {
    return rapport.content().post(author, "hello", PostVisibility.ANYONE).post().id();
  }

  private long[] members(String... handles) {
    long[] ids = new long[handles.length];
    for (int i = 0; i < handles.length; i++) {
      ids[i] = member(handles[i]);
    }
    return ids;
  }

  @Test
  void NT1_reactionsToOnePostOnOneDay_areOneGroup_namingTheLatestTwo_andCountingTheOthers() {
    long[] m = members("ada", "bob", "cyd", "dan", "eve");
    long post = post(m[0]);
    for (int i = 1; i < m.length; i++) {
      rapport.content().react(m[i], post, ReactionKind.LIKE);
    }
    rapport.content().comment(m[1], post, "well said");

    List<NotificationGroup> groups = groups(m[0]);
    assertThat(groups).extracting(NotificationGroupingContract::line)
        .containsExactly("COMMENTED Bob Example", "REACTED Eve Example and Dan Example +2");
    NotificationGroup reacted = groups.getLast();
    assertThat(reacted.refId()).isEqualTo(post);
    assertThat(reacted.latestId()).isGreaterThan(reacted.id());
    assertThat(rapport.notifications().unread(m[0])).as("the count counts notifications").isEqualTo(5);
  }

  @Test
  void NT1_groupsAreByPost_byDay_andBySkill_andNewFollowersOfADayAreOne_butInvitationsNever() {
    long[] m = members("ada", "bob", "cyd", "dan");
    long first = post(m[0]);
    long second = post(m[0]);
    rapport.content().react(m[1], first, ReactionKind.LIKE);
    rapport.content().react(m[2], second, ReactionKind.LIKE);
    rapport.follow(m[1], h("ada"));
    rapport.follow(m[2], h("ada"));
    clock.advance(Duration.ofDays(1));
    rapport.content().react(m[3], first, ReactionKind.LIKE);
    rapport.follow(m[3], h("ada"));
    connect(m[1], "bob", m[0], "ada");
    connect(m[2], "cyd", m[0], "ada");
    rapport.endorsements().setSkills(m[0], List.of("Java", "SQL"));
    rapport.endorsements().endorse(m[1], h("ada"), "Java");
    rapport.endorsements().endorse(m[2], h("ada"), "Java");
    rapport.endorsements().endorse(m[2], h("ada"), "SQL");

    assertThat(lines(m[0])).containsExactly(
        "ENDORSED Cyd Example SQL",
        "ENDORSED Cyd Example and Bob Example Java",
        "INVITATION_RECEIVED Cyd Example",
        "INVITATION_RECEIVED Bob Example",
        "FOLLOWED Dan Example",
        "REACTED Dan Example",
        "FOLLOWED Cyd Example and Bob Example",
        "REACTED Cyd Example",
        "REACTED Bob Example");
  }

  @Test
  void NT1_aGroupStaysWhereItsFirstNotificationPutsIt_soPagesNeitherRepeatNorSkipWhileOthersArrive() {
    long[] m = members("ada", "bob", "cyd", "dan", "eve");
    long post = post(m[0]);
    rapport.content().react(m[1], post, ReactionKind.LIKE);
    rapport.follow(m[2], h("ada"));
    rapport.content().comment(m[3], post, "hi");

    Page<NotificationGroup> firstPage = rapport.notifications().groups(m[0], PageRequest.first(2));
    assertThat(firstPage.items()).extracting(NotificationGroupingContract::line)
        .containsExactly("COMMENTED Dan Example", "FOLLOWED Cyd Example");
    rapport.content().react(m[4], post, ReactionKind.LIKE); // joins the group on the next page
    rapport.follow(m[4], h("ada")); // joins the group already shown
    Page<NotificationGroup> secondPage = rapport.notifications().groups(m[0],
        new PageRequest(2, firstPage.next()));

    assertThat(secondPage.items()).extracting(NotificationGroupingContract::line)
        .containsExactly("REACTED Eve Example and Bob Example");
    assertThat(secondPage.next()).isEmpty();
    assertThat(lines(m[0])).containsExactly("COMMENTED Dan Example", "FOLLOWED Eve Example and Cyd Example",
        "REACTED Eve Example and Bob Example");
  }

  @Test
  void NT1_aGroupMetOnlyBelowTheNewestNotifications_stillComesBeforeOlderGroupsWhoseMembersAreNewer() {
    long[] m = members("ada", "bob", "cyd", "dan", "eve");
    long first = post(m[0]);
    long second = post(m[0]);
    rapport.content().comment(m[1], first, "1");
    rapport.content().comment(m[2], second, "2");
    rapport.follow(m[3], h("ada"));
    rapport.content().comment(m[1], second, "3");
    rapport.content().comment(m[2], first, "4");
    rapport.content().comment(m[4], second, "5");

    List<String> pages = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<NotificationGroup> page = rapport.notifications().groups(m[0], new PageRequest(1, cursor));
      page.items().forEach(g -> pages.add(line(g)));
      cursor = page.next();
    } while (cursor.isPresent());
    assertThat(pages).containsExactly("FOLLOWED Dan Example", "COMMENTED Eve Example and Bob Example +1",
        "COMMENTED Cyd Example and Bob Example");
  }

  @Test
  void NT1_B2_anActorBlockedEitherWay_isNeitherNamedNorCounted_andAMutedKindLeavesNoGroup() {
    long[] m = members("ada", "bob", "cyd", "dan", "eve");
    long post = post(m[0]);
    for (int i = 1; i < m.length; i++) {
      rapport.content().react(m[i], post, ReactionKind.LIKE);
    }
    rapport.block(m[0], h("eve"));
    rapport.block(m[3], h("ada"));

    NotificationGroup group = groups(m[0]).getFirst();
    assertThat(line(group)).isEqualTo("REACTED Cyd Example and Bob Example");

    rapport.block(m[0], h("bob"));
    rapport.block(m[0], h("cyd"));
    assertThat(groups(m[0])).as("no group is left of actors all hidden").isEmpty();

    rapport.unblock(m[0], h("bob"));
    rapport.notifications().mute(m[0], Set.of(NotificationKind.REACTED));
    assertThat(groups(m[0])).isEmpty();
    rapport.notifications().mute(m[0], Set.of());
    assertThat(lines(m[0])).containsExactly("REACTED Bob Example");
  }

  @Test
  void NT2_aGroupOfManyMarkedRead_inOneCall_byItsFirstIdUpToItsLatest_andNoOtherGroup() {
    long[] m = members("ada", "bob", "cyd");
    long post = post(m[0]);
    long other = post(m[0]);
    // More than the 1,000 ids a call took when a group was marked read by its ids.
    for (int i = 0; i < 1_001; i++) {
      rapport.content().comment(m[1], post, "comment " + i);
    }
    rapport.content().comment(m[2], other, "elsewhere");
    NotificationGroup many = groups(m[0]).getLast();
    assertThat(line(many)).isEqualTo("COMMENTED Bob Example");

    assertThat(rapport.notifications().markGroupRead(m[0], many.id(), many.latestId())).isEqualTo(1);

    assertThat(lines(m[0])).containsExactly("COMMENTED Cyd Example", "COMMENTED Bob Example read");
  }

  @Test
  void NT2_aNotificationThatJoinedTheGroupAfterUpTo_staysUnread() {
    long[] m = members("ada", "bob", "cyd", "dan");
    long post = post(m[0]);
    rapport.content().react(m[1], post, ReactionKind.LIKE);
    rapport.content().react(m[2], post, ReactionKind.LIKE);
    NotificationGroup shown = groups(m[0]).getFirst();
    rapport.content().react(m[3], post, ReactionKind.LIKE); // joins after the client showed the group

    assertThat(rapport.notifications().markGroupRead(m[0], shown.id(), shown.latestId())).isEqualTo(1);

    NotificationGroup now = groups(m[0]).getFirst();
    assertThat(now.id()).isEqualTo(shown.id());
    assertThat(line(now)).isEqualTo("REACTED Dan Example and Cyd Example +1");
    assertThat(rapport.notifications().markGroupRead(m[0], now.id(), now.latestId())).isZero();
    assertThat(lines(m[0])).containsExactly("REACTED Dan Example and Cyd Example +1 read");
  }

  @Test
  void NT2_aNotificationOfItsOwn_isMarkedReadAlone_evenWithALaterUpTo() {
    long[] m = members("ada", "bob", "cyd");
    connect(m[1], "bob", m[0], "ada");
    connect(m[2], "cyd", m[0], "ada");
    List<NotificationGroup> groups = groups(m[0]);
    NotificationGroup bobs = groups.getLast();

    assertThat(rapport.notifications().markGroupRead(m[0], bobs.id(), groups.getFirst().latestId())).isEqualTo(1);

    assertThat(lines(m[0])).containsExactly("INVITATION_RECEIVED Cyd Example", "INVITATION_RECEIVED Bob Example read");
  }

  @Test
  void NT2_anotherMembersOrAnUnknownGroupId_orAnUpToBelowIt_isRefused_andChangesNothing() {
    long[] m = members("ada", "bob", "cyd");
    long post = post(m[0]);
    rapport.content().react(m[1], post, ReactionKind.LIKE);
    rapport.content().react(m[2], post, ReactionKind.LIKE);
    rapport.follow(m[2], h("bob"));
    NotificationGroup adas = groups(m[0]).getFirst();
    NotificationGroup bobs = groups(m[1]).getFirst();

    assertThatThrownBy(() -> rapport.notifications().markGroupRead(m[1], adas.id(), adas.latestId()))
        .as("ada's group is not bob's").isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rapport.notifications().markGroupRead(m[0], bobs.id(), bobs.latestId()))
        .as("bob's group is not ada's").isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rapport.notifications().markGroupRead(m[0], Long.MAX_VALUE - 1, Long.MAX_VALUE))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> rapport.notifications().markGroupRead(m[0], adas.id(), adas.id() - 1))
        .isInstanceOf(InvalidInputException.class);

    assertThat(rapport.notifications().unread(m[0])).isEqualTo(2);
    assertThat(rapport.notifications().unread(m[1])).isEqualTo(1);
  }
}
