package dev.rapport.notification;

import dev.rapport.member.Member;

/** A notification with the member who caused it. */
public record NotificationView(Notification notification, Member actor) {}
