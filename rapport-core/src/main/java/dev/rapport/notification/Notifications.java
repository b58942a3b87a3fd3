package dev.rapport.notification;

import dev.rapport.kernel.Decision;
import dev.rapport.kernel.Effects;
import dev.rapport.model.Member;
import dev.rapport.model.Notification;
import dev.rapport.model.NotificationGroupKey;
import dev.rapport.model.NotificationKind;
import dev.rapport.model.Page;
import dev.rapport.model.PageRequest;
import dev.rapport.problem.InvalidInputException;
import dev.rapport.problem.NotFoundException;
import dev.rapport.store.StoreReads;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** What a member is told about (NT1) and what they have read of it (NT2). Pure functions of what they are given. */
public final class Notifications {
  private Notifications() {}

  /** NT1: the member's notifications, newest first, each with the member who caused it; none a block hides (B2). */
  public static Page<NotificationView> list(StoreReads reads, long memberId, PageRequest page) {
    Page<Notification> notifications = reads.notifications(memberId, page);
    Map<Long, Member> actors = reads.members(notifications.items().stream().map(Notification::actorId).toList());
    return notifications.map(n -> new NotificationView(n, actors.get(n.actorId())));
  }

  /** NT2: the member's muted kinds become {@code wanted}; nothing is logged when they already are. */
  public static Decision<Boolean> mute(long memberId, Set<NotificationKind> current, Set<NotificationKind> wanted,
      Effects effects) {
    if (current.equals(wanted)) {
      return Decision.apply(effects, Boolean.FALSE);
    }
    return Decision.apply(effects.muteNotifications(memberId, wanted), Boolean.TRUE);
  }

  /**
   * NT2: the member's notifications up to {@code upToId}, or all of them, become read. Needs no
   * precondition: marking read twice, or one arriving meanwhile, is harmless.
   */
  public static Decision<Boolean> markRead(long memberId, OptionalLong upToId, Effects effects) {
    return Decision.apply(effects.markNotificationsRead(memberId, upToId.orElse(Long.MAX_VALUE)), Boolean.TRUE);
  }

  /**
   * NT2: the member's group that their notification {@code groupId} belongs to (the list gives a
   * group's first id) becomes read up to {@code upToId}, the latest id the client showed, so that one
   * that joined it since stays unread; a notification of an ungrouped kind is a group of its own
   * (docs/decisions/0046-a-group-marked-read-by-its-first-id.md).
   *
   * @throws NotFoundException if {@code groupId} is no notification the member sees (unknown,
   *     another member's, hidden by a block or a mute); nothing changes
   * @throws InvalidInputException if {@code upToId} is below {@code groupId}; nothing changes
   */
  public static Decision<Boolean> markGroupRead(long memberId, long groupId, long upToId, StoreReads reads,
      Effects effects) {
    if (upToId < groupId) {
      throw new InvalidInputException("invalid-field",
          "'upTo' %d is below the group's id %d: give the latest id of it shown".formatted(upToId, groupId),
          Map.of("field", "upTo"));
    }
    Notification first = reads.notifications(memberId, new long[] {groupId}).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("notification-not-found",
            "no notification %d of yours".formatted(groupId)));
    return Decision.apply(first.kind().grouped()
        ? effects.markNotificationGroupRead(memberId, NotificationGroupKey.of(first), 0, upToId)
        : effects.markNotificationGroupRead(memberId, NotificationGroupKey.of(first), groupId, groupId),
        Boolean.TRUE);
  }
}
