package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.Rapport;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.CountedPage;
import dev.rapport.model.Handle;
import dev.rapport.model.Member;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.network.NetworkSize;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import dev.rapport.suggestion.SuggestedMember;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The network (N1, N2, N3, N4), through the facade against a real store. */
public abstract class NetworkRulesContract extends RulesContract {
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
  void N2_mutualConnections_listTheSharedOnes_withTheirTotal_evenUnderP1OnlyMe_andNoneAcrossABlock() {
    long[] members = diamondWithATail();
    long ada = members[0];
    long eve = members[4];
    assertThat(rapport.mutualConnections(ada, h("dan"), PageRequest.first()).page().items())
        .extracting(m -> m.handle().value()).containsExactlyInAnyOrder("bob", "cyd");
    CountedPage<Member> firstOfTwo = rapport.mutualConnections(ada, h("dan"), PageRequest.first(1));
    assertThat(firstOfTwo.page().next()).isPresent();
    assertThat(firstOfTwo.total()).as("the total counts every page").isEqualTo(2);
    assertThat(rapport.mutualConnections(ada, h("dan"), new PageRequest(1, firstOfTwo.page().next()))
        .total()).isEqualTo(2);
    assertThat(rapport.mutualConnections(ada, h("ada"), PageRequest.first()))
        .isEqualTo(new CountedPage<Member>(0, new Page<>(List.of(), Optional.empty())));

    // P1: a member who hides their connections still shows the ones they share.
    rapport.updateMe(members[3], ProfileUpdate.none().withConnectionsVisibility(ConnectionsVisibility.ONLY_ME));
    assertThat(rapport.mutualConnections(ada, h("dan"), PageRequest.first()).page().items())
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
