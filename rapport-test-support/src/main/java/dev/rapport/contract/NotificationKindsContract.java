package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Invitation;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.PageRequest;
import dev.rapport.model.PostVisibility;
import dev.rapport.model.ReactionKind;
import dev.rapport.notification.NotificationView;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of NT1's kinds a backend must keep: each notifies, never for ignore, withdraw, remove
 * or block, nothing across a block (B2); NT2's muted kinds; and each notification logged for the
 * live stream (docs/decisions/0035-notifications-at-commit-muted-and-logged.md).
 */
public abstract class NotificationKindsContract extends RulesContract {

  private List<NotificationView> notifications(long member) {
    return rapport.notifications().list(member, PageRequest.first(200)).items();
  }

  private List<NotificationKind> kinds(long member) {
    return notifications(member).stream().map(n -> n.notification().kind()).toList();
  }

  private long post(long author) {
    return rapport.content().post(author, "hello", PostVisibility.ANYONE).post().id();
  }

  @Test
  void NT1_aReactionAndACommentOnYourPost_notifyYou_once_andNeverForYourOwn() {
    long ada = member("ada");
    long bob = member("bob");
    long post = post(ada);

    rapport.content().react(bob, post, ReactionKind.LIKE);
    rapport.content().react(bob, post, ReactionKind.CELEBRATE); // a change does not notify again
    rapport.content().comment(bob, post, "well said");
    rapport.content().react(ada, post, ReactionKind.LIKE);
    rapport.content().comment(ada, post, "thanks");

    assertThat(kinds(ada)).containsExactly(NotificationKind.COMMENTED, NotificationKind.REACTED);
    assertThat(notifications(ada)).allSatisfy(n -> {
      assertThat(n.notification().refId()).isEqualTo(post);
      assertThat(n.actor().id()).isEqualTo(bob);
    });
    assertThat(rapport.notifications().unread(ada)).isEqualTo(2);
  }

  @Test
  void NT1_anEndorsementAndARecommendation_notifyTheirRecipient() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    rapport.endorsements().setSkills(ada, List.of("Java"));

    rapport.endorsements().endorse(bob, h("ada"), "Java");
    rapport.endorsements().endorse(bob, h("ada"), "java"); // the same endorsement again: nothing new
    long recommendation = rapport.endorsements().recommend(bob, h("ada"), "Ada ships.", Optional.empty())
        .recommendation().id();

