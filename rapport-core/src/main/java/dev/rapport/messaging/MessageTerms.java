package dev.rapport.messaging;

import dev.rapport.problem.RapportException;
import java.util.Optional;

/**
 * What a message to a member would cost, before sending it (MS2, as LinkedIn shows an InMail's cost):
 * either the access it would use or the refusal it would get, and the sender's InMail credits now.
 */
public record MessageTerms(Optional<MessageAccess> access, Optional<RapportException> refusal, int inMailCredits) {
  public MessageTerms {
    if (access.isPresent() == refusal.isPresent()) {
      throw new IllegalArgumentException("terms have an access or a refusal, not both");
    }
  }
}
