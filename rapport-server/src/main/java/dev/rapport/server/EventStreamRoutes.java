package dev.rapport.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.AccountCommands;
import dev.rapport.Rapport;
import dev.rapport.live.LiveEvent;
import dev.rapport.live.LiveStream;
import dev.rapport.problem.InvalidInputException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * The caller's live stream, {@code GET /v1/me/events} (NT2): Server-Sent Events whose ids are log
 * positions, so that a client that reconnects with {@code Last-Event-ID} gets exactly what it
 * missed, from this server or another sharing the store, after a restart too; a comment line after
 * each {@code heartbeat} of silence; the stream ends when the token or session it was opened with
 * is revoked (docs/decisions/0036-the-live-stream-follows-the-log.md), and when a session expires,
 * at its end: the wait for events is cut short there, since no event tells of an expiry.
 */
final class EventStreamRoutes implements RouteGroup {
  private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
  private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

  private final Rapport rapport;
  private final Duration heartbeat;

  EventStreamRoutes(Rapport rapport, Duration heartbeat) {
    this.rapport = rapport;
    this.heartbeat = heartbeat;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of(Method.GET, "/v1/me/events", Route.Access.MEMBER, this::events));
  }

  private Reply events(Call call) {
    OptionalLong lastEventId = call.header(LAST_EVENT_ID).filter(v -> !v.isEmpty())
        .map(EventStreamRoutes::position).map(OptionalLong::of).orElse(OptionalLong.empty());
    Optional<Instant> sessionEnds = call.session().flatMap(rapport.accounts()::session)
        .map(AccountCommands.Session::expiresAt);
    LiveStream stream = rapport.live().open(call.me().id(), lastEventId, credential(call));
    long resumesFrom = lastEventId.orElse(stream.startPosition());
    return Reply.stream(new Reply.Stream() {
      @Override
      public String type() {
        return "text/event-stream";
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        write(stream, resumesFrom, sessionEnds, out);
      }

      @Override
      public void close() {
        stream.close();
      }
    });
  }

  /** Whether the token or session the stream was opened with still holds. */
  private BooleanSupplier credential(Call call) {
    Optional<String> session = call.session();
    if (session.isPresent()) {
      String token = session.get();
      return () -> rapport.accounts().session(token).isPresent();
    }
    String token = Authentication.bearer(call.request());
    return () -> rapport.authenticate(token).isPresent();
  }

  /**
   * @param resumesFrom the id the client is sure of: the one it resumed from, or, on a fresh
   *     stream, the log position the stream starts at, so that a client that drops before any event
   *     resumes from there
   */
  private void write(LiveStream stream, long resumesFrom, Optional<Instant> sessionEnds, OutputStream out)
      throws IOException {
    out.write(frame("ready", resumesFrom, Json.object()));
    out.flush();
    try {
      while (stream.isOpen()) {
        List<LiveEvent> events = stream.next(untilNextCheck(sessionEnds));
        if (events.isEmpty()) {
          if (stream.isOpen()) {
            out.write(HEARTBEAT);
          }
        } else {
          for (LiveEvent event : events) {
            out.write(frame(event, stream.memberId()));
          }
        }
        out.flush();
      }
      out.write(frame("end", 0, Json.object().put("reason", stream.endReason())));
      out.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A heartbeat, or less if the session ends sooner: the stream then ends at the session's end. */
  private Duration untilNextCheck(Optional<Instant> sessionEnds) {
    if (sessionEnds.isEmpty()) {
      return heartbeat;
    }
    Duration left = Duration.between(rapport.clock().instant(), sessionEnds.get());
    return left.compareTo(heartbeat) < 0 ? Duration.ofMillis(Math.max(1, left.toMillis() + 1)) : heartbeat;
  }

  /** One event as the member {@code viewerId} reads it (docs/decisions/0040-messages-and-receipts-on-the-live-stream.md). */
  private static byte[] frame(LiveEvent event, long viewerId) {
    return switch (event) {
      case LiveEvent.Notified n -> frame("notification", n.position(), Representations.notification(n.notification()));
      case LiveEvent.Logged l -> frame(l.name(), l.position(), logged(l));
      case LiveEvent.Messaged m -> frame("message", m.position(), inConversation(m.message().conversationId())
          .set("message", MessagingRoutes.message(m.message(), viewerId)));
      case LiveEvent.Read r -> frame("read", r.position(), inConversation(r.conversationId())
          .put("by", r.by().handle().value()).put("upTo", Long.toString(r.upToMessageId())));
      case LiveEvent.RequestAnswered a -> frame(a.accepted() ? "request-accepted" : "request-declined", a.position(),
          inConversation(a.conversationId()).put("by", a.by().handle().value()));
      case LiveEvent.Typing t -> frame("typing", 0, typing(t));
    };
  }

  private static ObjectNode inConversation(long conversationId) {
    return Json.object().put("conversationId", Long.toString(conversationId));
  }

  private static ObjectNode logged(LiveEvent.Logged logged) {
    ObjectNode node = Json.object();
    node.put("ref", Long.toString(logged.event().refId()));
    node.put("at", Representations.time(logged.event().at()));
    return node;
  }

  /** {@code from} is shown as a notification's actor is. */
  private static ObjectNode typing(LiveEvent.Typing typing) {
    ObjectNode node = inConversation(typing.conversationId());
    ObjectNode from = node.putObject("from");
    from.put("handle", typing.from().handle().value());
    from.put("name", typing.from().name());
    return node;
  }

  /** One event of the stream; without an id when it is only live (0), so that a client keeps its last one. */
  private static byte[] frame(String name, long id, ObjectNode data) {
    String head = "event: " + name + "\n" + (id != 0 ? "id: " + id + "\n" : "") + "data: ";
    byte[] json = Json.bytes(data); // compact: one line, as a data field must be
    byte[] frame = new byte[head.length() + json.length + 2];
    byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(headBytes, 0, frame, 0, headBytes.length);
    System.arraycopy(json, 0, frame, headBytes.length, json.length);
    frame[frame.length - 2] = '\n';
    frame[frame.length - 1] = '\n';
    return frame;
  }

  /** A {@code Last-Event-ID}: a log position, as a stream gave it. */
  private static long position(String value) {
    if (value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      String shown = value.length() <= 40 ? value : value.substring(0, 40) + "...";
      throw new InvalidInputException("invalid-last-event-id",
          "Last-Event-ID '%s' was not given by a stream: ids are log positions, whole numbers".formatted(shown),
          Map.of("lastEventId", shown));
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("invalid-last-event-id",
          "Last-Event-ID '%s' was not given by a stream: it is past any log position".formatted(value),
          Map.of("lastEventId", value));
    }
  }
}