    assertThat(kinds(ada)).containsExactly(NotificationKind.RECOMMENDED, NotificationKind.ENDORSED,
        NotificationKind.INVITATION_ACCEPTED);
    assertThat(notifications(ada).getFirst().notification().refId()).isEqualTo(recommendation);
  }

  @Test
  void NT1_aMessage_notifiesOncePerConversationWithUnreadMessages_againAfterItIsRead_andMutes() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    int before = notifications(bob).size();
    long conversation = rapport.messaging().send(ada, h("bob"), "one").conversation().id();
    rapport.messaging().send(ada, conversation, "two");

    List<NotificationView> received = notifications(bob).stream()
        .filter(n -> n.notification().kind() == NotificationKind.MESSAGE_RECEIVED).toList();
    assertThat(received).as("one for the conversation, not one per message").singleElement().satisfies(n -> {
      assertThat(n.notification().refId()).isEqualTo(conversation);
      assertThat(n.actor().id()).isEqualTo(ada);
    });
    rapport.messaging().send(bob, conversation, "a reply");
    assertThat(kinds(ada)).as("ada had read hers to the end: sending reads one's own side").contains(NotificationKind.MESSAGE_RECEIVED);

    rapport.messaging().read(bob, conversation, Optional.empty());
    rapport.messaging().send(ada, conversation, "three");
    assertThat(kinds(bob)).as("read, then a new message").hasSize(before + 2)
        .startsWith(NotificationKind.MESSAGE_RECEIVED, NotificationKind.MESSAGE_RECEIVED);

    rapport.notifications().mute(bob, Set.of(NotificationKind.MESSAGE_RECEIVED));
    assertThat(kinds(bob)).hasSize(before);
  }

  @Test
  void NT1_neverForIgnoreWithdrawRemoveOrBlock() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    long eve = member("eve");
    Invitation toBob = invitationSent(ada, "bob");
    rapport.invitations().ignore(bob, toBob.id());
    Invitation toCyd = invitationSent(ada, "cyd");
    rapport.invitations().withdraw(ada, toCyd.id());
    connect(bob, "bob", cyd, "cyd");
    int bobsBefore = notifications(bob).size();
    int cydsBefore = notifications(cyd).size();

    rapport.removeConnection(bob, h("cyd"));
    rapport.block(dan, h("eve"));

    assertThat(kinds(ada)).as("the sender of an ignored or withdrawn invitation is not told").isEmpty();
    assertThat(notifications(bob)).as("C10: removing is silent").hasSize(bobsBefore);
    assertThat(notifications(cyd)).hasSize(cydsBefore);
    assertThat(notifications(dan)).isEmpty();
    assertThat(notifications(eve)).as("a block tells nobody").isEmpty();
    assertThat(store.eventsAfter(0, 1000)).filteredOn(e -> e.type() == EventType.NOTIFIED)
        .as("one logged notice a notification, and no other")
        .hasSize(notifications(ada).size() + bobsBefore + cydsBefore);
  }

  @Test
  void B2_nothingIsNotifiedAcrossABlock_andWhatWasNotifiedBeforeIsHidden() {
    long ada = member("ada");
    long bob = member("bob");
    long post = post(ada);
    rapport.content().react(bob, post, ReactionKind.LIKE);
    assertThat(rapport.notifications().unread(ada)).isEqualTo(1);

    rapport.block(ada, h("bob"));

    assertThat(problemType(() -> rapport.content().comment(bob, post, "hello?"))).isEqualTo("post-not-found");
    assertThat(problemType(() -> rapport.follow(bob, h("ada")))).isNotEmpty();
    assertThat(notifications(ada)).isEmpty();
    assertThat(rapport.notifications().unread(ada)).isZero();
    rapport.unblock(ada, h("bob"));
    assertThat(kinds(ada)).as("the block hid it; unblocking shows it again").containsExactly(NotificationKind.REACTED);
  }

  @Test
  void NT2_aMutedKind_isNeitherListedNorCounted_andShowsAgainOnceUnmuted() {
    long ada = member("ada");
    long bob = member("bob");
    long post = post(ada);
    rapport.follow(bob, h("ada"));

    assertThat(rapport.notifications().mute(ada, Set.of(NotificationKind.REACTED, NotificationKind.COMMENTED)))
        .containsExactlyInAnyOrder(NotificationKind.REACTED, NotificationKind.COMMENTED);
    rapport.content().react(bob, post, ReactionKind.LIKE);
    rapport.content().comment(bob, post, "hi");

    assertThat(kinds(ada)).containsExactly(NotificationKind.FOLLOWED);
    assertThat(rapport.notifications().unread(ada)).isEqualTo(1);
    assertThat(rapport.notifications().muted(ada)).containsExactlyInAnyOrder(NotificationKind.REACTED,
        NotificationKind.COMMENTED);
    assertThat(rapport.notifications().muted(bob)).isEmpty();

    rapport.notifications().mute(ada, EnumSet.of(NotificationKind.COMMENTED));
    assertThat(kinds(ada)).containsExactly(NotificationKind.REACTED, NotificationKind.FOLLOWED);
    rapport.notifications().mute(ada, Set.of());
    assertThat(rapport.notifications().unread(ada)).isEqualTo(3);
  }

  @Test
  void NT2_muting_theSameKindsAgain_logsNothing() {
    long ada = member("ada");
    rapport.notifications().mute(ada, Set.of(NotificationKind.FOLLOWED));
    long before = store.lastPosition();

    rapport.notifications().mute(ada, Set.of(NotificationKind.FOLLOWED));

    assertThat(store.lastPosition()).isEqualTo(before);
  }

  @Test
  void NT2_eachNotification_isLoggedAboutItsRecipient_forTheLiveStream() {
    long ada = member("ada");
    long bob = member("bob");
    long after = store.lastPosition();
    rapport.follow(bob, h("ada"));
    rapport.notifications().markRead(ada, java.util.OptionalLong.empty());

    List<Event> aboutAda = store.eventsAbout(ada, after, store.lastPosition(), 100);

    assertThat(aboutAda).extracting(Event::type).containsExactly(EventType.FOLLOWED, EventType.NOTIFIED,
        EventType.NOTIFICATIONS_READ);
    long notificationId = notifications(ada).getFirst().notification().id();
    assertThat(aboutAda.get(1).refId()).isEqualTo(notificationId);
    assertThat(aboutAda.get(1).actorId()).isEqualTo(bob);
    assertThat(store.notifications(ada, new long[] {notificationId})).hasSize(1);
    assertThat(store.notifications(bob, new long[] {notificationId})).as("only the recipient's").isEmpty();
    assertThat(store.eventsAbout(ada, after, after, 100)).as("nothing past the upper bound").isEmpty();
  }
}
