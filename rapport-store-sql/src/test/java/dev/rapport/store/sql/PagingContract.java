package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.kernel.Change;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The store contract, paging of every list: cursors, limits and order. Each backend runs it as a nested class. */
abstract class PagingContract extends StoreFixture {
  PagingContract(StoreUnderTest target) {
    super(target);
  }

  @Test
  void pages_walkTheWholeList_newestFirst_breakingTimeTiesByIdDescending() {
    Member ada = add("ada");
    List<Member> followers = IntStream.range(0, 7).mapToObj(i -> add("follower-" + i)).toList();
    for (int i = 0; i < followers.size(); i++) {
      apply(new Change.AddFollow(followers.get(i).id(), ada.id(), at(i / 2)));
    }
    List<List<String>> pages = allPages(p -> store.followers(ada.id(), false, ada.id(), p), 3)
        .stream().map(page -> page.stream().map(m -> m.handle().value()).toList()).toList();
    assertThat(pages).containsExactly(
        List.of("follower-6", "follower-5", "follower-4"),
        List.of("follower-3", "follower-2", "follower-1"),
        List.of("follower-0"));
  }

  @Test
  void aFullLastPage_hasNoNextCursor() {
    Member ada = add("ada");
    for (int i = 0; i < 4; i++) {
      Member other = add("other-" + i);
      apply(new Change.AddConnection(ada.id(), other.id(), at(i)));
    }
    assertThat(allPages(p -> store.connections(ada.id(), false, ada.id(), p), 2)).hasSize(2)
        .allSatisfy(page -> assertThat(page).hasSize(2));
  }

  @Test
  void everyList_pages() {
    Member ada = add("ada");
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Member other = add("other-" + i);
      Member blocked = add("blocked-" + i);
      changes.add(new Change.AddFollow(ada.id(), other.id(), at(i)));
      changes.add(new Change.AddBlock(ada.id(), blocked.id(), at(i)));
      changes.add(new Change.AddInvitation(invitation(other, ada, InvitationState.PENDING, at(i))));
      changes.add(new Change.AddNotification(new Notification(100 + i, ada.id(), NotificationKind.FOLLOWED,
          ada.id(), 0, at(i), false)));
    }
    apply(changes.toArray(Change[]::new));
    assertThat(allPages(p -> store.following(ada.id(), ada.id(), p), 2)).hasSize(3);
    assertThat(allPages(p -> store.blocked(ada.id(), p), 2)).hasSize(3);
    assertThat(allPages(p -> store.invitations(ada.id(), false, EnumSet.of(InvitationState.PENDING), p), 2)).hasSize(3);
    assertThat(allPages(p -> store.notifications(ada.id(), p), 2)).hasSize(3)
        .last().satisfies(page -> assertThat(page).extracting(Notification::id).containsExactly(100L));
  }

  @Test
  void aMalformedCursor_isInvalidInput() {
    Member ada = add("ada");
    String notBase64 = "***";
    String wrongShape = java.util.Base64.getUrlEncoder().encodeToString("12".getBytes());
    String notNumbers = java.util.Base64.getUrlEncoder().encodeToString("a:b".getBytes());
    for (String cursor : Arrays.asList(notBase64, wrongShape, notNumbers, "")) {
      PageRequest page = new PageRequest(10, Optional.of(cursor));
      assertThatThrownBy(() -> store.followers(ada.id(), false, ada.id(), page))
          .isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).type()).isEqualTo("invalid-cursor"));
    }
    PageRequest page = new PageRequest(10, Optional.of(notBase64));
    assertThatThrownBy(() -> store.notifications(ada.id(), page)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> store.invitations(ada.id(), true, Set.of(), page)).isInstanceOf(InvalidInputException.class);
  }
}
