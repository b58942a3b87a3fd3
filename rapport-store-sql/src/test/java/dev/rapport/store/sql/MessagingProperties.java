package dev.rapport.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.invitation.SendInvitation;
import dev.rapport.kernel.Policy;
import dev.rapport.member.NewMember;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.messaging.ConversationView;
import dev.rapport.messaging.SentMessage;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Tier;
import dev.rapport.problem.RapportException;
import dev.rapport.store.Store;
import dev.rapport.testing.TestDatabases;
import dev.rapport.testing.seeded.SeededProperty;
import dev.rapport.time.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * MS1-MS4 and M2's credits against a naive model (decision 0006): on random sequences of messages,
 * reads, answers to requests, connections made and removed, blocks and the clock moving days to
 * months, each command's outcome (what it cost, or its refusal), every member's InMail credits and
 * every member's list of conversations (order, unread counts, requests) equal the model's after
 * every step. The model grants credits a month at a time, where the engine adds months at once. On
 * SQLite; the rules are the same on PostgreSQL.
 */
class MessagingProperties {
  private static final int MEMBERS = 5;
  /**
   * Members 0 and 1 are premium with one credit a month (at most 2), so that most tries run out; 2 and
   * 3 basic; 4 premium with Open Profile.
   */
  private static final Tier SCARCE = new Tier("premium", 250, 250, -1, 300, 1, 2, true);
  private static final Instant START = Instant.parse("2026-01-30T10:00:00Z");

  record Step(int kind, int a, int b, int days) {}

