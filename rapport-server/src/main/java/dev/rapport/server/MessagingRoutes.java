package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.MessagingCommands;
import dev.rapport.Rapport;
import dev.rapport.live.LiveStreams;
import dev.rapport.messaging.ConversationView;
import dev.rapport.messaging.MessageAccess;
import dev.rapport.messaging.MessageTerms;
import dev.rapport.messaging.SentMessage;
import dev.rapport.model.ConversationState;
import dev.rapport.model.Handle;
import dev.rapport.model.InMailCredits;
import dev.rapport.model.Message;
import dev.rapport.model.Page;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import io.helidon.http.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Messaging (MS1-MS4): sending to a member or in a conversation, the caller's conversations and a
 * conversation's messages, read receipts, typing, answers to requests, and what a message would cost. A
 * conversation that is not the caller's, or that a block hides, is 404 {@code conversation-not-found}
 * (docs/decisions/0034-messaging-conversations-requests-credits.md).
 */
final class MessagingRoutes implements RouteGroup {
  /** MS1: a page of messages or conversations, 20 unless asked otherwise. */
  static final int PAGE = 20;
  static final int PAGE_MAX = 100;

  private final MessagingCommands messaging;
  private final LiveStreams live;

  MessagingRoutes(Rapport rapport) {
    this.messaging = rapport.messaging();
    this.live = rapport.live();
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.withBody(Method.POST, "/v1/messages", Route.Access.MEMBER, Set.of("to", "text"), this::send),
        Route.of(Method.GET, "/v1/me/conversations", Route.Access.MEMBER, this::conversations).paged(),
        Route.of(Method.GET, "/v1/conversations/{id}/messages", Route.Access.MEMBER, this::messages).paged(),
        Route.withBody(Method.POST, "/v1/conversations/{id}/messages", Route.Access.MEMBER, Set.of("text"),
            this::sendIn),
        Route.of(Method.POST, "/v1/conversations/{id}/read", Route.Access.MEMBER, this::read).withQuery("upTo"),
        Route.of(Method.POST, "/v1/conversations/{id}/accept", Route.Access.MEMBER, this::accept),
        Route.of(Method.POST, "/v1/conversations/{id}/decline", Route.Access.MEMBER, this::decline),
        Route.of(Method.POST, "/v1/conversations/{id}/typing", Route.Access.MEMBER, this::typing),
        Route.of(Method.GET, "/v1/members/{h}/message-terms", Route.Access.MEMBER, this::terms));
  }

  private Reply send(Call call) {
    String to = call.body().requiredString("to");
    String text = call.body().requiredString("text");
    return sent(messaging.send(call.me().id(), Handle.of(to), text));
  }

  private Reply sendIn(Call call) {
    String text = call.body().requiredString("text");
    return sent(messaging.send(call.me().id(), conversationId(call), text));
  }

  private static Reply sent(SentMessage sent) {
    ObjectNode node = Json.object();
    node.set("message", message(sent.message(), sent.message().senderId()));
    node.put("conversationId", Long.toString(sent.conversation().id()));
    node.put("access", Representations.wire(sent.access()));
    node.put("inMailSpent", sent.access().spendsCredit());
    node.put("request", sent.access().request());
    node.put("inMailCredits", sent.inMailCredits());
    node.put("refunded", sent.refunded());
    return Reply.created(node, "/v1/conversations/" + sent.conversation().id() + "/messages");
  }

  private Reply conversations(Call call) {
    return Reply.ok(Representations.page(messaging.conversations(call.me().id(), call.page(PAGE, PAGE_MAX)),
        MessagingRoutes::conversation));
  }

  private Reply messages(Call call) {
    long id = conversationId(call);
    Page<Message> page = messaging.messages(call.me().id(), id, call.page(PAGE, PAGE_MAX));
    long me = call.me().id();
    ObjectNode node = Representations.page(page, m -> message(m, me));
    node.set("conversation", conversation(messaging.conversation(call.me().id(), id)));
    return Reply.ok(node);
  }

  /** {@code ?upTo=<message id>} reads up to that message; without it, up to the newest. */
  private Reply read(Call call) {
    long id = conversationId(call);
    Optional<Long> upTo = call.query("upTo").map(MessagingRoutes::messageId);
    return Reply.ok(conversation(messaging.read(call.me().id(), id, upTo)));
  }

  private Reply accept(Call call) {
    return Reply.ok(conversation(messaging.accept(call.me().id(), conversationId(call))));
  }

  private Reply decline(Call call) {
    return Reply.ok(conversation(messaging.decline(call.me().id(), conversationId(call))));
  }

  /**
   * MS4: tells the other member's open streams that the caller is typing; only in a conversation
   * the caller may see, at most once a second, never stored
   * (docs/decisions/0040-messages-and-receipts-on-the-live-stream.md).
   */
  private Reply typing(Call call) {
    long id = conversationId(call);
    ConversationView view = messaging.conversation(call.me().id(), id);
    live.typing(call.me().id(), view.other().id(), id);
    return Reply.noContent();
  }

  private Reply terms(Call call) {
    MessageTerms terms = messaging.terms(call.me().id(), call.handle("h"));
    ObjectNode node = Json.object();
    node.put("allowed", terms.access().isPresent());
    if (terms.access().isPresent()) {
      MessageAccess access = terms.access().get();
      node.put("access", Representations.wire(access));
      node.put("inMailSpent", access.spendsCredit());
      node.put("request", access.request());
      node.putNull("refusal");
    } else {
      node.putNull("access");
      node.put("inMailSpent", false);
      node.put("request", false);
      ObjectNode refusal = node.putObject("refusal");
      refusal.put("type", "/problems/" + terms.refusal().get().type());
      refusal.put("detail", terms.refusal().get().getMessage());
    }
    node.put("inMailCredits", terms.inMailCredits());
    return Reply.ok(node);
  }

  /** L6, M2: the InMail part of {@code GET /v1/me/limits}. */
  static ObjectNode inMail(InMailCredits credits, int perMonth, int cap, Instant nextGrantAt) {
    ObjectNode node = Json.object();
    node.put("credits", credits.balance());
    node.put("perMonth", perMonth);
    node.put("cap", cap);
    node.put("nextGrantAt", Representations.time(nextGrantAt));
    return node;
  }

  /** A message as the member {@code viewerId} reads it. */
  static ObjectNode message(Message message, long viewerId) {
    ObjectNode node = Json.object();
    node.put("id", Long.toString(message.id()));
    node.put("conversationId", Long.toString(message.conversationId()));
    node.put("text", message.text());
    node.put("sentAt", Representations.time(message.sentAt()));
    return node.put("senderIsMe", message.senderId() == viewerId);
  }

  /**
   * A conversation as its member sees it: {@code status} is {@code open}, {@code request-received}
   * (the caller answers it), {@code request-sent} or {@code declined}.
   */
  static ObjectNode conversation(ConversationView view) {
    ObjectNode node = Json.object();
    node.put("id", Long.toString(view.conversation().id()));
    node.set("with", Representations.memberItem(view.other()));
    node.put("status", view.requestToMe() ? "request-received" : view.requestByMe() ? "request-sent"
        : view.conversation().state() == ConversationState.DECLINED ? "declined" : "open");
    node.put("unread", view.mine().unread());
    node.put("readUpTo", id(view.mine().readUpTo()));
    if (view.theirReadUpTo().isPresent()) {
      node.put("theirReadUpTo", id(view.theirReadUpTo().get()));
    } else {
      node.putNull("theirReadUpTo");
    }
    if (view.lastMessage().isPresent()) {
      node.set("lastMessage", message(view.lastMessage().get(), view.mine().memberId()));
    } else {
      node.putNull("lastMessage");
    }
    return node;
  }

  /** A message id, or null for none (0). */
  private static String id(long id) {
    return id == 0 ? null : Long.toString(id);
  }

  private static long conversationId(Call call) {
    String value = call.pathParameter("id");
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new NotFoundException("conversation-not-found", "no conversation '%s'".formatted(value));
    }
    return Long.parseLong(value);
  }

  private static long messageId(String value) {
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidInputException("invalid-query", "query parameter 'upTo' must be a message's id",
          Map.of("parameter", "upTo"));
    }
    return Long.parseLong(value);
  }
}
