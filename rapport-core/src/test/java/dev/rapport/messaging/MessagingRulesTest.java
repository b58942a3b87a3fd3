package dev.rapport.messaging;

import static dev.rapport.Fixtures.NOW;
import static dev.rapport.Fixtures.changes;
import static dev.rapport.Fixtures.company;
import static dev.rapport.Fixtures.createdAt;
import static dev.rapport.Fixtures.effects;
import static dev.rapport.Fixtures.member;
import static dev.rapport.Fixtures.pair;
import static dev.rapport.Fixtures.premium;
import static dev.rapport.Fixtures.refused;
import static dev.rapport.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.kernel.Change;
import dev.rapport.kernel.Effects;
import dev.rapport.kernel.EventType;
import dev.rapport.kernel.PairState;
import dev.rapport.kernel.Policy;
import dev.rapport.model.Conversation;
import dev.rapport.model.ConversationSide;
import dev.rapport.model.ConversationState;
import dev.rapport.model.InMailCredits;
import dev.rapport.model.Member;
import dev.rapport.model.Message;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Settings;
import dev.rapport.problem.ForbiddenException;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.LimitReachedException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.problem.RuleBrokenException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The messaging rules decided on literal state: MS1-MS4 and M2's InMail credits. */
class MessagingRulesTest {
  final Policy policy = Policy.defaults();
  final Member ada = member("ada");
  final Member bob = member("bob");
  /** Joined this month: one month of credits, 15. */
  final Member pro = createdAt(premium(member("pro")), NOW);

