package dev.rapport.live;

import dev.rapport.kernel.Event;
import dev.rapport.model.Member;
import dev.rapport.model.Message;
import dev.rapport.notification.NotificationView;
import java.util.Objects;
import java.util.Optional;

/**
 * What a member's live stream carries (NT2): a notification, an event of the log carried as it is,
 * a message and what the other side did in a conversation (MS1-MS4), or a typing indicator that is
 * never stored (MS4).
 */
public sealed interface LiveEvent {
  /**
   * The log position that identifies it on a stream, which a client resumes after; 0 for an event
   * that is only live, which a resumed stream never repeats.
   */
  long position();

  /** NT1: a notification, as the recipient's list shows it. */
  record Notified(long position, NotificationView notification) implements LiveEvent {
    public Notified {
      Objects.requireNonNull(notification, "notification");
    }
  }

  /**
   * An event of the log carried under a stream name (such as {@code notifications-read}), with the
   * member who acted if they are still visible.
   */
  record Logged(long position, String name, Event event, Optional<Member> actor) implements LiveEvent {
    public Logged {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /**
   * MS1: a message of one of the member's conversations, received or sent (from another of their
   * tabs); the member reads it as the conversation's messages list it.
   */
  record Messaged(long position, Message message) implements LiveEvent {
    public Messaged {
      Objects.requireNonNull(message, "message");
    }
  }

  /** MS4: the other member of a conversation read it up to a message. */
  record Read(long position, long conversationId, Member by, long upToMessageId) implements LiveEvent {
    public Read {
      Objects.requireNonNull(by, "by");
    }
  }

  /** MS2: the recipient of the member's message request accepted or declined it. */
  record RequestAnswered(long position, long conversationId, Member by, boolean accepted) implements LiveEvent {
    public RequestAnswered {
      Objects.requireNonNull(by, "by");
    }
  }

  /** MS4: the member is typing in the conversation; live only, never stored. */
  record Typing(Member from, long conversationId) implements LiveEvent {
    public Typing {
      Objects.requireNonNull(from, "from");
    }

    @Override
    public long position() {
      return 0;
    }
  }
}
