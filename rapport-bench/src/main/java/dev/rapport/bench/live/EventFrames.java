package dev.rapport.bench.live;

import java.util.Optional;

/**
 * Puts a Server-Sent-Event stream's lines together into events, for both the HTTP/1.1 reader and
 * the HTTP/2 one: {@code event:}, {@code id:} and {@code data:} fields until a blank line; comments
 * (heartbeats) and blank lines between events make none.
 */
final class EventFrames {
  private String event = "message";
  private String id;
  private String data = "";
  private boolean any;

  /** The event this line ends, if it ends one. */
  Optional<EventStreamConnection.Frame> accept(String field) {
    if (field.isEmpty()) {
      if (!any) {
        return Optional.empty();
      }
      var frame = new EventStreamConnection.Frame(event, Optional.ofNullable(id), data);
      event = "message";
      id = null;
      data = "";
      any = false;
      return Optional.of(frame);
    }
    if (field.startsWith("event: ")) {
      event = field.substring(7);
      any = true;
    } else if (field.startsWith("id: ")) {
      id = field.substring(4);
      any = true;
    } else if (field.startsWith("data: ")) {
      data = field.substring(6);
      any = true;
    }
    return Optional.empty();
  }
}
