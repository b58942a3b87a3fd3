package dev.rapport.connection;

import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.connectionsVisibility;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.notifications;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static dev.rapport.Fixtures.withSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.connection.Connections.ListScope;
import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.Member;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import org.junit.jupiter.api.Test;

/** Removing a connection (C10) and who sees a connection list (P1), on literal state. */
class ConnectionRulesTest {
  final Member ada = member("ada");
  final Member bob = member("bob");
  final Member hidden = withSettings(bob, connectionsVisibility(ConnectionsVisibility.ONLY_ME));

  @Test
  void C10_removingAConnection_removesItAndBothFollows_withoutNotification() {
    Effects effects = effects();
    assertThat(result(Connections.remove(pair(ada, bob).connected().build(), effects))).isTrue();
    assertThat(changes(effects)).containsExactly(
        new Change.RemoveConnection(ada.id(), bob.id()),
        new Change.RemoveFollow(ada.id(), bob.id()),
        new Change.RemoveFollow(bob.id(), ada.id()));
    assertThat(notifications(effects)).isEmpty();
  }

  @Test
  void C10_removesOnlyTheFollowsThatExist() {
    Effects effects = effects();
    Connections.remove(pair(ada, bob).connectedOnly().otherFollows().build(), effects);
    assertThat(changes(effects)).containsExactly(
        new Change.RemoveConnection(ada.id(), bob.id()), new Change.RemoveFollow(bob.id(), ada.id()));
  }

  @Test
  void C10_removingWhatIsNotAConnection_isRefused() {
    refused(RuleBrokenException.class, "not-connected", () -> Connections.remove(pair(ada, bob).build(), effects()));
    refused(NotFoundException.class, "member-not-found",
        () -> Connections.remove(pair(ada, bob).connected().otherBlocked().build(), effects()));
  }

  @Test
  void P1_byDefault_theMemberAndConnectionsSeeTheWholeList_othersTheSharedPart() {
    assertThat(Connections.listScope(pair(bob, bob).build())).isEqualTo(ListScope.WHOLE);
    assertThat(Connections.listScope(pair(ada, bob).connected().build())).isEqualTo(ListScope.WHOLE);
    assertThat(Connections.listScope(pair(ada, bob).build())).isEqualTo(ListScope.SHARED);
  }

  @Test
  void P1_onlyMe_hidesTheListFromEveryoneElse_butSharedConnectionsStayVisible() {
    assertThat(Connections.listScope(pair(ada, hidden).connected().build())).isEqualTo(ListScope.SHARED);
    assertThat(Connections.listScope(pair(ada, hidden).build())).isEqualTo(ListScope.SHARED);
    assertThat(Connections.listScope(pair(hidden, hidden).build())).isEqualTo(ListScope.WHOLE);
  }

  @Test
  void P1_acrossABlock_thereIsNoList() {
    refused(NotFoundException.class, "member-not-found",
        () -> Connections.listScope(pair(ada, bob).otherBlocked().build()));
    refused(NotFoundException.class, "member-not-found",
        () -> Connections.listScope(pair(ada, bob).actorBlocked().build()));
  }
}
