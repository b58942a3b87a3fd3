package dev.rapport.invitation;

import dev.rapport.model.EmailAddress;
import dev.rapport.model.Handle;
import dev.rapport.model.Text;
import dev.rapport.problem.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * The command to invite a member to connect (C1).
 *
 * @param note an optional personal note (C8), stored as {@link Text#lines} leaves it; blank counts as none
 * @param email the recipient's email, needed when they accept invitations only from people who
 *     know it (C9)
 */
public record SendInvitation(Handle to, Optional<String> note, Optional<String> email) {
  /** Hard ceiling whatever the tier says, so no request stores an unbounded note. */
  public static final int NOTE_CEILING = 2_000;

  public SendInvitation {
    Objects.requireNonNull(to, "to");
    // C8: a note keeps its line breaks but no other control or formatting character.
    note = note == null ? Optional.empty()
        : note.map(n -> Text.lines(n, "note", "invalid-note")).filter(n -> !n.isEmpty());
    email = email == null ? Optional.empty()
        : email.map(String::strip).filter(e -> !e.isEmpty()).map(e -> EmailAddress.require(e, "email"));
    if (note.isPresent() && note.get().length() > NOTE_CEILING) {
      throw new InvalidInputException("note-too-long",
          "the note has %d characters; no tier allows more than %d".formatted(note.get().length(), NOTE_CEILING));
    }
  }
}
