package dev.rapport.store;

import dev.rapport.model.InviteLink;
import java.util.List;
import java.util.Optional;

/** What the account rules read (A1, A2): credentials, a member's API tokens, invite links. */
public interface AccountReads {

  /** The credentials of the account with this email, given in lower case. */
  Optional<Credential> credential(String emailKey);

  /** The member's credentials, if they have an account. */
  Optional<Credential> credentialOf(long memberId);

  /** Whether an account or a member has this email address, given in lower case (compared case-insensitively). */
  boolean emailTaken(String emailKey);

  /** The member's API tokens that have an id, expired or not, oldest first. */
  List<IssuedToken> apiTokens(long memberId);

  /** The invite link whose code has this hash. */
  Optional<InviteLink> inviteLink(String codeHash);
}
