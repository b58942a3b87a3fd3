package dev.rapport.invitation;

import dev.rapport.model.Invitation;

/** What sending an invitation did: sent it, or (C4) accepted the one coming the other way. */
public sealed interface InvitationOutcome {
  Invitation invitation();

  record Sent(Invitation invitation) implements InvitationOutcome {}

  /** C4: the other member had already invited the sender; that invitation is now accepted. */
  record Connected(Invitation invitation) implements InvitationOutcome {}
}