  static List<Step> steps(RandomGenerator random) {
    int size = random.nextInt(20) == 0 ? 1 : random.nextInt(20, 80);
    List<Step> steps = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      // Half the steps send, so that conversations fill and credits run out.
      int kind = random.nextBoolean() ? 0 : random.nextInt(8);
      steps.add(new Step(kind, random.nextInt(MEMBERS), random.nextInt(MEMBERS), new int[] {1, 12, 40}[random.nextInt(3)]));
    }
    return steps;
  }

  private static final Map<String, Integer> REACHED = new ConcurrentHashMap<>();

  @Test
  void MS2_MS4_creditsUnreadCountsAndOutcomes_equalANaiveModel() {
    REACHED.clear();
    SeededProperty property = SeededProperty.tries(40);
    property.forAll(MessagingProperties::steps, MessagingProperties::agree);
    if (!property.replaying()) {
      assertThat(REACHED).as("outcomes reached").containsKeys("INMAIL", "OPEN_PROFILE", "CONNECTION",
          "REPLY_TO_REQUEST", "ACCEPTED_CONVERSATION", "no-inmail-credits", "request-pending", "request-declined",
          "not-connected-needs-inmail", "member-blocked", "refund", "read", "accept", "decline");
    }
  }

  /** The naive model: pairs by "low:high", months counted one by one. */
  private static final class Model {
    final long[] ids = new long[MEMBERS];
    final boolean[] premium = {true, true, false, false, true};
    final Instant[] joined = new Instant[MEMBERS];
    final Set<String> connected = new HashSet<>();
    final Set<String> blocks = new HashSet<>();
    final Map<String, Conv> conversations = new HashMap<>();
    final Integer[] balance = new Integer[MEMBERS];
    final int[] month = new int[MEMBERS];
    long sequence;

    static final class Conv {
      long id;
      String state = "OPEN";
      int requester = -1;
      Instant requestedAt;
      boolean refundable;
      long last;
      final int[] unread = new int[MEMBERS];
    }

    static String pair(int a, int b) {
      return Math.min(a, b) + ":" + Math.max(a, b);
    }

    static int monthOf(Instant at) {
      LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
      return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    int credits(int m, Instant now) {
      if (!premium[m]) {
        return 0;
      }
      if (balance[m] == null) {
        balance[m] = 0;
        month[m] = monthOf(joined[m]) - 1;
      }
      while (month[m] < monthOf(now)) {
        month[m]++;
        balance[m] = Math.max(balance[m], Math.min(SCARCE.inMailCap(), balance[m] + SCARCE.inMailPerMonth()));
      }
      return balance[m];
    }

    /** What a message from a to b does to the model; the access or the refusal's type. */
    String send(int a, int b, Instant now) {
      if (a == b) {
        return "cannot-message-self";
      }
      if (blocks.contains(b + ">" + a)) {
        return "member-not-found";
      }
      if (blocks.contains(a + ">" + b)) {
        return "member-blocked";
      }
      Conv c = conversations.get(pair(a, b));
      String access = null;
      if (connected.contains(pair(a, b))) {
        access = "CONNECTION";
      } else if (c != null && c.state.equals("ACCEPTED")) {
        access = "ACCEPTED_CONVERSATION";
      } else if (c != null && c.state.equals("REQUEST")) {
        if (c.requester == a) {
          return "request-pending";
        }
        access = "REPLY_TO_REQUEST";
      } else if (c != null && c.state.equals("DECLINED")) {
        return "request-declined";
      } else if (b == 4) {
        access = "OPEN_PROFILE";
      } else if (!premium[a]) {
        return "not-connected-needs-inmail";
      } else if (credits(a, now) == 0) {
        return "no-inmail-credits";
      } else {
        access = "INMAIL";
      }
      if (c == null) {
        c = new Conv();
        conversations.put(pair(a, b), c);
      }
      if (c.refundable && c.requester == b && now.isBefore(c.requestedAt.plus(Duration.ofDays(90)))) {
        credits(b, now);
        balance[b]++;
        c.refundable = false;
        REACHED.merge("refund", 1, Integer::sum);
      }
      switch (access) {
        case "CONNECTION" -> c.state = c.state.equals("ACCEPTED") ? "ACCEPTED" : "OPEN";
        case "REPLY_TO_REQUEST" -> c.state = "ACCEPTED";
        case "OPEN_PROFILE", "INMAIL" -> {
          c.state = "REQUEST";
          c.requester = a;
          c.requestedAt = now;
          c.refundable = access.equals("INMAIL");
          if (c.refundable) {
            credits(a, now);
            balance[a]--;
          }
        }
        default -> { }
      }
      c.last = ++sequence;
      c.unread[a] = 0;
      c.unread[b]++;
      return access;
    }

    boolean visible(int a, int b) {
      return !blocks.contains(a + ">" + b) && !blocks.contains(b + ">" + a);
    }
  }

  private static void agree(List<Step> steps) throws Exception {
    AdjustableClock clock = AdjustableClock.fixedAt(START);
    try (Store store = SqliteStore.open(TestDatabases.freshSqliteFile())) {
      Rapport rapport = Rapport.builder().store(store).clock(clock).policy(Policy.defaults().withTier(SCARCE)).build();
      Model model = new Model();
      for (int i = 0; i < MEMBERS; i++) {
        model.ids[i] = rapport.createMember(new NewMember(handle(i), MemberKind.PERSON, "Member " + i, "",
            Optional.empty(), Optional.of(model.premium[i] ? "premium" : "basic"))).member().id();
        model.joined[i] = START;
      }
      ProfileUpdate none = ProfileUpdate.none();
      rapport.updateMe(model.ids[4], new ProfileUpdate(none.name(), none.headline(), none.followPrimary(),
          none.whoCanFollow(), none.whoCanInvite(), none.connectionsVisibility(), Optional.of(true),
          none.followsVisibility()));
      SeededProperty.eachStep(steps, step -> {
        act(rapport, model, step, clock);
        for (int m = 0; m < MEMBERS; m++) {
          assertThat(rapport.messaging().credits(model.ids[m]).balance()).as("member %d's credits", m)
              .isEqualTo(model.credits(m, clock.instant()));
          assertThat(list(rapport, model, m)).as("member %d's conversations", m).isEqualTo(expectedList(model, m));
        }
      });
    }
  }

  private static Handle handle(int i) {
    return Handle.of("member-" + i);
  }

  private static void act(Rapport rapport, Model model, Step step, AdjustableClock clock) {
    int a = step.a();
    int b = step.b();
    long actor = model.ids[a];
    Model.Conv conv = model.conversations.get(Model.pair(a, b));
    String expected;
    String actual;
    switch (step.kind()) {
      case 0 -> {
        expected = model.send(a, b, clock.instant());
        actual = outcome(() -> {
          SentMessage sent = rapport.messaging().send(actor, handle(b), "step");
          model.conversations.get(Model.pair(a, b)).id = sent.conversation().id();
          return sent.access().name();
        });
      }
      case 1 -> {
        if (conv == null || conv.id == 0 || a == b) {
          return;
        }
        expected = model.visible(a, b) ? "read" : "conversation-not-found";
        if (expected.equals("read")) {
          conv.unread[a] = 0;
        }
        actual = outcome(() -> {
          rapport.messaging().read(actor, conv.id, Optional.empty());
          return "read";
        });
      }
      case 2, 3 -> {
        if (conv == null || conv.id == 0 || a == b) {
          return;
        }
        boolean accept = step.kind() == 2;
        if (!model.visible(a, b)) {
          expected = "conversation-not-found";
        } else if (!conv.state.equals("REQUEST") || conv.requester != b) {
          expected = "request-not-pending";
        } else {
          expected = accept ? "accept" : "decline";
          conv.state = accept ? "ACCEPTED" : "DECLINED";
        }
        actual = outcome(() -> {
          if (accept) {
            rapport.messaging().accept(actor, conv.id);
          } else {
            rapport.messaging().decline(actor, conv.id);
          }
          return accept ? "accept" : "decline";
        });
      }
      case 4 -> {
        if (a == b || model.connected.contains(Model.pair(a, b)) || !model.visible(a, b)) {
          return;
        }
        var sent = rapport.invitations().invite(actor, new SendInvitation(handle(b), Optional.empty(), Optional.empty()));
        rapport.invitations().accept(model.ids[b], sent.invitation().id());
        model.connected.add(Model.pair(a, b));
        return;
      }
      case 5 -> {
        if (!model.connected.remove(Model.pair(a, b))) {
          return;
        }
        rapport.removeConnection(actor, handle(b));
        return;
      }
      case 6 -> {
        if (a == b || !model.visible(a, b) || step.days() != 12) {
          if (a != b && model.blocks.remove(a + ">" + b)) {
            rapport.unblock(actor, handle(b));
          }
          return;
        }
        rapport.block(actor, handle(b));
        model.blocks.add(a + ">" + b);
        model.connected.remove(Model.pair(a, b));
        return;
      }
      default -> {
        clock.advance(Duration.ofDays(step.days()));
        return;
      }
    }
    REACHED.merge(expected, 1, Integer::sum);
    assertThat(actual).as("outcome").isEqualTo(expected);
  }

  private interface Outcome {
    String get();
  }

  private static String outcome(Outcome action) {
    try {
      return action.get();
    } catch (RapportException e) {
      return e.type();
    }
  }

  /** A member's list as "other:unread:request-to-me", newest first. */
  private static List<String> list(Rapport rapport, Model model, int m) {
    List<String> shown = new ArrayList<>();
    for (ConversationView view : rapport.messaging().conversations(model.ids[m], PageRequest.first(50)).items()) {
      int other = (int) view.other().handle().value().charAt("member-".length()) - '0';
      shown.add(other + ":" + view.mine().unread() + ":" + view.requestToMe());
    }
    return shown;
  }

  private static List<String> expectedList(Model model, int m) {
    List<Map.Entry<String, Model.Conv>> mine = new ArrayList<>();
    for (var entry : model.conversations.entrySet()) {
      String[] pair = entry.getKey().split(":");
      int low = Integer.parseInt(pair[0]);
      int high = Integer.parseInt(pair[1]);
      int other = low == m ? high : high == m ? low : -1;
      if (other >= 0 && model.visible(m, other)) {
        mine.add(entry);
      }
    }
    mine.sort((x, y) -> Long.compare(y.getValue().last, x.getValue().last));
    List<String> expected = new ArrayList<>();
    for (var entry : mine) {
      String[] pair = entry.getKey().split(":");
      int other = Integer.parseInt(pair[0]) == m ? Integer.parseInt(pair[1]) : Integer.parseInt(pair[0]);
      Model.Conv c = entry.getValue();
      expected.add(other + ":" + c.unread[m] + ":" + (c.state.equals("REQUEST") && c.requester == other));
    }
    return expected;
  }
}
