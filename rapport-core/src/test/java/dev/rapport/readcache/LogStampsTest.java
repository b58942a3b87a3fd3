package dev.rapport.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which answers each event makes stale (docs/decisions/0031-a-post-changes-its-own-answers.md): every
 * event names its members for {@link MemberEvents#ALL}; a post or a deletion also for what lists an
 * author's posts; an event not about a post for everything; a post's events always stamp its id.
 */
class LogStampsTest {
  private static final long ACTOR = 11;
  private static final long AUTHOR = 22;
  private static final long POST = 1_000_001;
  private static final long BEFORE = 4;
  private static final Set<EventType> ABOUT_A_POST = EnumSet.of(EventType.POSTED, EventType.POST_EDITED,
      EventType.POST_DELETED, EventType.REACTED, EventType.REACTION_CHANGED, EventType.REACTION_REMOVED,
      EventType.COMMENTED, EventType.COMMENT_DELETED);

  /** The kinds of events under which an event of this type leaves the member stale. */
  private static Set<MemberEvents> staleUnder(EventType type, long member) {
    // Enough buckets that these few ids never share one.
    LogStamps stamps = new LogStamps(20);
    stamps.record(new Event(BEFORE + 1, type, Instant.EPOCH, ACTOR, AUTHOR, POST));
    Set<MemberEvents> stale = EnumSet.noneOf(MemberEvents.class);
    for (MemberEvents events : MemberEvents.values()) {
      if (!stamps.unchangedSince(BEFORE, new long[] {member}, events)) {
        stale.add(events);
      }
    }
    return stale;
  }

  @Test
  void anEventNotAboutAPost_makesItsMembersAnswersStale_underEveryKind() {
    for (EventType type : EnumSet.complementOf(EnumSet.copyOf(ABOUT_A_POST))) {
      assertThat(staleUnder(type, ACTOR)).as(type.name()).containsExactlyInAnyOrder(MemberEvents.values());
      assertThat(staleUnder(type, AUTHOR)).as(type.name()).containsExactlyInAnyOrder(MemberEvents.values());
      assertThat(staleUnder(type, POST)).as("%s does not carry a post's id", type).isEmpty();
    }
  }

  @Test
  void aPostOrADeletion_leavesItsMembersTiesCurrent_andWhatListsTheirPostsStale() {
    for (EventType type : EnumSet.of(EventType.POSTED, EventType.POST_DELETED)) {
      for (long member : new long[] {ACTOR, AUTHOR}) {
        assertThat(staleUnder(type, member)).as(type.name())
            .containsExactlyInAnyOrder(MemberEvents.ALL, MemberEvents.ALL_BUT_ENGAGEMENT);
      }
      assertThat(staleUnder(type, POST)).as(type.name()).containsExactly(MemberEvents.ALL);
    }
  }

  @Test
  void aReactionCommentOrEdit_makesStaleOnlyWhatDependsOnAllOfTheirEvents_andThePost() {
    EnumSet<EventType> engagement = EnumSet.copyOf(ABOUT_A_POST);
    engagement.removeAll(EnumSet.of(EventType.POSTED, EventType.POST_DELETED));
    for (EventType type : engagement) {
      assertThat(staleUnder(type, ACTOR)).as(type.name()).containsExactly(MemberEvents.ALL);
      assertThat(staleUnder(type, AUTHOR)).as(type.name()).containsExactly(MemberEvents.ALL);
      assertThat(staleUnder(type, POST)).as(type.name()).containsExactly(MemberEvents.ALL);
    }
  }

  @Test
  void anEventAtOrBeforeTheAnswersPosition_leavesItCurrent() {
    LogStamps stamps = new LogStamps(20);
    stamps.record(new Event(BEFORE, EventType.FOLLOWED, Instant.EPOCH, ACTOR, AUTHOR, 0));
    for (MemberEvents events : MemberEvents.values()) {
      assertThat(stamps.unchangedSince(BEFORE, new long[] {ACTOR, AUTHOR}, events)).isTrue();
    }
  }
}
