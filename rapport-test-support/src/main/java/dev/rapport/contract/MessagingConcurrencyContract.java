package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.Rapport;
import dev.rapport.kernel.Event;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.Policy;
import dev.rapport.member.NewMember;
import dev.rapport.messaging.MessageAccess;
import dev.rapport.messaging.SentMessage;
import dev.rapport.model.Handle;
import dev.rapport.model.MemberKind;
import dev.rapport.model.Message;
import dev.rapport.model.PageRequest;
import dev.rapport.model.Tier;
import dev.rapport.store.Store;
import dev.rapport.time.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, acceptance 2: InMail credits never go negative and a refund happens exactly once, under
 * 32 concurrent senders and repliers, in phases between which the dev clock moves 20 to 40 days, so
 * that grants cross month boundaries; some repliers answer only in the last phase, when the first
 * phases' InMails are past the 90-day window. Each backend
 * runs it by extending it.
 */
public abstract class MessagingConcurrencyContract {
  private static final int SENDERS = 8;
  private static final int REPLIERS = 24;
  private static final int PHASES = 5;
  /** Repliers who answer only in the last phase, 110 days in: InMails of the first phases are then too old to refund. */
  private static final int LATE_REPLIERS = 6;
  private static final int COMMANDS_PER_THREAD = 30;
  /** Few credits, so that senders run out and the month's grant and its cap matter. */
  private static final Tier SCARCE = new Tier("premium", 250, 250, -1, 300, 3, 6, true);
  private static final Set<String> EXPECTED_REFUSALS = Set.of("request-pending", "no-inmail-credits",
      "not-connected-needs-inmail", "concurrent-update");

  /** A fresh, empty store. The suite closes it. */
  protected abstract Store openStore();

  private Store store;
  private Rapport rapport;
  private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-01-20T12:00:00Z"));
  private final List<Long> senders = new ArrayList<>();
  private final List<Long> repliers = new ArrayList<>();

  @BeforeEach
  void setUp() {
    store = openStore();
    rapport = Rapport.builder().store(store).clock(clock).policy(Policy.defaults().withTier(SCARCE)).build();
    for (int i = 0; i < SENDERS; i++) {
      senders.add(rapport.createMember(new NewMember(Handle.of("sender-" + i), MemberKind.PERSON, "Sender " + i, "",
          Optional.empty(), Optional.of("premium"))).member().id());
    }
    for (int i = 0; i < REPLIERS; i++) {
      repliers.add(rapport.createMember(NewMember.person("replier-" + i, "Replier " + i)).member().id());
    }
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void MS2_creditsNeverGoNegative_andEachRefundHappensOnce_under32Threads_acrossMonthsAndThe90DayWindow()
      throws Exception {
    for (int phase = 0; phase < PHASES; phase++) {
      Map<Long, Integer> before = new HashMap<>();
      senders.forEach(s -> before.put(s, rapport.messaging().credits(s).balance()));
      Map<Long, AtomicInteger> spent = new ConcurrentHashMap<>();
      Map<Long, AtomicInteger> refunded = new ConcurrentHashMap<>();
      runPhase(phase, spent, refunded);
      for (long sender : senders) {
        int balance = rapport.messaging().credits(sender).balance();
        assertThat(balance).as("sender %d's credits after phase %d", sender, phase)
            .isGreaterThanOrEqualTo(0)
            .isEqualTo(before.get(sender) - count(spent, sender) + count(refunded, sender));
      }
      clock.advance(Duration.ofDays(20 + 5L * phase));
    }
    assertEachRefundOnce_exactlyWhenTheRecipientRepliedInTime();
  }

  private static int count(Map<Long, AtomicInteger> counts, long member) {
    AtomicInteger n = counts.get(member);
    return n == null ? 0 : n.get();
  }

  private void runPhase(int phase, Map<Long, AtomicInteger> spent, Map<Long, AtomicInteger> refunded)
      throws Exception {
    List<ConcurrentWriters.Step> writers = new ArrayList<>();
    for (int t = 0; t < SENDERS + REPLIERS; t++) {
      boolean sender = t < SENDERS;
      long actor = sender ? senders.get(t) : repliers.get(t - SENDERS);
      if (!sender && t - SENDERS < LATE_REPLIERS && phase < PHASES - 1) {
        continue;
      }
      SplittableRandom random = new SplittableRandom(7_919L * t + 31L * phase + 1);
      writers.add(i -> {
        String to = sender ? "replier-" + random.nextInt(REPLIERS) : "sender-" + random.nextInt(SENDERS);
        SentMessage sent = rapport.messaging().send(actor, Handle.of(to), "message " + i);
        assertThat(sent.inMailCredits()).isGreaterThanOrEqualTo(0);
        if (sent.access() == MessageAccess.INMAIL) {
          spent.computeIfAbsent(actor, k -> new AtomicInteger()).incrementAndGet();
        }
        if (sent.refunded()) {
          refunded.computeIfAbsent(sent.conversation().otherThan(actor), k -> new AtomicInteger()).incrementAndGet();
        }
      });
    }
    ConcurrentWriters.runAtOnce(writers, COMMANDS_PER_THREAD, refused -> EXPECTED_REFUSALS.contains(refused.type()));
  }

  /**
   * Every InMail conversation was refunded at most once, and exactly once if the recipient's first
   * message came within 90 days of the InMail.
   */
  private void assertEachRefundOnce_exactlyWhenTheRecipientRepliedInTime() {
    Map<Long, Long> refundsByConversation = new HashMap<>();
    for (Event e : store.eventsAfter(0, 1_000_000)) {
      if (e.type() == EventType.INMAIL_REFUNDED) {
        refundsByConversation.merge(e.refId(), 1L, Long::sum);
      }
    }
    int checked = 0;
    int refunds = 0;
    for (long replier : repliers) {
      var conversations = rapport.messaging().conversations(replier, PageRequest.first(200)).items();
      for (var view : conversations) {
        List<Message> messages = new ArrayList<>(
            rapport.messaging().messages(replier, view.conversation().id(), PageRequest.first(200)).items());
        java.util.Collections.reverse(messages);
        Message inMail = messages.getFirst();
        Optional<Message> reply = messages.stream().filter(m -> m.senderId() == replier).findFirst();
        boolean inTime = reply.isPresent() && reply.get().sentAt().isBefore(inMail.sentAt().plus(Policy.defaults().inMailRefundWindow()));
        assertThat(refundsByConversation.getOrDefault(view.conversation().id(), 0L))
            .as("refunds of conversation %d", view.conversation().id()).isEqualTo(inTime ? 1L : 0L);
        checked++;
        refunds += inTime ? 1 : 0;
      }
    }
    assertThat(checked).as("conversations checked").isGreaterThan(20);
    assertThat(refunds).as("refunds").isPositive().isLessThan(checked);
  }
}
