package dev.rapport.invitation;

import dev.rapport.model.Invitation;
import dev.rapport.model.Member;

/**
 * An invitation with both members, as one of them sees it: to its sender an ignored invitation is
 * still pending (C5).
 */
public record InvitationView(Invitation invitation, Member sender, Member recipient) {}