  private static MessagingState state(PairState pair) {
    return new MessagingState(pair, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static MessagingState state(PairState pair, Conversation conversation) {
    return new MessagingState(pair, Optional.of(conversation), Optional.empty(), Optional.empty());
  }

  private Conversation conversation(Member a, Member b, ConversationState state, Member requester, boolean refundable) {
    return new Conversation(900, Math.min(a.id(), b.id()), Math.max(a.id(), b.id()), state,
        requester == null ? 0 : requester.id(), requester == null ? Optional.empty() : Optional.of(NOW), refundable, NOW);
  }

  @Test
  void MS1_connections_messageFreely_startingTheirConversation_andTheEventNamesTheRecipient() {
    Effects effects = effects();
    SentMessage sent = result(Conversations.send(state(pair(ada, bob).connected().build()), " Hi\nthere ", policy,
        effects));
    assertThat(sent.access()).isEqualTo(MessageAccess.CONNECTION);
    assertThat(sent.message().text()).isEqualTo("Hi\nthere");
    assertThat(changes(effects)).hasSize(3).first().isInstanceOf(Change.AddConversation.class);
    assertThat(effects.toCommit().events()).first().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.MESSAGE_SENT);
      assertThat(e.subjectId()).isEqualTo(bob.id());
      assertThat(e.refId()).isEqualTo(sent.message().id());
    });
    assertThat(effects.toCommit().expectedVersions()).containsOnlyKeys(ada.id());
  }

  @Test
  void NT1_aMessage_notifiesItsRecipient_oncePerConversationWithUnreadMessages() {
    Conversation open = conversation(ada, bob, ConversationState.OPEN, null, false);
    PairState connected = pair(ada, bob).connected().build();
    Effects first = effects();
    result(Conversations.send(new MessagingState(connected, Optional.of(open), Optional.empty(), Optional.empty(), 0),
        "Hi", policy, first));
    assertThat(changes(first)).filteredOn(Change.AddNotification.class::isInstance).singleElement()
        .satisfies(c -> {
          var notification = ((Change.AddNotification) c).notification();
          assertThat(notification.kind()).isEqualTo(NotificationKind.MESSAGE_RECEIVED);
          assertThat(notification.recipientId()).isEqualTo(bob.id());
          assertThat(notification.actorId()).isEqualTo(ada.id());
          assertThat(notification.refId()).as("the conversation").isEqualTo(open.id());
        });
    assertThat(first.toCommit().events()).extracting(e -> e.type())
        .containsExactly(EventType.MESSAGE_SENT, EventType.NOTIFIED);

    Effects again = effects();
    result(Conversations.send(new MessagingState(connected, Optional.of(open), Optional.empty(), Optional.empty(), 1),
        "Are you there?", policy, again));
    assertThat(changes(again)).as("bob has not read the first yet").noneMatch(Change.AddNotification.class::isInstance);
  }

  @Test
  void MS1_text_isOneTo8000Characters() {
    PairState connected = pair(ada, bob).connected().build();
    assertThat(result(Conversations.send(state(connected), "m".repeat(8_000), policy, effects())).message().text())
        .hasSize(8_000);
    refused(InvalidInputException.class, "message-too-long",
        () -> Conversations.send(state(connected), "m".repeat(8_001), policy, effects()));
    refused(InvalidInputException.class, "invalid-text", () -> Conversations.send(state(connected), " ", policy, effects()));
  }

  @Test
  void MS1_notOneself_norACompanyPage() {
    refused(RuleBrokenException.class, "cannot-message-self",
        () -> Conversations.send(state(pair(ada, ada).build()), "me", policy, effects()));
    refused(RuleBrokenException.class, "not-messageable",
        () -> Conversations.send(state(pair(ada, company("acme")).build()), "hi", policy, effects()));
  }

  @Test
  void MS2_aNonConnection_isAnInMail_ofOneCredit_andARequest() {
    Effects effects = effects();
    SentMessage sent = result(Conversations.send(state(pair(pro, bob).build()), "Hello", policy, effects));
    assertThat(sent.access()).isEqualTo(MessageAccess.INMAIL);
    assertThat(sent.inMailCredits()).isEqualTo(14);
    assertThat(sent.conversation().state()).isEqualTo(ConversationState.REQUEST);
    assertThat(sent.conversation().refundable()).isTrue();
    assertThat(changes(effects)).contains(new Change.SetInMailCredits(pro.id(), 14, InMail.monthOf(NOW)));
  }

  @Test
  void MS2_MS3_followingAllowsNothing_andABasicTierHasNoInMail() {
    refused(ForbiddenException.class, "not-connected-needs-inmail",
        () -> Conversations.send(state(pair(ada, bob).actorFollows().otherFollows().build()), "hi", policy, effects()));
  }

  @Test
  void MS2_anOpenProfile_isFree_whenItsTierAllowsIt() {
    Settings open = new Settings(false, Settings.DEFAULTS.whoCanFollow(), Settings.DEFAULTS.whoCanInvite(),
        Settings.DEFAULTS.connectionsVisibility(), true, Settings.DEFAULTS.followsVisibility());
    Member openPro = premium(member("open-pro")).withProfile("Open", "", open);
    assertThat(result(Conversations.send(state(pair(ada, openPro).build()), "hi", policy, effects())).access())
        .isEqualTo(MessageAccess.OPEN_PROFILE);
    Member openBasic = member("open-basic").withProfile("Open", "", open);
    refused(ForbiddenException.class, "not-connected-needs-inmail",
        () -> Conversations.send(state(pair(ada, openBasic).build()), "hi", policy, effects()));
  }

  @Test
  void MS2_withoutCredits_isRefused_untilTheNextMonthsGrant() {
    MessagingState empty = new MessagingState(pair(pro, bob).build(), Optional.empty(),
        Optional.of(new InMailCredits(pro.id(), 0, InMail.monthOf(NOW))), Optional.empty());
    LimitReachedException refusal = refused(LimitReachedException.class, "no-inmail-credits",
        () -> Conversations.send(empty, "hi", policy, effects()));
    assertThat(refusal.details()).containsEntry("retryAt", Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(result(Conversations.send(empty, "hi", policy, effects(Instant.parse("2026-04-01T00:00:00Z"))))
        .inMailCredits()).isEqualTo(14);
  }

  @Test
  void MS2_M2_creditsAreGrantedMonthly_fromTheMonthOfJoining_upToTheCap() {
    Member joined = createdAt(pro, Instant.parse("2026-01-15T00:00:00Z"));
    assertThat(InMail.available(joined, policy.tier("premium"), Optional.empty(), NOW).balance()).isEqualTo(45);
    Member newcomer = createdAt(pro, NOW);
    assertThat(InMail.available(newcomer, policy.tier("premium"), Optional.empty(), NOW).balance()).isEqualTo(15);
    InMailCredits stored = new InMailCredits(pro.id(), 40, InMail.monthOf(NOW));
    assertThat(InMail.available(pro, policy.tier("premium"), Optional.of(stored), NOW.plus(Duration.ofDays(40)))
        .balance()).isEqualTo(45);
    assertThat(InMail.available(ada, policy.tier("basic"), Optional.empty(), NOW).balance()).isZero();
  }

  @Test
  void MS2_theRecipientsReply_acceptsTheRequest_andRefundsTheCreditOnce_within90Days() {
    Conversation request = conversation(pro, bob, ConversationState.REQUEST, pro, true);
    MessagingState reply = new MessagingState(pair(bob, pro).build(), Optional.of(request), Optional.empty(),
        Optional.of(new InMailCredits(pro.id(), 14, InMail.monthOf(NOW))));
    Effects effects = effects(NOW.plus(Duration.ofDays(89)));
    SentMessage sent = result(Conversations.send(reply, "Thanks", policy, effects));
    assertThat(sent.access()).isEqualTo(MessageAccess.REPLY_TO_REQUEST);
    assertThat(sent.refunded()).isTrue();
    assertThat(sent.conversation().state()).isEqualTo(ConversationState.ACCEPTED);
    assertThat(sent.conversation().refundable()).isFalse();
    assertThat(changes(effects)).contains(new Change.UpdateConversation(request, sent.conversation()));
    assertThat(effects.toCommit().expectedVersions()).containsOnlyKeys(bob.id(), pro.id());
    assertThat(effects.toCommit().events()).extracting(e -> e.type())
        .containsExactly(EventType.MESSAGE_SENT, EventType.NOTIFIED, EventType.INMAIL_REFUNDED);

    assertThat(result(Conversations.send(reply, "Late", policy, effects(NOW.plus(Duration.ofDays(90))))).refunded())
        .isFalse();
  }

  @Test
  void MS2_theRefundWindow_isPolicy_aReplyWithinItRefunds_andOneAtItsEndDoesNot() {
    Policy tenDays = policy.withInMailRefundWindow(Duration.ofDays(10));
    Conversation request = conversation(pro, bob, ConversationState.REQUEST, pro, true);
    MessagingState reply = new MessagingState(pair(bob, pro).build(), Optional.of(request), Optional.empty(),
        Optional.of(new InMailCredits(pro.id(), 14, InMail.monthOf(NOW))));

    Effects inTime = effects(NOW.plus(Duration.ofDays(10)).minusSeconds(1));
    assertThat(result(Conversations.send(reply, "Thanks", tenDays, inTime)).refunded()).isTrue();
    assertThat(changes(inTime)).contains(new Change.SetInMailCredits(pro.id(), 15, InMail.monthOf(NOW)));
    assertThat(result(Conversations.send(reply, "Late", tenDays, effects(NOW.plus(Duration.ofDays(10))))).refunded())
        .isFalse();
    assertThat(policy.inMailRefundWindow()).as("the default").isEqualTo(Duration.ofDays(90));
    refused(InvalidInputException.class, "invalid-policy", () -> policy.withInMailRefundWindow(Duration.ZERO));
  }

  @Test
  void MS2_theRequester_waitsForAnAnswer_andADeclinedRequestIsClosedToBoth() {
    Conversation request = conversation(pro, bob, ConversationState.REQUEST, pro, true);
    refused(RuleBrokenException.class, "request-pending",
        () -> Conversations.send(state(pair(pro, bob).build(), request), "Again", policy, effects()));
    Conversation declined = result(Conversations.answer(pair(bob, pro).build(), request, false, effects()));
    assertThat(declined.state()).isEqualTo(ConversationState.DECLINED);
    refused(RuleBrokenException.class, "request-declined",
        () -> Conversations.send(state(pair(bob, pro).build(), declined), "Wait", policy, effects()));
    refused(RuleBrokenException.class, "request-not-pending",
        () -> Conversations.answer(pair(pro, bob).build(), request, true, effects()));
    assertThat(result(Conversations.send(state(pair(bob, pro).connected().build(), declined), "Hi", policy, effects()))
        .conversation().state()).isEqualTo(ConversationState.OPEN);
  }

  @Test
  void MS3_aBlock_refusesEitherWay_andHidesTheConversation() {
    refused(NotFoundException.class, "member-not-found",
        () -> Conversations.send(state(pair(ada, bob).connected().otherBlocked().build()), "hi", policy, effects()));
    refused(RuleBrokenException.class, "member-blocked",
        () -> Conversations.send(state(pair(ada, bob).actorBlocked().build()), "hi", policy, effects()));
    Conversation open = conversation(ada, bob, ConversationState.OPEN, null, false);
    refused(NotFoundException.class, "conversation-not-found",
        () -> Conversations.requireVisible(pair(ada, bob).otherBlocked().build(), open));
  }

  @Test
  void MS3_aRemovedConnection_writesAgainOnlyByRequest_butAnAcceptedRequestStaysFree() {
    Conversation open = conversation(ada, bob, ConversationState.OPEN, null, false);
    refused(ForbiddenException.class, "not-connected-needs-inmail",
        () -> Conversations.send(state(pair(ada, bob).build(), open), "hi", policy, effects()));
    Conversation accepted = conversation(ada, bob, ConversationState.ACCEPTED, bob, false);
    assertThat(result(Conversations.send(state(pair(ada, bob).build(), accepted), "hi", policy, effects())).access())
        .isEqualTo(MessageAccess.ACCEPTED_CONVERSATION);
  }

  @Test
  void MS4_reading_movesTheReceiptForward_never_back() {
    Conversation open = conversation(ada, bob, ConversationState.OPEN, null, false);
    ConversationSide mine = new ConversationSide(open.id(), bob.id(), ada.id(), 20, 2, 10);
    Message older = new Message(5, open.id(), ada.id(), "old", NOW);
    Message newer = new Message(20, open.id(), ada.id(), "new", NOW);
    Effects back = effects();
    assertThat(result(Conversations.read(pair(bob, ada).build(), open, mine, Optional.of(older), back)).readUpTo())
        .isEqualTo(10);
    assertThat(back.isEmpty()).isTrue();
    Effects forward = effects();
    result(Conversations.read(pair(bob, ada).build(), open, mine, Optional.of(newer), forward));
    assertThat(changes(forward)).containsExactly(new Change.MarkConversationRead(open.id(), bob.id(), 20));
    assertThat(forward.toCommit().events()).singleElement().satisfies(e ->
        assertThat(e.type()).isEqualTo(EventType.CONVERSATION_READ));
    Message elsewhere = new Message(30, 901, ada.id(), "other", NOW);
    refused(NotFoundException.class, "message-not-found",
        () -> Conversations.read(pair(bob, ada).build(), open, mine, Optional.of(elsewhere), effects()));
  }

  @Test
  void MS2_termsBeforeSending_sayTheCost_orTheRefusal_withoutDeciding() {
    MessageTerms inMail = Conversations.terms(state(pair(pro, bob).build()), policy, NOW);
    assertThat(inMail.access()).contains(MessageAccess.INMAIL);
    assertThat(inMail.inMailCredits()).isEqualTo(15);
    MessageTerms basic = Conversations.terms(state(pair(ada, bob).build()), policy, NOW);
    assertThat(basic.refusal().orElseThrow().type()).isEqualTo("not-connected-needs-inmail");
  }
}
