package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Commit;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.model.Handle;
import dev.rapport.model.Invitation;
import dev.rapport.model.InvitationState;
import dev.rapport.model.Member;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Settings;
import dev.rapport.store.CommitOutcome;
import dev.rapport.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every part of the store contract stands on: a fresh store on the backend under test for
 * each test, closed after it, and the members, commits and pages the tests build.
 */
abstract class StoreFixture {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final StoreUnderTest target;

  StoreFixture(StoreUnderTest target) {
    this.target = target;
  }

  String freshDatabase() {
    return target.freshDatabase();
  }

  Store open(String database) {
    return target.open(database);
  }

  void execute(String database, String sql) {
    target.execute(database, sql);
  }

  boolean loadsExactlyAtTheirPosition() {
    return target.loadsExactlyAtTheirPosition();
  }

  String database;
  Store store;
  long nextId = 1_000;

  @BeforeEach
  void openFreshStore() {
    database = freshDatabase();
    store = open(database);
  }

  /** Closing twice is harmless, so tests that close the store themselves need not reopen it. */
  @AfterEach
  void closeStore() {
    store.close();
  }

  // ---- fixtures ------------------------------------------------------------------------------

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  Member person(String handle) {
    return person(nextId++, handle);
  }

  static Member person(long id, String handle) {
    return new Member(id, Handle.of(handle), MemberKind.PERSON, "Name of " + handle, "headline",
        Optional.of(handle + "@example.com"), "basic", T0, Settings.DEFAULTS, 0, 0);
  }

  Member add(String handle) {
    return add(person(handle));
  }

  Member add(Member member) {
    applied(Map.of(), List.of(new Change.AddMember(member)), event(EventType.MEMBER_CREATED, member.id(), 0));
    return member;
  }

  static Event event(EventType type, long actor, long subject) {
    return new Event(0, type, T0, actor, subject, 0);
  }

  CommitOutcome commit(Map<Long, Long> versions, List<Change> changes, Event... events) {
    return store.commit(new Commit(versions, changes, List.of(events)));
  }

  long applied(Map<Long, Long> versions, List<Change> changes, Event... events) {
    CommitOutcome outcome = commit(versions, changes, events);
    assertThat(outcome).isInstanceOf(CommitOutcome.Applied.class);
    return ((CommitOutcome.Applied) outcome).lastSeq();
  }

  void apply(Change... changes) {
    applied(Map.of(), List.of(changes));
  }

  long version(Member member) {
    return store.member(member.id()).orElseThrow().version();
  }

  long invitationId = 50_000;

  Invitation invitation(Member from, Member to, InvitationState state, Instant sentAt) {
    return new Invitation(invitationId++, from.id(), to.id(), state, Optional.empty(), sentAt, sentAt,
        Optional.empty());
  }

  static List<String> handles(Page<Member> page) {
    return page.items().stream().map(m -> m.handle().value()).toList();
  }

  static <T> List<List<T>> allPages(Function<PageRequest, Page<T>> list, int limit) {
    List<List<T>> pages = new ArrayList<>();
    PageRequest request = PageRequest.first(limit);
    while (true) {
      Page<T> page = list.apply(request);
      pages.add(page.items());
      if (page.next().isEmpty()) {
        return pages;
      }
      request = new PageRequest(limit, page.next());
    }
  }
}
