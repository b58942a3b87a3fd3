package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.invitation.InvitationView;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.model.ConnectionsVisibility;
import dev.rapport.model.FollowsVisibility;
import dev.rapport.model.Handle;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.model.WhoCanFollow;
import dev.rapport.problem.RapportException;
import dev.rapport.readcache.CachedReads;
import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import dev.rapport.testing.seeded.SeededProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The answers a {@code Rapport} gives from memory (docs/decisions/0012) always equal the store's:
 * after random commands interleaved with the queries that fill its memory, and again after the
 * store is closed and opened, each query of every member about every member gets the same answer
 * from the remembering engine as from one that remembers nothing and reads the log before every
 * query. On SQLite, the embedded default.
 */
class CachedReadsProperties {
  private static final int MEMBERS = 5;
  private static final int QUERIES = 11;

  /** One step: member {@code a} gives command {@code kind} about member {@code b}, then asks query {@code query}. */
  record Step(int kind, int a, int b, int query) {}

  static List<Step> steps(RandomGenerator random) {
    int size = random.nextInt(1, 70);
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      // One step in four more invites or accepts, so that members share connections and lists run past a page.
      int kind = random.nextInt(16);
      kind = kind < 12 ? kind : kind % 2 == 0 ? 2 : 4;
      steps.add(new Step(kind, random.nextInt(MEMBERS), random.nextInt(MEMBERS), random.nextInt(QUERIES)));
    }
    return steps;
  }

  @Test
  void rememberedAnswers_equalTheStores_afterRandomCommands_andAfterARestart() {
    SeededProperty.tries(25).forAll(CachedReadsProperties::steps, CachedReadsProperties::answersAgree);
  }

  private static void answersAgree(List<Step> steps) {
    Path file = TestDatabases.freshSqliteFile();
    List<String> tokens = new ArrayList<>();
    try (Store store = SqliteStore.open(file)) {
      Rapport remembering = Rapport.builder().store(store).build();
      for (int i = 0; i < MEMBERS; i++) {
        tokens.add(remembering.createMember(NewMember.person("member-" + i, "Member " + i)).token());
      }
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        ask(remembering, tokens, step.query(), step.a(), step.b()); // fills the memory before the command
        act(remembering, step);
        ask(remembering, tokens, step.query(), step.b(), step.a());
        if (i % 10 == 9) {
          assertThat(everyAnswer(remembering, tokens)).isEqualTo(everyAnswer(forgetful(store), tokens));
        }
      }
      assertThat(everyAnswer(remembering, tokens)).as("after the commands")
          .isEqualTo(everyAnswer(forgetful(store), tokens));
      inMemoryJoinsAreTheStores(remembering, store);
    }
    try (Store store = SqliteStore.open(file)) {
      Rapport remembering = Rapport.builder().store(store).build();
      everyAnswer(remembering, tokens); // fills its memory
      assertThat(everyAnswer(remembering, tokens)).as("after a restart")
          .isEqualTo(everyAnswer(forgetful(store), tokens));
    }
  }

  /**
   * What queries join in memory is what the store's own reads answer: the state between two
   * members made from their ties, and the shared lists (the first page, and the cursor to the next).
   */
  private static void inMemoryJoinsAreTheStores(Rapport rapport, Store store) {
    CachedReads joins = new CachedReads(store, (a, b) -> store.pair(a, b).connected(), 0, 4);
    for (int v = 0; v < MEMBERS; v++) {
      for (int m = 0; m < MEMBERS; m++) {
        long viewer = id(rapport, v);
        long member = id(rapport, m);
        assertThat(joins.pair(viewer, member)).as("between %d and %d", v, m).isEqualTo(store.pair(viewer, member));
        Handle handle = handle(m);
        Object answered = answer(() -> twoPages(p -> rapport.mutualConnections(viewer, handle, p).page()));
        if (v != m && answered instanceof List<?>) {
          assertThat(answered).as("%d's mutual connections with %d", v, m)
              .isEqualTo(twoPages(p -> store.connections(member, true, viewer, p)));
        }
      }
    }
  }

  /** An engine that remembers nothing and reads the log before every query: the store's own answers. */
  private static Rapport forgetful(Store store) {
    return Rapport.builder().store(store).cachedMembers(0).logReadEvery(Duration.ZERO).build();
  }

  private static Handle handle(int i) {
    return Handle.of("member-" + i);
  }

  private static void act(Rapport rapport, Step step) {
    long a = id(rapport, step.a());
    Handle b = handle(step.b());
    try {
      switch (step.kind()) {
        case 0 -> rapport.follow(a, b);
        case 1 -> rapport.unfollow(a, b);
        case 2, 3 -> rapport.invitations().invite(a, new SendInvitation(b, Optional.empty(), Optional.empty()));
        case 4 -> received(rapport, a).ifPresent(inv -> rapport.invitations().accept(a, inv.invitation().id()));
        case 5 -> received(rapport, a).ifPresent(inv -> rapport.invitations().ignore(a, inv.invitation().id()));
        case 6 -> rapport.removeConnection(a, b);
        case 7 -> rapport.block(a, b);
        case 8 -> rapport.unblock(a, b);
        case 9 -> rapport.updateMe(a, new ProfileUpdate(Optional.of("Renamed " + step.b()), Optional.empty(),
            Optional.empty(), Optional.of(step.b() % 2 == 0 ? WhoCanFollow.EVERYONE : WhoCanFollow.CONNECTIONS),
            Optional.empty(), Optional.of(step.b() % 3 == 0 ? ConnectionsVisibility.ONLY_ME
                : ConnectionsVisibility.CONNECTIONS), Optional.empty(),
            Optional.of(step.b() % 4 < 2 ? FollowsVisibility.CONNECTIONS : FollowsVisibility.ONLY_ME)));
        case 10 -> rapport.dismissSuggestion(a, b);
        default -> rapport.removeFollower(a, b);
      }
    } catch (RapportException refused) {
      // A refusal changes nothing; the answers must still agree.
    }
  }

  private static Optional<InvitationView> received(Rapport rapport, long memberId) {
    return rapport.invitations().list(memberId, false, Optional.empty(), PageRequest.first()).items().stream().findFirst();
  }

  private static long id(Rapport rapport, int member) {
    return rapport.member(handle(member)).orElseThrow().id();
  }

  /** Every query of every member about every member, by name: an answer or the refusal it got. */
  private static Map<String, Object> everyAnswer(Rapport rapport, List<String> tokens) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (int v = 0; v < MEMBERS; v++) {
      for (int m = 0; m < MEMBERS; m++) {
        for (int query = 0; query < QUERIES; query++) {
          answers.put(v + " asks " + query + " about " + m, ask(rapport, tokens, query, v, m));
        }
      }
    }
    return answers;
  }

  private static Object ask(Rapport rapport, List<String> tokens, int query, int viewer, int member) {
    long v = rapport.authenticate(tokens.get(viewer)).orElseThrow().id();
    Handle m = handle(member);
    PageRequest page = PageRequest.first(20);
    return answer(switch (query) {
      case 0 -> () -> rapport.profile(v, m);
      case 1 -> () -> rapport.connections(v, m, page);
      case 2 -> () -> rapport.mutualConnections(v, m, page);
      case 3 -> () -> rapport.followers(v, m, page);
      case 4 -> () -> rapport.following(v, m, page);
      case 5 -> () -> rapport.suggestions(v, page);
      case 6 -> () -> Arrays.toString(rapport.degrees(v, IntStream.range(0, MEMBERS).mapToObj(
          CachedReadsProperties::handle).toList()));
      case 7 -> () -> rapport.member(m);
      case 8 -> () -> rapport.networkSize(v);
      // Pages of one, so that first pages give cursors and the next pages follow them.
      case 9 -> () -> twoPages(p -> rapport.connections(v, m, p));
      default -> () -> twoPages(p -> rapport.mutualConnections(v, m, p).page());
    });
  }

  private static <T> List<Page<T>> twoPages(Function<PageRequest, Page<T>> list) {
    Page<T> first = list.apply(PageRequest.first(1));
    return first.next().isEmpty() ? List.of(first)
        : List.of(first, list.apply(new PageRequest(1, first.next())));
  }

  private static Object answer(Supplier<Object> query) {
    try {
      return query.get();
    } catch (RapportException refused) {
      return refused.getClass().getSimpleName() + ": " + refused.getMessage();
    }
  }
}
