package dev.rapport;

import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.notification.NotificationGroup;
import dev.rapport.notification.NotificationGroups;
import dev.rapport.notification.NotificationView;
import dev.rapport.notification.Notifications;
import dev.rapport.store.StoreReads;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/** What happened to a member (NT1) and what they have read of it (NT2). Thread safe. */
public final class NotificationCommands {
  private final CommandLoop commands;
  private final Supplier<StoreReads> reads;

  NotificationCommands(CommandLoop commands, Supplier<StoreReads> reads) {
    this.commands = commands;
    this.reads = reads;
  }

  /** NT1: the actor's notifications, newest first, without members a block hides (B2). */
  public Page<NotificationView> list(long actorId, PageRequest page) {
    return Notifications.list(reads.get(), actorId, page);
  }

  /**
   * NT1: the actor's notifications grouped as LinkedIn groups them, newest first by each group's
   * first notification, without members a block hides (B2) or kinds the actor muted
   * (docs/decisions/0042-notifications-grouped-on-read-by-day.md).
   */
  public Page<NotificationGroup> groups(long actorId, PageRequest page) {
    return NotificationGroups.page(reads.get(), actorId, page);
  }

  /**
   * NT2: marks read the actor's group whose first notification is {@code groupId}, up to {@code
   * upToId}, the latest id of it the client showed: one that joined the group since stays unread.
   * Repeating it is not an error (docs/decisions/0046-a-group-marked-read-by-its-first-id.md).
   *
   * @return how many of the actor's notifications are unread afterwards
   * @throws dev.rapport.problem.NotFoundException if the actor has no such notification to see
   * @throws dev.rapport.problem.InvalidInputException if {@code upToId} is below {@code groupId}
   */
  public int markGroupRead(long actorId, long groupId, long upToId) {
    commands.run((reads, effects) -> Notifications.markGroupRead(actorId, groupId, upToId, reads, effects));
    return unread(actorId);
  }

  /**
   * NT2: marks the actor's notifications read: those with ids up to {@code upToId}, or all of them
   * when it is empty. A client passes the newest id it showed, so that one that came in meanwhile
   * stays unread. Repeating it is not an error.
   *
   * @return how many of the actor's notifications are unread afterwards
   */
  public int markRead(long actorId, OptionalLong upToId) {
    commands.run((reads, effects) -> Notifications.markRead(actorId, upToId, effects));
    return unread(actorId);
  }

  /** NT2: the notification kinds the actor muted: neither listed, counted nor streamed. */
  public Set<NotificationKind> muted(long actorId) {
    return reads.get().mutedNotificationKinds(actorId);
  }

  /**
   * NT2: the actor's muted kinds become exactly these; the same again changes nothing. What a muted
   * kind notified stays stored, and shows again if the kind is unmuted
   * (docs/decisions/0035-notifications-at-commit-muted-and-logged.md).
   *
   * @return the muted kinds afterwards
   */
  public Set<NotificationKind> mute(long actorId, Set<NotificationKind> muted) {
    Set<NotificationKind> wanted = muted.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(muted);
    commands.run((reads, effects) -> Notifications.mute(actorId, reads.mutedNotificationKinds(actorId), wanted,
        effects));
    return wanted;
  }

  /** NT2: how many of the actor's notifications are unread, leaving out those a block hides (B2). */
  public int unread(long actorId) {
    return reads.get().unreadNotificationCount(actorId);
  }
}
