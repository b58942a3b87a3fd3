package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.messaging.ConversationView;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Message;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.RapportException;
import dev.rapport.store.Store;
import dev.rapport.testing.seeded.SeededProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A member's first page of conversations, remembered and brought up to date from the messages,
 * receipts and answers since (docs/decisions/0044-the-conversation-page-patches-itself.md), always
 * equals the store's: after random sequences of sends, reads (to the newest message or an older
 * one), accepts, declines, blocks, unblocks, connections made and removed, some taken by another
 * engine on the same store, each member's first pages of one, two and three conversations, and the
 * page their cursor points to, are the same from the remembering engine as from one that remembers
 * nothing. Members ask at random between steps, so that a page catches up with one change or many.
 * On SQLite here; {@code PostgresConversationPagesIT} runs it on PostgreSQL.
 */
class ConversationPagesProperties {
  static final int MEMBERS = 6;
  private static final int[] LIMITS = {1, 2, 3};

  /** Member {@code a} acts on {@code b} with {@code kind}; {@code elsewhere} through the other engine; then those of {@code askers} ask. */
  record Step(int kind, int a, int b, boolean elsewhere, int askers, int limit) {}

  static List<Step> steps(RandomGenerator random) {
    int size = random.nextInt(1, 60);
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      // Half the steps send, so that lists run past a page and conversations move up through it.
      int kind = random.nextBoolean() ? 0 : random.nextInt(9);
      steps.add(new Step(kind, random.nextInt(MEMBERS), random.nextInt(MEMBERS), random.nextInt(5) == 0,
          random.nextInt(1 << MEMBERS), LIMITS[random.nextInt(LIMITS.length)]));
    }
    return steps;
  }

  @Test
  void MS1_MS4_rememberedFirstPages_equalTheStores_afterRandomMessagesReadsAnswersBlocksAndRemovals() {
    SeededProperty.tries(30).forAll(ConversationPagesProperties::steps, steps -> agree(steps, TestStores::freshSqlite));
  }

  static void agree(List<Step> steps, Supplier<Store> fresh) throws Exception {
    try (Store store = fresh.get()) {
      Rapport remembering = Rapport.builder().store(store).logReadEvery(Duration.ZERO).build();
      Rapport forgetful = Rapport.builder().store(store).cachedMembers(0).logReadEvery(Duration.ZERO).build();
      long[] ids = new long[MEMBERS];
      for (int i = 0; i < MEMBERS; i++) {
        // Even members are premium (InMail), members 1 and 3 have Open Profile: most pairs may write.
        ids[i] = remembering.createMember(new NewMember(handle(i), MemberKind.PERSON, "Member " + i, "",
            Optional.empty(), Optional.of(i % 2 == 0 || i == 1 || i == 3 ? "premium" : "basic"))).member().id();
        if (i == 1 || i == 3) {
          ProfileUpdate none = ProfileUpdate.none();
          remembering.updateMe(ids[i], new ProfileUpdate(none.name(), none.headline(), none.followPrimary(),
              none.whoCanFollow(), none.whoCanInvite(), none.connectionsVisibility(), Optional.of(true),
              none.followsVisibility()));
        }
      }
      SeededProperty.eachStep(steps, step -> {
        act(step.elsewhere() ? forgetful : remembering, forgetful, ids, step);
        for (int m = 0; m < MEMBERS; m++) {
          if ((step.askers() & 1 << m) != 0) {
            remembering.messaging().conversations(ids[m], PageRequest.first(step.limit()));
          }
        }
        for (int m = 0; m < MEMBERS; m++) {
          for (int limit : LIMITS) {
            assertThat(twoPages(remembering, ids[m], limit)).as("member %d's first %d and the next", m, limit)
                .isEqualTo(twoPages(forgetful, ids[m], limit));
          }
        }
      });
    }
  }

  private static Handle handle(int i) {
    return Handle.of("member-" + i);
  }

  /** The first page and the one its cursor points to, as "other:unread:state:requester:last message id" with the cursors. */
  private static List<String> twoPages(Rapport rapport, long member, int limit) {
    List<String> shown = new ArrayList<>();
    Page<ConversationView> first = rapport.messaging().conversations(member, PageRequest.first(limit));
    show(first, shown);
    if (first.next().isPresent()) {
      show(rapport.messaging().conversations(member, new PageRequest(limit, first.next())), shown);
    }
    return shown;
  }

  private static void show(Page<ConversationView> page, List<String> shown) {
    for (ConversationView v : page.items()) {
      shown.add(v.other().handle().value() + ":" + v.mine() + ":" + v.conversation() + ":" + v.lastMessage());
    }
    shown.add("next " + page.next().orElse("none"));
  }

  private static void act(Rapport actor, Rapport store, long[] ids, Step step) {
    long a = ids[step.a()];
    Handle b = handle(step.b());
    Supplier<Optional<ConversationView>> between = () -> store.messaging().conversations(a, PageRequest.first(50))
        .items().stream().filter(v -> v.other().id() == ids[step.b()]).findFirst();
    try {
      switch (step.kind()) {
        case 0 -> actor.messaging().send(a, b, "from " + step.a() + " to " + step.b());
        case 1 -> between.get().ifPresent(v -> actor.messaging().read(a, v.conversation().id(), Optional.empty()));
        case 2 -> between.get().ifPresent(v -> {
          // Read up to the message before the newest, so that some stay unread.
          List<Message> newest = store.messaging().messages(a, v.conversation().id(), PageRequest.first(2)).items();
          actor.messaging().read(a, v.conversation().id(), Optional.of(newest.getLast().id()));
        });
        case 3 -> between.get().ifPresent(v -> actor.messaging().accept(a, v.conversation().id()));
        case 4 -> between.get().ifPresent(v -> actor.messaging().decline(a, v.conversation().id()));
        case 5 -> actor.block(a, b);
        case 6 -> actor.unblock(a, b);
        case 7 -> {
          var sent = actor.invitations().invite(a, new SendInvitation(b, Optional.empty(), Optional.empty()));
          actor.invitations().accept(ids[step.b()], sent.invitation().id());
        }
        default -> actor.removeConnection(a, b);
      }
    } catch (RapportException refused) {
      // A refusal changes nothing; the pages are compared all the same.
    }
  }
}
