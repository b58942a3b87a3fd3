package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.EventType;
import dev.rapport.member.ProfileUpdate;
import dev.rapport.messaging.ConversationView;
import dev.rapport.messaging.MessageAccess;
import dev.rapport.messaging.MessageTerms;
import dev.rapport.messaging.SentMessage;
import dev.rapport.model.ConversationState;
import dev.rapport.model.Message;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.RapportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Messaging (MS1-MS4, M2's InMail credits, B2), through the facade against a real store: the
 * permission matrix of issue 18's first acceptance, requests and their answers, refunds, receipts,
 * and what a block and a removed connection do. Each backend runs it as a nested class.
 */
public abstract class MessagingRulesContract extends RulesContract {

  /** How the sender stands to the recipient before writing. */
  enum Relation {
    CONNECTED, FOLLOWING, FOLLOWED_BY, NONE, BLOCKED_BY_SENDER, BLOCKED_BY_RECIPIENT, REMOVED_CONNECTION,
    INVITATION_SENT, INVITATION_RECEIVED
  }

  /** The recipient's tier and whether their Open Profile is on. */
  enum Recipient { BASIC, PREMIUM_CLOSED, PREMIUM_OPEN_PROFILE }

  private long premium(String handle) {
    return member(handle, "premium");
  }

  private void relate(Relation relation, long sender, String s, long recipient, String r) {
    switch (relation) {
      case CONNECTED -> connect(sender, s, recipient, r);
      case FOLLOWING -> rapport.follow(sender, h(r));
      case FOLLOWED_BY -> rapport.follow(recipient, h(s));
      case NONE -> { }
      case BLOCKED_BY_SENDER -> rapport.block(sender, h(r));
      case BLOCKED_BY_RECIPIENT -> rapport.block(recipient, h(s));
      case REMOVED_CONNECTION -> {
        connect(sender, s, recipient, r);
        rapport.removeConnection(sender, h(r));
      }
      case INVITATION_SENT -> invitationSent(sender, r);
      case INVITATION_RECEIVED -> invitationSent(recipient, s);
    }
  }

  /** What the matrix expects: the access used, or the refusal's type. */
  private static String expected(Relation relation, boolean senderPremium, Recipient recipient) {
    return switch (relation) {
      case CONNECTED -> "CONNECTION";
      case BLOCKED_BY_SENDER -> "member-blocked";
      case BLOCKED_BY_RECIPIENT -> "member-not-found";
      default -> recipient == Recipient.PREMIUM_OPEN_PROFILE ? "OPEN_PROFILE"
          : senderPremium ? "INMAIL" : "not-connected-needs-inmail";
    };
  }

  /**
   * Issue 18, acceptance 1: every relation x the sender's tier x the recipient's tier and Open
   * Profile; who can message, what it costs (the terms beforehand agree), and what the recipient sees.
   */
  @Test
  void MS1_MS2_MS3_permissionMatrix_whoCanMessage_whatItCosts_whatTheRecipientSees() {
    SoftAssertions soft = new SoftAssertions();
    int n = 0;
    for (Relation relation : Relation.values()) {
      for (boolean senderPremium : new boolean[] {false, true}) {
        for (Recipient kind : Recipient.values()) {
          String s = "sender-" + n;
          String r = "recipient-" + n++;
          long sender = senderPremium ? premium(s) : member(s);
          long recipient = kind == Recipient.BASIC ? member(r) : premium(r);
          if (kind == Recipient.PREMIUM_OPEN_PROFILE) {
            rapport.updateMe(recipient, openProfile(true));
          }
          relate(relation, sender, s, recipient, r);
          String name = relation + " sender " + (senderPremium ? "premium" : "basic") + " recipient " + kind;
          String expected = expected(relation, senderPremium, kind);
          int creditsBefore = senderPremium ? 15 : 0;
          soft.assertThat(rapport.messaging().credits(sender).balance()).as(name + ": credits before").isEqualTo(creditsBefore);
          Optional<MessageTerms> terms = termsOrHidden(sender, r);
          String outcome;
          try {
            SentMessage sent = rapport.messaging().send(sender, h(r), "Hello from " + s);
            outcome = sent.access().name();
            boolean request = sent.access().request();
            soft.assertThat(sent.inMailCredits()).as(name + ": credits after")
                .isEqualTo(creditsBefore - (sent.access().spendsCredit() ? 1 : 0));
            List<ConversationView> theirs = rapport.messaging().conversations(recipient, PageRequest.first(10)).items();
            soft.assertThat(theirs).as(name + ": the recipient's list").hasSize(1);
            if (!theirs.isEmpty()) {
              soft.assertThat(theirs.getFirst().requestToMe()).as(name + ": a request to the recipient").isEqualTo(request);
              soft.assertThat(theirs.getFirst().mine().unread()).as(name + ": unread").isEqualTo(1);
              soft.assertThat(theirs.getFirst().lastMessage().map(Message::text)).contains("Hello from " + s);
            }
          } catch (RapportException e) {
            outcome = e.type();
            soft.assertThat(rapport.messaging().credits(sender).balance()).as(name + ": credits kept").isEqualTo(creditsBefore);
            soft.assertThat(rapport.messaging().conversations(sender, PageRequest.first(10)).items())
                .as(name + ": nothing started").isEmpty();
          }
          soft.assertThat(outcome).as(name).isEqualTo(expected);
          if (relation == Relation.BLOCKED_BY_RECIPIENT || relation == Relation.BLOCKED_BY_SENDER) {
            soft.assertThat(terms).as(name + ": terms across a block (B2)").isEmpty();
          } else {
            soft.assertThat(terms.map(t -> t.access().map(Enum::name).orElseGet(() -> t.refusal().orElseThrow().type())))
                .as(name + ": the terms shown before sending").contains(expected);
          }
        }
      }
    }
    soft.assertAll();
  }

  private Optional<MessageTerms> termsOrHidden(long sender, String recipient) {
    try {
      return Optional.of(rapport.messaging().terms(sender, h(recipient)));
    } catch (RapportException e) {
      assertThat(e.type()).isEqualTo("member-not-found");
      return Optional.empty();
    }
  }

  private static ProfileUpdate openProfile(boolean on) {
    ProfileUpdate none = ProfileUpdate.none();
    return new ProfileUpdate(none.name(), none.headline(), none.followPrimary(), none.whoCanFollow(),
        none.whoCanInvite(), none.connectionsVisibility(), Optional.of(on), none.followsVisibility());
  }

  @Test
  void MS1_connections_writeBackAndForth_newestConversationFirst_withUnreadCounts() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    connect(ada, "ada", cyd, "cyd");
    rapport.messaging().send(ada, h("bob"), "Hi Bob");
    rapport.messaging().send(ada, h("cyd"), "Hi Cyd");
    SentMessage reply = rapport.messaging().send(bob, h("ada"), "Hi Ada");
    rapport.messaging().send(bob, reply.conversation().id(), "How are you?");

    List<ConversationView> adas = rapport.messaging().conversations(ada, PageRequest.first(10)).items();
    assertThat(adas).extracting(c -> c.other().handle().value()).containsExactly("bob", "cyd");
    assertThat(adas).extracting(c -> c.mine().unread()).containsExactly(2, 0);
    assertThat(adas.getFirst().lastMessage().orElseThrow().text()).isEqualTo("How are you?");
    assertThat(rapport.messaging().conversations(bob, PageRequest.first(10)).items().getFirst().mine().unread()).isZero();
    assertThat(rapport.messaging().messages(ada, reply.conversation().id(), PageRequest.first(10)).items())
        .extracting(Message::text).containsExactly("How are you?", "Hi Ada", "Hi Bob");
  }

  @Test
  void MS1_aConversationPagesNewestFirst_withoutGapsOrDuplicates() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    long conversation = 0;
    for (int i = 0; i < 7; i++) {
      conversation = rapport.messaging().send(i % 2 == 0 ? ada : bob, h(i % 2 == 0 ? "bob" : "ada"), "m" + i)
          .conversation().id();
    }
    List<String> seen = new ArrayList<>();
    PageRequest page = PageRequest.first(3);
    while (true) {
      var result = rapport.messaging().messages(bob, conversation, page);
      result.items().forEach(m -> seen.add(m.text()));
      if (result.next().isEmpty()) {
        break;
      }
      page = new PageRequest(3, result.next());
    }
    assertThat(seen).containsExactly("m6", "m5", "m4", "m3", "m2", "m1", "m0");
  }

  @Test
  void MS2_anInMailSpendsOneCredit_andTheRecipientsReplyRefundsItOnce() {
    long ada = premium("ada");
    long bob = member("bob");
    SentMessage inMail = rapport.messaging().send(ada, h("bob"), "A job for you");
    assertThat(inMail.access()).isEqualTo(MessageAccess.INMAIL);
    assertThat(rapport.messaging().credits(ada).balance()).isEqualTo(14);
    assertThat(problemType(() -> rapport.messaging().send(ada, h("bob"), "Another"))).isEqualTo("request-pending");

    SentMessage reply = rapport.messaging().send(bob, h("ada"), "Tell me more");
    assertThat(reply.access()).isEqualTo(MessageAccess.REPLY_TO_REQUEST);
    assertThat(reply.refunded()).isTrue();
    assertThat(reply.conversation().state()).isEqualTo(ConversationState.ACCEPTED);
    assertThat(rapport.messaging().credits(ada).balance()).isEqualTo(15);

    assertThat(rapport.messaging().send(bob, h("ada"), "Still there?").refunded()).isFalse();
    assertThat(rapport.messaging().send(ada, h("bob"), "Yes").access()).isEqualTo(MessageAccess.ACCEPTED_CONVERSATION);
    assertThat(rapport.messaging().credits(ada).balance()).isEqualTo(15);
    assertThat(eventTypes()).containsOnlyOnce(EventType.INMAIL_REFUNDED);
  }

  /**
   * A new InMail that also gives the other member their older InMail's credit back keeps its own
   * refund: the reply to it refunds its sender in turn (MessagingProperties found the loss).
   */
  @Test
  void MS2_aNewInMailThatRefundsTheOthersOlderOne_keepsItsOwnRefund() {
    long ada = premium("ada");
    long bob = premium("bob");
    rapport.messaging().send(ada, h("bob"), "A job for you");
    connect(ada, "ada", bob, "bob");
    assertThat(rapport.messaging().send(ada, h("bob"), "Glad we connected").access())
        .isEqualTo(MessageAccess.CONNECTION);
    rapport.removeConnection(ada, h("bob"));

    SentMessage inMail = rapport.messaging().send(bob, h("ada"), "A job for you too");
    assertThat(inMail.access()).isEqualTo(MessageAccess.INMAIL);
    assertThat(inMail.refunded()).as("ada's older InMail given back").isTrue();
    assertThat(inMail.conversation().refundable()).as("bob's own InMail still refundable").isTrue();
    assertThat(rapport.messaging().credits(ada).balance()).isEqualTo(15);
    assertThat(rapport.messaging().credits(bob).balance()).isEqualTo(14);

    SentMessage reply = rapport.messaging().send(ada, h("bob"), "Tell me more");
    assertThat(reply.access()).isEqualTo(MessageAccess.REPLY_TO_REQUEST);
    assertThat(reply.refunded()).isTrue();
    assertThat(rapport.messaging().credits(bob).balance()).isEqualTo(15);
    assertThat(eventTypes()).filteredOn(EventType.INMAIL_REFUNDED::equals).hasSize(2);
  }

  @Test
  void MS2_aReplyAfter90Days_refundsNothing() {
    long ada = premium("ada");
    long bob = member("bob");
    rapport.messaging().send(ada, h("bob"), "A job for you");
    clock.advance(Duration.ofDays(90));
    assertThat(rapport.messaging().send(bob, h("ada"), "Sorry, late").refunded()).isFalse();
  }

  @Test
  void MS2_M2_creditsAreGrantedEachMonth_upToTheCap_andRunOut() {
    long ada = premium("ada");
    for (int i = 0; i < 15; i++) {
      member("to" + i);
      rapport.messaging().send(ada, h("to" + i), "Hello");
    }
    member("late");
    assertThat(problemType(() -> rapport.messaging().send(ada, h("late"), "Hello"))).isEqualTo("no-inmail-credits");
    clock.advance(Duration.ofDays(31));
    assertThat(rapport.messaging().credits(ada).balance()).isEqualTo(15);
    clock.advance(Duration.ofDays(31 * 6));
    assertThat(rapport.messaging().credits(ada).balance()).isEqualTo(45);
  }

  @Test
  void MS2_declining_closesTheRequest_toBoth_untilTheyConnect() {
    long ada = premium("ada");
    long bob = member("bob");
    long conversation = rapport.messaging().send(ada, h("bob"), "A job for you").conversation().id();
    assertThat(problemType(() -> rapport.messaging().accept(ada, conversation))).isEqualTo("request-not-pending");
    assertThat(rapport.messaging().decline(bob, conversation).conversation().state()).isEqualTo(ConversationState.DECLINED);
    assertThat(problemType(() -> rapport.messaging().send(bob, conversation, "Wait"))).isEqualTo("request-declined");
    assertThat(problemType(() -> rapport.messaging().send(ada, h("bob"), "Please"))).isEqualTo("request-declined");
    assertThat(problemType(() -> rapport.messaging().decline(bob, conversation))).isEqualTo("request-not-pending");
    assertThat(rapport.messaging().credits(ada).balance()).isEqualTo(14);

    connect(ada, "ada", bob, "bob");
    assertThat(rapport.messaging().send(bob, conversation, "Connected now").access()).isEqualTo(MessageAccess.CONNECTION);
  }

  @Test
  void MS2_accepting_letsBothWriteFreely() {
    long ada = member("ada");
    long bob = premium("bob");
    rapport.updateMe(bob, openProfile(true));
    SentMessage first = rapport.messaging().send(ada, h("bob"), "Hello, open profile");
    assertThat(first.access()).isEqualTo(MessageAccess.OPEN_PROFILE);
    assertThat(rapport.messaging().conversations(bob, PageRequest.first(5)).items().getFirst().requestToMe()).isTrue();
    assertThat(rapport.messaging().accept(bob, first.conversation().id()).requestToMe()).isFalse();
    rapport.updateMe(bob, openProfile(false));
    assertThat(rapport.messaging().send(ada, h("bob"), "Thanks").access()).isEqualTo(MessageAccess.ACCEPTED_CONVERSATION);
    assertThat(eventTypes()).contains(EventType.MESSAGE_REQUEST_ACCEPTED);
  }

  @Test
  void MS3_removingAConnection_closesFreeMessaging_andKeepsTheHistory() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    long conversation = rapport.messaging().send(ada, h("bob"), "Hi").conversation().id();
    rapport.removeConnection(bob, h("ada"));
    assertThat(problemType(() -> rapport.messaging().send(ada, h("bob"), "Hi again"))).isEqualTo("not-connected-needs-inmail");
    assertThat(problemType(() -> rapport.messaging().send(bob, conversation, "Bye"))).isEqualTo("not-connected-needs-inmail");
    assertThat(rapport.messaging().messages(bob, conversation, PageRequest.first(5)).items()).extracting(Message::text)
        .containsExactly("Hi");
    assertThat(rapport.messaging().conversations(bob, PageRequest.first(5)).items()).hasSize(1);
  }

  @Test
  void MS3_B2_aBlock_hidesTheConversationFromBoth_andRefusesMessages() {
    long ada = member("ada");
    long bob = member("bob");
    long cyd = member("cyd");
    connect(ada, "ada", bob, "bob");
    connect(ada, "ada", cyd, "cyd");
    long conversation = rapport.messaging().send(ada, h("bob"), "Hi").conversation().id();
    rapport.messaging().send(ada, h("cyd"), "Hi Cyd");
    rapport.block(bob, h("ada"));
    for (long member : new long[] {ada, bob}) {
      assertThat(rapport.messaging().conversations(member, PageRequest.first(5)).items())
          .noneMatch(c -> c.conversation().id() == conversation);
      assertThat(problemType(() -> rapport.messaging().messages(member, conversation, PageRequest.first(5))))
          .isEqualTo("conversation-not-found");
      assertThat(problemType(() -> rapport.messaging().read(member, conversation, Optional.empty())))
          .isEqualTo("conversation-not-found");
    }
    assertThat(rapport.messaging().conversations(ada, PageRequest.first(5)).items()).hasSize(1);
    assertThat(problemType(() -> rapport.messaging().send(ada, h("bob"), "?"))).isEqualTo("member-not-found");
    assertThat(problemType(() -> rapport.messaging().send(bob, h("ada"), "?"))).isEqualTo("member-blocked");
    assertThat(problemType(() -> rapport.messaging().send(bob, conversation, "?"))).isEqualTo("conversation-not-found");
  }

  @Test
  void MS4_readReceipts_theOtherSideSeesHowFarItWasRead_andNeverBack() {
    long ada = member("ada");
    long bob = member("bob");
    connect(ada, "ada", bob, "bob");
    Message first = rapport.messaging().send(ada, h("bob"), "One").message();
    Message second = rapport.messaging().send(ada, h("bob"), "Two").message();
    long conversation = first.conversationId();
    assertThat(rapport.messaging().conversation(ada, conversation).theirReadUpTo()).contains(0L);

    ConversationView bobs = rapport.messaging().read(bob, conversation, Optional.of(first.id()));
    assertThat(bobs.mine().unread()).isEqualTo(1);
    assertThat(rapport.messaging().conversation(ada, conversation).theirReadUpTo()).contains(first.id());
    rapport.messaging().read(bob, conversation, Optional.empty());
    assertThat(rapport.messaging().conversation(ada, conversation).theirReadUpTo()).contains(second.id());
    assertThat(rapport.messaging().read(bob, conversation, Optional.of(first.id())).mine().readUpTo()).isEqualTo(second.id());
    assertThat(rapport.messaging().conversation(bob, conversation).mine().unread()).isZero();
    assertThat(eventTypes().stream().filter(t -> t == EventType.CONVERSATION_READ).count()).isEqualTo(2);
    assertThat(problemType(() -> rapport.messaging().read(bob, conversation, Optional.of(999L))))
        .isEqualTo("message-not-found");
  }

  @Test
  void MS1_badInput_isRefused_andChangesNothing() {
    long ada = premium("ada");
    member("bob");
    long before = store.lastPosition();
    assertThat(problemType(() -> rapport.messaging().send(ada, h("bob"), "x".repeat(8_001)))).isEqualTo("message-too-long");
    assertThat(problemType(() -> rapport.messaging().send(ada, h("bob"), "  \n "))).isEqualTo("invalid-text");
    assertThat(problemType(() -> rapport.messaging().send(ada, h("ada"), "me"))).isEqualTo("cannot-message-self");
    assertThat(problemType(() -> rapport.messaging().send(ada, h("nobody"), "hi"))).isEqualTo("member-not-found");
    assertThat(problemType(() -> rapport.messaging().send(ada, 12345L, "hi"))).isEqualTo("conversation-not-found");
    assertThat(store.lastPosition()).isEqualTo(before);
    assertThat(rapport.messaging().credits(ada).balance()).isEqualTo(15);
    assertThat(rapport.messaging().send(ada, h("bob"), "x".repeat(8_000)).message().text()).hasSize(8_000);
  }

  @Test
  void MS1_aStrangerCannotReadOrAnswerAConversation() {
    long ada = member("ada");
    long bob = member("bob");
    long eve = premium("eve");
    connect(ada, "ada", bob, "bob");
    long conversation = rapport.messaging().send(ada, h("bob"), "Private").conversation().id();
    assertThat(problemType(() -> rapport.messaging().messages(eve, conversation, PageRequest.first(5))))
        .isEqualTo("conversation-not-found");
    assertThat(problemType(() -> rapport.messaging().send(eve, conversation, "Hi"))).isEqualTo("conversation-not-found");
    assertThat(problemType(() -> rapport.messaging().decline(eve, conversation))).isEqualTo("conversation-not-found");
  }

  private List<EventType> eventTypes() {
    return store.eventsAfter(0, 10_000).stream().map(e -> e.type()).toList();
  }
}
