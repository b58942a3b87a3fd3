package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Invitation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event log every committed change appends to (DESIGN decision 4), through the facade against a real store. */
public abstract class EventLogContract extends RulesContract {
  @Test
  void everyCommittedChange_appendsToTheOrderedEventLog() {
    long ada = member("ada");
    long bob = member("bob");
    Invitation invitation = invitationSent(ada, "bob");
    rapport.invitations().accept(bob, invitation.id());
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
