package dev.rapport.content;

import dev.rapport.model.Member;
import dev.rapport.model.ReactionKind;
import java.time.Instant;

/** A member's reaction to a post, on the post's list of reactions. */
public record ReactionView(Member member, ReactionKind kind, Instant at) {}
