package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.model.PageRequest;
import dev.rapport.notification.NotificationView;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The rules of notifications a backend must keep: NT2's read and unread. */
public abstract class NotificationRulesContract extends RulesContract {

  private List<NotificationView> notifications(long member) {
    return rapport.notifications().list(member, PageRequest.first(200)).items();
  }

  private List<Boolean> readFlags(long member) {
    return notifications(member).stream().map(n -> n.notification().read()).toList();
  }

  @Test
  void NT2_notificationsArriveUnread_andMarkingAllReadClearsTheCount() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    rapport.follow(bob, h("ada"));
    invitationSent(cyd, "ada");

    assertThat(rapport.notifications().unread(ada)).isEqualTo(2);
    assertThat(readFlags(ada)).containsExactly(false, false);

    assertThat(rapport.notifications().markRead(ada, OptionalLong.empty())).isZero();

    assertThat(readFlags(ada)).containsExactly(true, true);
    assertThat(rapport.notifications().unread(ada)).isZero();
    assertThat(rapport.notifications().markRead(ada, OptionalLong.empty())).as("repeating is not an error").isZero();
    assertThat(rapport.notifications().unread(bob)).isZero();
  }

  @Test
  void NT2_markingReadUpToAnId_leavesNewerOnesUnread_andOthersNotificationsAlone() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    long dan = member("dan");
    rapport.follow(bob, h("ada"));
    rapport.follow(ada, h("dan"));
    long shown = notifications(ada).getFirst().notification().id();
    rapport.follow(cyd, h("ada")); // arrives after the client showed the list

    assertThat(rapport.notifications().markRead(ada, OptionalLong.of(shown))).isEqualTo(1);

    assertThat(readFlags(ada)).containsExactly(false, true);
    assertThat(rapport.notifications().unread(dan)).isEqualTo(1);
  }

  @Test
  void NT2_theUnreadCount_leavesOutWhatABlockHides() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    rapport.follow(bob, h("ada"));
    rapport.follow(cyd, h("ada"));
    rapport.block(ada, h("bob"));

    assertThat(notifications(ada)).hasSize(1);
    assertThat(rapport.notifications().unread(ada)).isEqualTo(1);
  }
}
