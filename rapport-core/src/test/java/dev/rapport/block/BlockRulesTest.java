package dev.rapport.block;

import static dev.rapport.Fixtures.NOW;
import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.notifications;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.pending;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Visibility;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import org.junit.jupiter.api.Test;

/** The block rules decided on literal state: B1, B2, B3. */
class BlockRulesTest {
  final Member ada = member("ada");
  final Member bob = member("bob");

  @Test
  void B1_blocking_removesConnection_followsBothWays_openInvitations_andWhatTheyGaveEachOther_silently() {
    Invitation open = pending(7, bob, ada);
    Effects effects = effects();
    assertThat(result(Blocks.block(pair(ada, bob).connected().open(open).build(), effects))).isTrue();

    assertThat(changes(effects)).containsExactly(
        new Change.AddBlock(ada.id(), bob.id(), NOW),
        new Change.RemoveConnection(ada.id(), bob.id()),
        new Change.RemoveFollow(ada.id(), bob.id()),
        new Change.RemoveFollow(bob.id(), ada.id()),
        new Change.UpdateInvitation(open.withState(InvitationState.CANCELED, NOW)),
        new Change.RemoveGiven(ada.id(), bob.id()));
    assertThat(notifications(effects)).as("NT1: never for block").isEmpty();
  }

  @Test
  void B1_blockingIsIdempotent_andEachSidesBlockStandsAlone() {
    Effects again = effects();
    assertThat(result(Blocks.block(pair(ada, bob).actorBlocked().build(), again))).isFalse();
    assertThat(again.isEmpty()).isTrue();
    Effects back = effects();
    assertThat(result(Blocks.block(pair(ada, bob).otherBlocked().build(), back))).isTrue();
    assertThat(changes(back)).containsExactly(new Change.AddBlock(ada.id(), bob.id(), NOW),
        new Change.RemoveGiven(ada.id(), bob.id()));
  }

  @Test
  void B1_cannotBlockYourself() {
    refused(RuleBrokenException.class, "cannot-block-self", () -> Blocks.block(pair(ada, ada).build(), effects()));
  }

  @Test
  void B2_aBlockEitherWay_hidesTheMemberFromReads() {
    for (PairState blocked : new PairState[] {pair(ada, bob).actorBlocked().build(), pair(ada, bob).otherBlocked().build()}) {
      refused(NotFoundException.class, "member-not-found", () -> Visibility.requireVisible(blocked));
    }
    Visibility.requireVisible(pair(ada, bob).build());
  }

  @Test
  void B2_blockedMembers_haveNoDegree() {
    long[] targets = {3, 5, 8};
    int[] degrees = {1, 2, 3};
    Visibility.hideBlocked(targets, degrees, new long[] {2, 5});
    assertThat(degrees).containsExactly(1, 0, 3);
  }

  @Test
  void B3_whoBlockedTheActorIsUnknownToThem_whomTheActorBlockedIsRefusedWithAReason() {
    refused(NotFoundException.class, "member-not-found",
        () -> Visibility.requireReachable(pair(ada, bob).otherBlocked().build()));
    var refusal = refused(RuleBrokenException.class, "member-blocked",
        () -> Visibility.requireReachable(pair(ada, bob).actorBlocked().build()));
    assertThat(refusal.getMessage()).contains("bob");
  }

  @Test
  void B3_unblocking_restoresNothing_andIsIdempotent() {
    Effects effects = effects();
    assertThat(result(Blocks.unblock(pair(ada, bob).actorBlocked().build(), effects))).isTrue();
    assertThat(changes(effects)).containsExactly(new Change.RemoveBlock(ada.id(), bob.id()));
    Effects again = effects();
    assertThat(result(Blocks.unblock(pair(ada, bob).otherBlocked().build(), again))).as("only one's own block").isFalse();
    assertThat(again.isEmpty()).isTrue();
  }
}
