package dev.rapport.notification;

import dev.rapport.model.Member;
import dev.rapport.model.Notification;

/** A notification with the member who caused it. */
public record NotificationView(Notification notification, Member actor) {}
