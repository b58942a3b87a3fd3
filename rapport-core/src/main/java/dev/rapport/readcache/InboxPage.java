package dev.rapport.readcache;

import dev.rapport.model.ConversationSummary;
import dev.rapport.model.Cursor;
import dev.rapport.model.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A member's first conversations as remembered: at most {@code limit}, the newest message first, and
 * whether more follow. It knows every conversation whose newest message is at least its last one's,
 * so a conversation that moves up is put in its place and one that would leave that range cannot be
 * (docs/decisions/0044-the-conversation-page-patches-itself.md). Immutable.
 */
record InboxPage(List<ConversationSummary> items, boolean more, int limit) {
  InboxPage {
    items = List.copyOf(items);
  }

  static InboxPage of(Page<ConversationSummary> page, int limit) {
    return new InboxPage(page.items(), page.next().isPresent(), limit);
  }

  /**
   * The first page of {@code size} as the store pages it (the cursor is the last item's newest
   * message), or null if fewer are known and more follow.
   */
  Page<ConversationSummary> first(int size) {
    if (size < items.size()) {
      return new Page<>(items.subList(0, size), Optional.of(cursor(items.get(size - 1))));
    }
    if (!more) {
      return new Page<>(items, Optional.empty());
    }
    return size == items.size() ? new Page<>(items, Optional.of(cursor(items.getLast()))) : null;
  }

  /**
   * This page with the member's side of one conversation as it is now, taken from {@code pair} (the
   * pair's summaries as the store reads them): moved to its place by its newest message, or left out
   * if it falls below the known range; null if the member's summary is not among them (a block hides
   * it) or a conversation of the page would leave the known range.
   */
  InboxPage with(List<ConversationSummary> pair, long memberId) {
    ConversationSummary mine = null;
    for (ConversationSummary s : pair) {
      if (s.side().memberId() == memberId) {
        mine = s;
      }
    }
    if (mine == null) {
      return null;
    }
    long conversation = mine.conversation().id();
    long key = mine.side().lastMessageId();
    boolean wasOn = items.stream().anyMatch(s -> s.conversation().id() == conversation);
    if (more && !items.isEmpty() && key < items.getLast().side().lastMessageId()) {
      return wasOn ? null : this;
    }
    List<ConversationSummary> next = new ArrayList<>(items.size() + 1);
    boolean placed = false;
    for (ConversationSummary s : items) {
      if (!placed && s.side().lastMessageId() < key) {
        next.add(mine);
        placed = true;
      }
      if (s.conversation().id() != conversation) {
        next.add(s);
      }
    }
    if (!placed) {
      next.add(mine);
    }
    boolean beyond = more;
    if (next.size() > limit) {
      next.removeLast();
      beyond = true;
    }
    return new InboxPage(next, beyond, limit);
  }

  /** In members' worth of memory (a few hundred bytes each): the summaries and their messages' texts. */
  int weight() {
    int chars = 0;
    for (ConversationSummary s : items) {
      chars += s.lastMessage().text().length();
    }
    return items.size() + chars / 150;
  }

  private static String cursor(ConversationSummary last) {
    return Cursor.encode(last.side().lastMessageId());
  }
}
